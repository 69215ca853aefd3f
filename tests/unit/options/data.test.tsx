import { describe, expect, it } from 'vitest';
import { DataSection } from '../../../components/options/DataSection';
import { applyLanguageSetting } from '../../../utils/i18n';
import { exportAll } from '../../../utils/storage/import-export';
import { readSettings } from '../../../utils/storage/settings';
import { createTemplate, listTemplates, seedStarterTemplates } from '../../../utils/storage/templates';
import { button, click, mount, text, waitFor } from './harness';

function pick(root: HTMLElement, file: File) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
}

async function chooseMode(root: HTMLElement, mode: 'merge' | 'replace') {
  await click(root.querySelector(`input[name="importMode"][value="${mode}"]`));
}

const result = (root: HTMLElement) => root.querySelector('[data-testid="import-result"]');

/** A real export with four templates, then broken at templates[3]. */
async function backupWithBrokenFourthTemplate(): Promise<string> {
  for (const title of ['One', 'Two', 'Three', 'Four']) {
    await createTemplate({ title, body: `${title} body`, language: 'en', tags: [] });
  }
  const { value } = await exportAll();
  const broken = structuredClone(value) as unknown as { templates: Record<string, unknown>[] };
  delete broken.templates[3]?.body;
  return JSON.stringify(broken);
}

describe('Data: import and export', () => {
  it('words the file control in the interface language, not the browser’s, and names the picked file', async () => {
    await applyLanguageSetting('hu');
    const root = await mount(<DataSection />);
    const control = root.querySelector('.rr-file');
    expect(text(control)).toBe('Fájl kiválasztása…Nincs kiválasztott fájl');
    // The browser's own control (its words follow the browser) is there for the keyboard and the picker only.
    const input = root.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.classList.contains('rr-visually-hidden')).toBe(true);
    expect(root.querySelector(`label[for="${input?.id}"].rr-button`)).not.toBeNull();
    pick(root, new File(['{}'], 'mentés.json', { type: 'application/json' }));
    input?.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => text(root.querySelector('[data-testid="import-file-name"]')) === 'mentés.json', 'the name');
  });

  it('shows the import function’s error for a bad file and changes nothing', async () => {
    await seedStarterTemplates({ starters: [] });
    const file = await backupWithBrokenFourthTemplate();
    await createTemplate({ title: 'Mine', body: 'Only here', language: 'en', tags: [] });
    const before = (await listTemplates()).items;

    const root = await mount(<DataSection />);
    pick(root, new File([file], 'backup.json', { type: 'application/json' }));
    await chooseMode(root, 'replace');
    await click(button(root, 'Import'));
    // Replace asks first.
    const confirm = await waitFor(() => root.querySelector('[role="alertdialog"]'), 'the confirmation');
    expect(text(confirm)).toContain('Replace everything with “backup.json”?');
    await click(button(confirm, 'Replace'));

    await waitFor(() => text(result(root)).includes('Not imported'), 'the error');
    expect(text(result(root))).toContain('template 4, reply text: is missing');
    expect(await listTemplates()).toEqual({ items: before, skipped: [] });
  });

  it('cancelling a replace import changes nothing', async () => {
    await seedStarterTemplates({ starters: [] });
    await createTemplate({ title: 'Mine', body: 'Only here', language: 'en', tags: [] });
    const root = await mount(<DataSection />);
    pick(root, new File(['title,body\nNew,Hello\n'], 'templates.csv', { type: 'text/csv' }));
    await chooseMode(root, 'replace');
    await click(button(root, 'Import'));
    const confirm = await waitFor(() => root.querySelector('[role="alertdialog"]'), 'the confirmation');
    await click(button(confirm, 'Cancel'));
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(['Mine']);
  });

  it('merges a CSV file and sums up what happened', async () => {
    await seedStarterTemplates({ starters: [] });
    await createTemplate({ title: 'Mine', body: 'Only here', shortcut: 'ty', language: 'en', tags: [] });
    const csv =
      'title,body,shortcut,language,tags\nThanks,"Thank you, {first_name}!",ty,en,thanks\nSorry,We are sorry.,,en,\n';
    const root = await mount(<DataSection />);
    pick(root, new File([csv], 'templates.csv', { type: 'text/csv' }));
    await click(button(root, 'Import'));

    await waitFor(() => text(result(root)).includes('Imported templates.csv'), 'the summary');
    expect(text(result(root))).toContain('Templates: 2 added.');
    expect(text(result(root))).toContain('“Thanks” was imported without its shortcut "ty", which “Mine” already uses.');
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(['Mine', 'Thanks', 'Sorry']);
  });

  it('refuses a file that is not a Reply Radar backup', async () => {
    await seedStarterTemplates({ starters: [] });
    const settingsBefore = await readSettings();
    const root = await mount(<DataSection />);
    pick(root, new File(['{"hello": "world"}'], 'other.json', { type: 'application/json' }));
    await click(button(root, 'Import'));
    await waitFor(() => text(result(root)).includes('Not imported'), 'the error');
    expect(text(result(root))).toContain('This is not a Reply Radar export');
    expect(text(result(root))).toContain('Nothing was changed.');
    expect((await listTemplates()).items).toEqual([]);
    expect(await readSettings()).toEqual(settingsBefore);
  });
});
