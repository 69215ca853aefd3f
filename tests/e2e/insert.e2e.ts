// Text insertion into the editors the sites run (Draft.js on X, Lexical on Facebook, a React textarea on Instagram,
// plus a bare contenteditable), on https://rr.test/editors.html. No content script runs there, so the test adds the
// built insertion layer (page-world bridge + content-script API) to the page and drives it like the extension does.
// The assertions read each editor's MODEL (what the site would send), not its DOM. Runs in Chromium and Firefox.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { EditorKind } from '../../utils/sites/types';
import { type DriverPage, forEachBrowser } from './driver';

interface EditorCase {
  kind: EditorKind;
  /** Key of the editor in window.__rrEditorText / __rrEditorCaret. */
  name: string;
  editor: string;
  /** The send button; null for the bare contenteditable, which has none. */
  button: string | null;
}

const EDITORS: EditorCase[] = [
  {
    kind: 'draft',
    name: 'draft',
    editor: '[data-rr-box="draft"] [data-testid="tweetTextarea_0"] .public-DraftEditor-content[contenteditable="true"]',
    button: '[data-rr-box="draft"] [data-testid="tweetButtonInline"]',
  },
  {
    kind: 'lexical',
    name: 'lexical',
    editor: '[data-rr-box="lexical"] div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    button: '[data-rr-box="lexical"] [role="button"][aria-label="Comment"]',
  },
  {
    kind: 'textarea',
    name: 'textarea',
    editor: '[data-rr-box="textarea"] textarea[aria-label="Add a comment…"]',
    button: '[data-rr-box="textarea"] [role="button"]',
  },
  {
    kind: 'contenteditable',
    name: 'contenteditable',
    editor: '[data-rr-box="contenteditable"] [contenteditable="true"]',
    button: null,
  },
];

type InsertResult = { ok: true } | { ok: false; reason: string };

interface InsertApi {
  insert(selector: string, kind: EditorKind, text: string, cursor: number): Promise<InsertResult>;
  placeCaret(selector: string, kind: EditorKind, offset: number): void;
  caret(selector: string, kind: EditorKind): { start: number; end: number } | null;
}

type ProbeWindow = Window & {
  __rrInsert: InsertApi;
  __rrEditorText: Record<string, () => string>;
  __rrEditorBlocks: Record<string, () => string[]>;
  __rrEditorCaret: Record<string, () => number | null>;
};

