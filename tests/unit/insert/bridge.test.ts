import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  INSERT_EVENT,
  INSERTED_EVENT,
  installInsertBridge,
  MAX_INSERT_LENGTH,
  parseInsertAnswer,
  parseInsertRequest,
} from '../../../utils/insert/bridge';
import { insertIntoEditor } from '../../../utils/insert/index';

/** A textarea whose value a React-like tracker watches: own-property writes are what React itself would do. */
function trackedTextarea(): { textarea: HTMLTextAreaElement; changesSeenByReact: string[] } {
  const textarea = document.createElement('textarea');
  const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
  let tracked = '';
  Object.defineProperty(textarea, 'value', {
    configurable: true,
    get() {
      return native.get!.call(this);
    },
    set(value: string) {
      tracked = value;
      native.set!.call(this, value);
    },
  });
  const changesSeenByReact: string[] = [];
  // React only fires onChange when the DOM value differs from the value it last tracked.
  textarea.addEventListener('input', () => {
    const current = native.get!.call(textarea) as string;
    if (current !== tracked) {
      tracked = current;
      changesSeenByReact.push(current);
    }
  });
  document.body.append(textarea);
  return { textarea, changesSeenByReact };
}

/** Answers the bridge gave on `element` within `ms`. */
async function answersWithin(element: Element, ms: number, send: () => void): Promise<string[]> {
  const answers: string[] = [];
  element.addEventListener(INSERTED_EVENT, (event) => answers.push(String((event as CustomEvent).detail)));
  send();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return answers;
}

let uninstall: () => void = () => {};

beforeEach(() => {
  document.body.replaceChildren();
  uninstall = installInsertBridge(window);
});

afterEach(() => uninstall());

describe('insert requests', () => {
  const valid = { id: 'r1', kind: 'textarea', text: 'Hi', cursor: 1 };

  test('a well-formed request is read', () => {
    expect(parseInsertRequest(JSON.stringify(valid))).toEqual(valid);
  });

  test.each([
    ['an object instead of a JSON string', valid],
    ['broken JSON', '{"id":'],
    ['an array', '[]'],
    ['an unknown editor kind', JSON.stringify({ ...valid, kind: 'prosemirror' })],
    ['empty text', JSON.stringify({ ...valid, text: '', cursor: 0 })],
    ['text over the limit', JSON.stringify({ ...valid, text: 'x'.repeat(MAX_INSERT_LENGTH + 1) })],
    ['a cursor past the text', JSON.stringify({ ...valid, cursor: 3 })],
    ['a fractional cursor', JSON.stringify({ ...valid, cursor: 0.5 })],
    ['no id', JSON.stringify({ ...valid, id: '' })],
  ])('%s is ignored', (_, detail) => {
    expect(parseInsertRequest(detail)).toBeNull();
  });

  test('answers without an id or outcome are ignored', () => {
    expect(parseInsertAnswer(JSON.stringify({ id: 'a', ok: true }))).toEqual({ id: 'a', ok: true });
    expect(parseInsertAnswer(JSON.stringify({ ok: true }))).toBeNull();
    expect(parseInsertAnswer(JSON.stringify({ id: 'a', ok: 'yes' }))).toBeNull();
  });
});

