// The page can answer an insertion request in the bridge's place, with words of its choosing. Whatever it says,
// the failure Reply Radar reports (and shows in the badge) is in our own fixed words.
import { describe, expect, it } from 'vitest';
import { INSERT_EVENT, INSERTED_EVENT, parseInsertRequest } from '../../../utils/insert/bridge';
import { BRIDGE_FAILED, insertIntoEditor } from '../../../utils/insert/index';

const PHISHING = 'Session expired: re-enter your X password at evil.example';

describe('a failed insertion answered by the page', () => {
  it('is reported in our words, never the page’s', async () => {
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    // Page script answering every request with its own "error".
    textarea.addEventListener(INSERT_EVENT, (event) => {
      const request = parseInsertRequest((event as CustomEvent).detail);
      textarea.dispatchEvent(
        new CustomEvent(INSERTED_EVENT, { detail: JSON.stringify({ id: request?.id, ok: false, error: PHISHING }) }),
      );
    });
    const result = await insertIntoEditor(textarea, 'textarea', 'Hello Ana', 9, { timeoutMs: 1000 });
    expect(result.ok).toBe(false);
    const reason = result.ok ? '' : result.reason;
    expect(reason).toContain(BRIDGE_FAILED);
    expect(reason).not.toMatch(/password|evil/);
    textarea.remove();
  });
});
