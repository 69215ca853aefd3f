import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  INSERT_EVENT,
  INSERTED_EVENT,
  installInsertBridge,
  isInsertTarget,
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

/**
 * Every answer the bridge gives on `elements` once all its work is done: under fake timers, every timer the
 * strategies start is run until none is left, so no answer can still be on its way (no real-time waiting).
 */
async function allAnswers(elements: Element[], send: () => void): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const element of elements) {
    element.addEventListener(INSERTED_EVENT, (event) =>
      answers.push(JSON.parse(String((event as CustomEvent).detail))),
    );
  }
  vi.useFakeTimers();
  try {
    send();
    await vi.runAllTimersAsync();
  } finally {
    vi.useRealTimers();
  }
  return answers;
}

function request(element: Element, detail: object | string): void {
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  element.dispatchEvent(new CustomEvent(INSERT_EVENT, { detail: text }));
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
    const answers = await allAnswers([textarea], () =>
      request(textarea, { id: 'abc', kind: 'textarea', text: 'Hi', cursor: 2 }),
    );
    expect(answers).toEqual([{ id: 'abc', ok: true }]);
    expect(textarea.value).toBe('Hi');
  });

  test('ignores malformed requests and elements that are not editable or not of the named kind', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    const { textarea } = trackedTextarea();
    const readonly = document.createElement('textarea');
    readonly.readOnly = true;
    const disabled = document.createElement('textarea');
    disabled.disabled = true;
    document.body.append(readonly, disabled);
    const cases: [Element, object | string][] = [
      [div, { id: 'a', kind: 'contenteditable', text: 'Hi', cursor: 0 }],
      [div, { id: 'b', kind: 'textarea', text: 'Hi', cursor: 0 }],
      [readonly, { id: 'c', kind: 'textarea', text: 'Hi', cursor: 0 }],
      [textarea, { id: 'd', kind: 'draft', text: 'Hi', cursor: 0 }],
      [textarea, '{"id":"e","kind":"textarea","text":"Hi"}'],
      [disabled, { id: 'f', kind: 'textarea', text: 'Hi', cursor: 0 }],
    ];
    const answers = await allAnswers([div, textarea, readonly, disabled], () => {
      for (const [element, detail] of cases) request(element, detail);
    });
    expect(answers).toEqual([]);
    expect([textarea.value, readonly.value, disabled.value]).toEqual(['', '', '']);
  });

  test('a second request for a box still being filled is refused, not run beside the first', async () => {
    const { textarea } = trackedTextarea();
    const answers = await allAnswers([textarea], () => {
      request(textarea, { id: 'first', kind: 'textarea', text: 'Hi', cursor: 2 });
      request(textarea, { id: 'second', kind: 'textarea', text: 'Hi', cursor: 2 });
    });
    expect(answers).toEqual([
      { id: 'second', ok: false, error: 'Another insertion into this box is still running' },
      { id: 'first', ok: true },
    ]);
    expect(textarea.value).toBe('Hi');
    // Once the first is done, the box takes requests again.
    const later = await allAnswers([textarea], () =>
      request(textarea, { id: 'third', kind: 'textarea', text: '!', cursor: 1 }),
    );
    expect(later).toEqual([{ id: 'third', ok: true }]);
    expect(textarea.value).toBe('Hi!');
  });

  test('only elements of the bridge’s own document are targets', () => {
    const other = document.implementation.createHTMLDocument('other');
    const foreign = other.createElement('textarea');
    other.body.append(foreign);
    const { textarea } = trackedTextarea();
    expect(isInsertTarget(textarea, 'textarea', document)).toBe(true);
    expect(foreign.isConnected).toBe(true);
    expect(isInsertTarget(foreign, 'textarea', document)).toBe(false);
    const editable = other.createElement('div');
    editable.contentEditable = 'true';
    other.body.append(editable);
    expect(isInsertTarget(editable, 'contenteditable', document)).toBe(false);
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
    expect(await insertIntoEditor(textarea, 'textarea', '', 0)).toEqual({
      ok: false,
      reason: expect.any(String),
      say: expect.objectContaining({ key: expect.any(String) }),
    });
    textarea.remove();
    expect(await insertIntoEditor(textarea, 'textarea', 'Hi', 0)).toEqual({
      ok: false,
      reason: expect.any(String),
      say: expect.objectContaining({ key: expect.any(String) }),
    });
  });
});