forEachBrowser((driver) => {
  let page: DriverPage;

  beforeEach(async () => {
    page = await driver().newPage('https://rr.test/editors.html');
    await page.evaluate(
      (src) =>
        new Promise<void>((resolve, reject) => {
          const script = document.createElement('script');
          script.src = src;
          script.onload = () => resolve();
          script.onerror = () => reject(new Error(`cannot load ${src}`));
          document.head.append(script);
        }),
      'https://rr.test/__rr__/insert-strategies.js',
    );
    await page.waitFor(() => {
      const w = window as unknown as Partial<ProbeWindow>;
      return w.__rrInsert !== undefined && Object.keys(w.__rrEditorText ?? {}).length === 4;
    });
  });

  afterEach(async () => {
    await page.close();
    // Emptied each time, so one test's errors are reported by that test only.
    expect(driver().errors.splice(0)).toEqual([]);
  });

  function insert(editor: EditorCase, text: string, cursor: number): Promise<InsertResult> {
    return page.evaluate(
      ([selector, kind, t, c]) => (window as unknown as ProbeWindow).__rrInsert.insert(selector, kind, t, c),
      [editor.editor, editor.kind, text, cursor] as const,
    );
  }

  /**
   * The text in the editor's model. The bare contenteditable has no model: its probe is the DOM's innerText, which
   * reports blank lines inconsistently, so runs of line breaks are compared as one there.
   */
  async function modelText(editor: EditorCase): Promise<string> {
    const text = await page.evaluate((name) => (window as unknown as ProbeWindow).__rrEditorText[name]!(), editor.name);
    return editor.kind === 'contenteditable' ? text.replace(/\n+/g, '\n') : text;
  }

  function expected(editor: EditorCase, text: string): string {
    return editor.kind === 'contenteditable' ? text.replace(/\n+/g, '\n') : text;
  }

  /** Where the editor's model has its caret (the bare contenteditable has no model: read the DOM selection). */
  function modelCaret(editor: EditorCase): Promise<number | null> {
    return page.evaluate(
      ([name, selector, kind]) => {
        const w = window as unknown as ProbeWindow;
        const probe = w.__rrEditorCaret[name];
        return probe ? probe() : (w.__rrInsert.caret(selector, kind)?.start ?? null);
      },
      [editor.name, editor.editor, editor.kind] as const,
    );
  }

  /** Whether the box's send button is enabled; null for the bare contenteditable, which has none. */
  async function sendEnabled(editor: EditorCase): Promise<boolean | null> {
    if (!editor.button) return null;
    return page.evaluate((selector) => {
      const button = document.querySelector(selector);
      if (!button) throw new Error(`No send button ${selector}`);
      return button.getAttribute('aria-disabled') !== 'true' && !(button as HTMLButtonElement).disabled;
    }, editor.button);
  }

  async function sentCount(): Promise<number> {
    return page.evaluate(() => document.querySelectorAll('[data-testid="sent"] li').length);
  }

  const MULTI_PARAGRAPH = 'Hi Anna,\n\nthanks for waiting. We have found your order.\n\nBest wishes,\nAcme support';
  const WORLD_TEXT = 'Köszönjük a türelmét! 👍🏽 আপনার ধৈর্যের জন্য ধন্যবাদ। 👩‍👩‍👧 សូមអរគុណចំពោះការអត់ធ្មត់របស់អ្នក។ 🇭🇺';

  describe.each(EDITORS)('inserting into the $kind editor', (editor) => {
    test('multi-paragraph text lands whole, blank lines included, and enables sending', async () => {
      const hasButton = editor.button !== null;
      expect(await sendEnabled(editor)).toBe(hasButton ? false : null);
      const cursor = MULTI_PARAGRAPH.indexOf('thanks');
      expect(await insert(editor, MULTI_PARAGRAPH, cursor)).toEqual({ ok: true });
      expect(await modelText(editor)).toBe(expected(editor, MULTI_PARAGRAPH));
      if (editor.kind === 'draft') {
        const blocks = await page.evaluate(() => (window as unknown as ProbeWindow).__rrEditorBlocks.draft!());
        expect(blocks).toEqual([
          'Hi Anna,',
          '',
          'thanks for waiting. We have found your order.',
          '',
          'Best wishes,',
          'Acme support',
        ]);
      }
      expect(await sendEnabled(editor)).toBe(hasButton ? true : null);
      await expect.poll(() => modelCaret(editor)).toBe(cursor);
      expect(await sentCount()).toBe(0);
    });

    test('emoji and Hungarian, Bengali and Khmer text land unchanged, caret after an emoji', async () => {
      const cursor = WORLD_TEXT.indexOf('👍🏽') + '👍🏽'.length;
      expect(await insert(editor, WORLD_TEXT, cursor)).toEqual({ ok: true });
      expect(await modelText(editor)).toBe(WORLD_TEXT);
      expect(await sendEnabled(editor)).toBe(editor.button ? true : null);
      await expect.poll(() => modelCaret(editor)).toBe(cursor);
    });

    test('into a box that already has text, it goes in at the caret', async () => {
      expect(await insert(editor, 'Hello Anna', 'Hello Anna'.length)).toEqual({ ok: true });
      await page.evaluate(
        ([selector, kind]) => (window as unknown as ProbeWindow).__rrInsert.placeCaret(selector, kind, 'Hello'.length),
        [editor.editor, editor.kind] as const,
      );
      await expect.poll(() => modelCaret(editor)).toBe('Hello'.length);
      expect(await insert(editor, ', dear', ', dear'.length)).toEqual({ ok: true });
      expect(await modelText(editor)).toBe('Hello, dear Anna');
      await expect.poll(() => modelCaret(editor)).toBe('Hello, dear'.length);
    });

    test('when the caret is elsewhere on the page, it is added at the end of the box', async () => {
      expect(await insert(editor, 'Hello Anna', 'Hello Anna'.length)).toEqual({ ok: true });
      await page.click(() => document.querySelector('[data-testid="elsewhere"]'));
      expect(await insert(editor, ' — Acme', 0)).toEqual({ ok: true });
      expect(await modelText(editor)).toBe('Hello Anna — Acme');
      await expect.poll(() => modelCaret(editor)).toBe('Hello Anna'.length);
      expect(await sentCount()).toBe(0);
    });
  });
});