describe('the page-world bridge', () => {
  test('fills a React-controlled textarea so React sees the change, and puts the caret at the cursor', async () => {
    const { textarea, changesSeenByReact } = trackedTextarea();
    const result = await insertIntoEditor(textarea, 'textarea', 'Hello Anna', 5);
    expect(result).toEqual({ ok: true });
    expect(textarea.value).toBe('Hello Anna');
    expect(changesSeenByReact).toEqual(['Hello Anna']);
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([5, 5]);
  });

  test('inserts at the textarea’s caret, replacing its selection', async () => {
    const { textarea } = trackedTextarea();
    textarea.value = 'Hello Anna';
    textarea.setSelectionRange(5, 5);
    expect(await insertIntoEditor(textarea, 'textarea', ', dear', 6)).toEqual({ ok: true });
    expect(textarea.value).toBe('Hello, dear Anna');
    expect(textarea.selectionStart).toBe(11);
    textarea.setSelectionRange(0, 5);
    expect(await insertIntoEditor(textarea, 'textarea', 'Hi', 2)).toEqual({ ok: true });
    expect(textarea.value).toBe('Hi, dear Anna');
  });

  test('Windows line ends arrive as "\\n" with the caret where the template meant it', async () => {
    const { textarea } = trackedTextarea();
    expect(await insertIntoEditor(textarea, 'textarea', 'a\r\nb\r\nc', 4)).toEqual({ ok: true });
    expect(textarea.value).toBe('a\nb\nc');
    expect(textarea.selectionStart).toBe(3);
  });

  test('answers once, on the element, with the request’s id', async () => {
    const { textarea } = trackedTextarea();
    const detail = JSON.stringify({ id: 'abc', kind: 'textarea', text: 'Hi', cursor: 2 });
    const answers = await answersWithin(textarea, 1500, () =>
      textarea.dispatchEvent(new CustomEvent(INSERT_EVENT, { detail })),
    );
    expect(answers.map((answer) => JSON.parse(answer))).toEqual([{ id: 'abc', ok: true }]);
  });

  test('ignores malformed requests and elements that are not editable or not of the named kind', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    const { textarea } = trackedTextarea();
    const readonly = document.createElement('textarea');
    readonly.readOnly = true;
    document.body.append(readonly);
    const cases: [Element, string][] = [
      [div, JSON.stringify({ id: 'a', kind: 'contenteditable', text: 'Hi', cursor: 0 })],
      [div, JSON.stringify({ id: 'b', kind: 'textarea', text: 'Hi', cursor: 0 })],
      [readonly, JSON.stringify({ id: 'c', kind: 'textarea', text: 'Hi', cursor: 0 })],
      [textarea, JSON.stringify({ id: 'd', kind: 'draft', text: 'Hi', cursor: 0 })],
      [textarea, '{"id":"e","kind":"textarea","text":"Hi"}'],
    ];
    const answers: string[] = [];
    for (const element of [div, textarea, readonly]) {
      element.addEventListener(INSERTED_EVENT, (event) => answers.push(String((event as CustomEvent).detail)));
    }
    for (const [element, detail] of cases) element.dispatchEvent(new CustomEvent(INSERT_EVENT, { detail }));
    // Longer than an accepted request takes to be answered (see the test above).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(answers).toEqual([]);
    expect(textarea.value).toBe('');
    expect(readonly.value).toBe('');
  });

  test('installing twice still inserts once', async () => {
    const again = installInsertBridge(window);
    const { textarea } = trackedTextarea();
    expect(await insertIntoEditor(textarea, 'textarea', 'once', 4)).toEqual({ ok: true });
    expect(textarea.value).toBe('once');
    again();
  });
});

describe('insertIntoEditor', () => {
  test('without a bridge on the page it reports that nothing happened', async () => {
    uninstall();
    const { textarea } = trackedTextarea();
    const result = await insertIntoEditor(textarea, 'textarea', 'Hi', 2, { timeoutMs: 200 });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/did not take the text.*did not answer/);
    expect(textarea.value).toBe('');
  });

  test('direct mode runs the strategy in this world', async () => {
    uninstall();
    const { textarea } = trackedTextarea();
    expect(await insertIntoEditor(textarea, 'textarea', 'Hi there', 2, { direct: true })).toEqual({ ok: true });
    expect(textarea.value).toBe('Hi there');
    expect(textarea.selectionStart).toBe(2);
  });

  test('refuses empty text and boxes that left the page', async () => {
    const { textarea } = trackedTextarea();
    expect(await insertIntoEditor(textarea, 'textarea', '', 0)).toEqual({ ok: false, reason: expect.any(String) });
    textarea.remove();
    expect(await insertIntoEditor(textarea, 'textarea', 'Hi', 0)).toEqual({ ok: false, reason: expect.any(String) });
  });
});
