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
    // States are stored in chunks of JSON text, each a list of compact entries [key, state, at(, until)] or, as
    // earlier releases wrote them, [key, record] pairs (utils/storage/state-chunks.ts).
    const chunks = (await all('stateChunks')) as string[];
    const stateOf = (entry: unknown[]) =>
      entry.length === 2
        ? entry[1]
        : entry.length === 3
          ? { key: entry[0], state: entry[1], at: entry[2] }
          : { key: entry[0], state: entry[1], at: entry[2], until: entry[3] };
    // Templates are stored in chunks, each a list of [id, record] pairs (utils/storage/template-chunks.ts).
    const templateChunks = (await all('templateChunks')) as [string, unknown][][];
    const result = {
      templates: templateChunks.flatMap((pairs) => pairs.map(([, record]) => record)),
      commentStates: chunks.flatMap((text) => (JSON.parse(text) as unknown[][]).map(stateOf)),
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

/**
 * What page script can forge at Reply Radar, all at once: Alt+key presses for every shortcut at the window, the
 * document, the body and the focused element; clicks and pointer sequences on every button, option, input and link
 * of ours it can reach through the open shadow roots; the insertion bridge's answers (with `words` in them) on every
 * editable element; WXT's "a newer copy started" announcement and messages in its style; teardown-like events.
 * `site` is the content script's name, `id` a comment id of the page the forged messages name.
 */
export function forgeInput(page: DriverPage, words: string, site: 'x' | 'facebook' | 'instagram', id: string) {
  return page.evaluate(
    ([text, name, commentId]) => {
      const keys = ['KeyJ', 'KeyK', 'KeyD', 'KeyS', 'KeyR', 'KeyQ', 'Digit1', 'Digit2'];
      const targets: EventTarget[] = [window, document, document.body];
      if (document.activeElement) targets.push(document.activeElement);
      for (const code of keys) {
        const key = code.startsWith('Key') ? code.slice(3).toLowerCase() : code.slice(5);
        for (const target of targets) {
          for (const type of ['keydown', 'keyup']) {
            target.dispatchEvent(
              new KeyboardEvent(type, { code, key, altKey: true, bubbles: true, composed: true, cancelable: true }),
            );
          }
        }
      }
      // Every button of ours the page can reach through the open shadow roots: click(), and a full pointer sequence.
      const buttons = [...document.querySelectorAll('reply-radar, rr-badge, rr-layer')].flatMap((host) => [
        ...(host.shadowRoot?.querySelectorAll('button, [role="button"], [role="option"], input, a') ?? []),
      ]);
      for (const button of buttons) {
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
          button.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, cancelable: true }));
        }
        (button as HTMLElement).click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 1 }));
      }
      // The insertion bridge's answer, with the page's own words in it, on every editable element and the document.
      for (const target of [document, ...document.querySelectorAll('[contenteditable="true"], textarea')]) {
        for (const detail of [
          JSON.stringify({ id: 1, ok: false, error: `${text}: re-enter your password at evil.example` }),
          JSON.stringify({ id: 1, ok: true, text }),
          text,
        ]) {
          target.dispatchEvent(new CustomEvent('reply-radar:inserted', { detail, bubbles: true, composed: true }));
          target.dispatchEvent(new CustomEvent('reply-radar:insert', { detail, bubbles: true, composed: true }));
        }
      }
      // WXT's "a newer copy of this content script started" announcement, and other messages in its style.
      for (const data of [
        { type: 'wxt:content-script-started', contentScriptName: name, messageId: text },
        { type: 'wxt:content-script-started', contentScriptName: 'content', messageId: text },
        { event: 'wxt:content-script-started', contentScriptName: name },
        { type: 'reply-radar', action: 'done', id: commentId, text },
        text,
      ]) {
        window.postMessage(data, '*');
      }
      for (const event of ['wxt:content-script-started', 'reply-radar:teardown', 'reply-radar:settings']) {
        window.dispatchEvent(new CustomEvent(event, { detail: { contentScriptName: name, text } }));
        document.dispatchEvent(new CustomEvent(event, { detail: { contentScriptName: name, text } }));
      }
    },
    [words, site, id] as const,
  );
}
