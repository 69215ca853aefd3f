// What a script on the site can see and do, run in the page's own world: everything readable in the page (open
// shadow roots included), every click, key and input event that reaches the page, and the extension's stored data.
import type { Driver, DriverPage } from '../driver';

/** Every text node and attribute value in the document and in every open shadow root, as the page can read them. */
export function readableText(page: DriverPage): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          out.push(node.nodeValue ?? '');
          continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) continue; // the document or shadow root the walk starts at
        const el = node as Element;
        for (const attr of Array.from(el.attributes)) out.push(attr.value);
        // Form fields hold text outside the DOM tree.
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) out.push(el.value);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out.join('\n');
  });
}

export interface PageEvent {
  type: string;
  trusted: boolean;
  /** The element the event was dispatched at (inside a shadow root when it came from one), described. */
  target: string;
  /** `ours`: one of Reply Radar's own hosts; `editor`: inside an editable reply box; `site`: anything else. */
  where: 'ours' | 'editor' | 'site';
  key?: string;
}

/**
 * Starts recording every event a click, a key or typing produces on the page (capture phase on window, before the
 * site sees it). Trusted ones are the test's real input; untrusted ones were made by script, i.e. the extension.
 */
export function recordPageEvents(page: DriverPage): Promise<void> {
  return page.evaluate(() => {
    const log: unknown[] = [];
    (window as unknown as { __rrEvents: unknown[] }).__rrEvents = log;
    const ours = new Set(['reply-radar', 'rr-badge', 'rr-layer']);
    const describe = (el: Element) => {
      const attrs = ['data-testid', 'role', 'aria-label', 'name', 'type']
        .map((name) => (el.getAttribute(name) ? `[${name}="${el.getAttribute(name)}"]` : ''))
        .join('');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${el.localName}${attrs}${text ? ` "${text}"` : ''}`;
    };
    const types = [
      'click',
      'dblclick',
      'auxclick',
      'contextmenu',
      'mousedown',
      'mouseup',
      'pointerdown',
      'pointerup',
      'keydown',
      'keyup',
      'keypress',
      'beforeinput',
      'input',
      'paste',
      'drop',
      'submit',
    ];
    for (const type of types) {
      window.addEventListener(
        type,
        (event) => {
          const path = event.composedPath().filter((n): n is Element => n instanceof Element);
          const first = path[0];
          if (!first) return;
          const where = path.some((el) => ours.has(el.localName))
            ? 'ours'
            : path.some((el) => (el as HTMLElement).isContentEditable || el.localName === 'textarea')
              ? 'editor'
              : 'site';
          const key = event instanceof KeyboardEvent ? event.code : undefined;
          log.push({ type, trusted: event.isTrusted, target: describe(first), where, ...(key ? { key } : {}) });
        },
        true,
      );
    }
  });
}

export function recordedEvents(page: DriverPage): Promise<PageEvent[]> {
  return page.evaluate(() => [...((window as unknown as { __rrEvents?: PageEvent[] }).__rrEvents ?? [])]);
}

export interface StoredData {
  templates: unknown[];
  commentStates: unknown[];
  responseLog: unknown[];
  settings: unknown;
}

/** The extension's IndexedDB and settings, read in the extension's own origin. */
export function storedData(driver: Driver): Promise<StoredData> {
  return driver.evaluateInExtension(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('reply-radar');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // States are stored in chunks of JSON text, each a list of [key, state] pairs (utils/storage/state-chunks.ts).
    const chunks = (await all('stateChunks')) as string[];
    const result = {
      templates: await all('templates'),
      commentStates: chunks.flatMap((text) => (JSON.parse(text) as Array<[string, unknown]>).map(([, state]) => state)),
      responseLog: await all('responseLog'),
      settings: null as unknown,
    };
    db.close();
    type Local = { storage: { local: { get(keys: null): Promise<unknown> } } };
    const g = globalThis as unknown as { browser?: Local; chrome?: Local };
    result.settings = await (g.browser ?? g.chrome)?.storage.local.get(null);
    return result;
  });
}

/** A template body's longest stretch of literal text on one line (between variables), as any fill shows it. */
export function literalPart(body: string): string {
  return body
    .split(/\{[^}]*\}|\n/)
    .map((part) => part.trim())
    .reduce((a, b) => (b.length > a.length ? b : a), '');
}
