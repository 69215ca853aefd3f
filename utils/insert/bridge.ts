// The page-world bridge. Firefox drops the data of synthetic paste/beforeinput events made in a content script's
// isolated world, so the strategies run in the page's own world (entrypoints/page-bridge.content.ts) in every
// browser. The content script asks by dispatching `reply-radar:insert` ON the editor; the bridge answers with
// `reply-radar:inserted` on the same element. Details are JSON strings: objects do not cross worlds safely.
//
// The page can send these events too. That is harmless: the bridge only inserts the page's own text into the page's
// own editable element, which the page can do anyway; anything malformed is ignored.
import type { EditorKind } from '../sites/types';
import { runStrategy } from './strategies';

export const INSERT_EVENT = 'reply-radar:insert';
export const INSERTED_EVENT = 'reply-radar:inserted';

/** Longer than any comment the three sites accept; bounds the work a page can ask of the bridge. */
export const MAX_INSERT_LENGTH = 50_000;
const MAX_ID_LENGTH = 100;
const EDITOR_KINDS: readonly EditorKind[] = ['draft', 'lexical', 'textarea', 'contenteditable'];

export interface InsertRequest {
  id: string;
  kind: EditorKind;
  text: string;
  cursor: number;
  /** Replace these plain-text offsets of the box (a typed ";shortcut") instead of the selection. */
  replace?: { start: number; end: number };
}

export interface InsertAnswer {
  id: string;
  ok: boolean;
  error?: string;
}

function parseObject(detail: unknown): Record<string, unknown> | null {
  if (typeof detail !== 'string' || detail.length > MAX_INSERT_LENGTH * 2 + 1000) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function validId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;
}

export function parseInsertRequest(detail: unknown): InsertRequest | null {
  const value = parseObject(detail);
  if (!value) return null;
  const { id, kind, text, cursor, replace } = value;
  if (!validId(id)) return null;
  if (typeof kind !== 'string' || !EDITOR_KINDS.includes(kind as EditorKind)) return null;
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_INSERT_LENGTH) return null;
  if (typeof cursor !== 'number' || !Number.isInteger(cursor) || cursor < 0 || cursor > text.length) return null;
  const request: InsertRequest = { id, kind: kind as EditorKind, text, cursor };
  if (replace === undefined) return request;
  const range = parseRange(replace);
  return range ? { ...request, replace: range } : null;
}

function parseRange(value: unknown): { start: number; end: number } | null {
  if (value === null || typeof value !== 'object') return null;
  const { start, end } = value as Record<string, unknown>;
  const offset = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!offset(start) || !offset(end) || start > end || end > MAX_INSERT_LENGTH) return null;
  return { start, end };
}

export function parseInsertAnswer(detail: unknown): InsertAnswer | null {
  const value = parseObject(detail);
  if (!value || !validId(value.id) || typeof value.ok !== 'boolean') return null;
  const error = typeof value.error === 'string' ? value.error.slice(0, 500) : undefined;
  return { id: value.id, ok: value.ok, ...(error ? { error } : {}) };
}

/** Only a connected, editable element of the bridge's own document, of the kind the request names. */
export function isInsertTarget(target: unknown, kind: EditorKind, doc: Document): target is HTMLElement {
  const element = target as HTMLElement | null;
  if (element?.nodeType !== 1 || !element.isConnected || element.ownerDocument !== doc) return false;
  if (kind === 'textarea') {
    const textarea = element as HTMLTextAreaElement;
    return element.tagName === 'TEXTAREA' && !textarea.disabled && !textarea.readOnly;
  }
  return element.isContentEditable === true;
}

const INSTALLED = Symbol.for('reply-radar.insert-bridge');

/** Starts answering insert requests in this window; returns a function that stops it. Idempotent per window. */
export function installInsertBridge(win: Window): () => void {
  const flagged = win as Window & { [INSTALLED]?: boolean };
  if (flagged[INSTALLED]) return () => {};
  flagged[INSTALLED] = true;
  const doc = win.document;
  const busy = new WeakSet<HTMLElement>();

  const answer = (element: HTMLElement, reply: InsertAnswer) => {
    element.dispatchEvent(new CustomEvent(INSERTED_EVENT, { detail: JSON.stringify(reply) }));
  };

  const onInsert = (event: Event) => {
    const request = parseInsertRequest((event as CustomEvent).detail);
    if (!request) return;
    // composedPath()[0]: the editor itself, even inside a shadow root.
    const target = event.composedPath()[0];
    if (!isInsertTarget(target, request.kind, doc)) return;
    if (busy.has(target)) {
      // i18n-ignore: English for the console; the overlay words a failed insertion from its own locale text
      answer(target, { id: request.id, ok: false, error: 'Another insertion into this box is still running' });
      return;
    }
    busy.add(target);
    runStrategy(target, request.kind, request.text, request.cursor, request.replace)
      .then(
        () => answer(target, { id: request.id, ok: true }),
        (error: unknown) =>
          answer(target, { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => busy.delete(target));
  };

  doc.addEventListener(INSERT_EVENT, onInsert, true);
  return () => {
    doc.removeEventListener(INSERT_EVENT, onInsert, true);
    flagged[INSTALLED] = false;
  };
}

function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Content-script side: asks the bridge to insert; resolves to its answer, or null when none came in time. */
export function requestInsert(
  editor: HTMLElement,
  request: Omit<InsertRequest, 'id'>,
  timeoutMs: number,
): Promise<InsertAnswer | null> {
  const id = newRequestId();
  return new Promise((resolve) => {
    const finish = (reply: InsertAnswer | null) => {
      clearTimeout(timer);
      editor.removeEventListener(INSERTED_EVENT, onAnswer);
      resolve(reply);
    };
    const onAnswer = (event: Event) => {
      const reply = parseInsertAnswer((event as CustomEvent).detail);
      if (reply && reply.id === id) finish(reply);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    editor.addEventListener(INSERTED_EVENT, onAnswer);
    editor.dispatchEvent(new CustomEvent(INSERT_EVENT, { detail: JSON.stringify({ id, ...request }) }));
  });
}
