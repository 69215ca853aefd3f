import { afterEach, describe, expect, test, vi } from 'vitest';
import { copyToClipboard } from '../../../utils/insert/clipboard';

/** happy-dom has no execCommand: stand in for the browser's. */
function stubExecCommand(implementation: (command: string) => boolean) {
  Object.defineProperty(document, 'execCommand', { configurable: true, value: vi.fn(implementation) });
}

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
});

describe('copying a reply to the clipboard', () => {
  test('uses the Clipboard API when it works', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    expect(await copyToClipboard('Hi Anna')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('Hi Anna');
  });

  test('falls back to the copy command, leaving no trace and giving focus back', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const copied: string[] = [];
    stubExecCommand((command) => {
      const active = document.activeElement as HTMLTextAreaElement;
      if (command === 'copy') copied.push(active.value.slice(active.selectionStart, active.selectionEnd));
      return command === 'copy';
    });
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const childrenBefore = document.body.children.length;

    expect(await copyToClipboard('Hi Anna\n\nAcme')).toBe(true);
    expect(copied).toEqual(['Hi Anna\n\nAcme']);
    expect(document.body.children.length).toBe(childrenBefore);
    expect(document.activeElement).toBe(input);
  });

  test('says so when nothing could copy', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    stubExecCommand(() => false);
    expect(await copyToClipboard('Hi')).toBe(false);
  });
});
