import { beforeEach, describe, expect, test } from 'vitest';
import { caretRange, clampCursor, placeCaret } from '../../../utils/insert/caret';
import { domPointAt, editorPlainText, looseText, offsetOfDomPoint } from '../../../utils/insert/plain-text';

/** The DOM Draft.js renders: one [data-block] per line, an empty line as <br data-text="true">. */
function draftEditor(lines: string[]): HTMLElement {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.className = 'public-DraftEditor-content';
  const contents = document.createElement('div');
  lines.forEach((line, index) => {
    const block = document.createElement('div');
    block.dataset.block = 'true';
    block.dataset.offsetKey = `k${index}-0-0`;
    const inner = document.createElement('div');
    inner.dataset.offsetKey = `k${index}-0-0`;
    const leaf = document.createElement('span');
    leaf.dataset.offsetKey = `k${index}-0-0`;
    if (line.length > 0) {
      const text = document.createElement('span');
      text.dataset.text = 'true';
      text.textContent = line;
      leaf.append(text);
    } else {
      const br = document.createElement('br');
      br.dataset.text = 'true';
      leaf.append(br);
    }
    inner.append(leaf);
    block.append(inner);
    contents.append(block);
  });
  editor.append(contents);
  document.body.append(editor);
  return editor;
}

/** The DOM Lexical's plain-text editor renders: text spans and <br> line breaks in a paragraph. */
function lexicalEditor(paragraphs: (string | 'BR' | 'MANAGED')[][]): HTMLElement {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.dataset.lexicalEditor = 'true';
  for (const parts of paragraphs) {
    const p = document.createElement('p');
    for (const part of parts) {
      if (part === 'BR' || part === 'MANAGED') {
        const br = document.createElement('br');
        if (part === 'MANAGED') br.setAttribute('data-lexical-managed-linebreak', 'true');
        p.append(br);
      } else {
        const span = document.createElement('span');
        span.dataset.lexicalText = 'true';
        span.textContent = part;
        p.append(span);
      }
    }
    editor.append(p);
  }
  document.body.append(editor);
  return editor;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('reading an editor as its model does', () => {
  test('Draft: blocks joined by one newline, empty blocks kept as blank lines', () => {
    const editor = draftEditor(['Hi Anna,', '', 'thanks!']);
    expect(editorPlainText(editor, 'draft')).toBe('Hi Anna,\n\nthanks!');
  });

  test('Lexical: <br> is a newline, its own trailing <br> is not, paragraphs are joined by a blank line', () => {
    const editor = lexicalEditor([['Hi', 'BR', 'BR', 'there', 'BR', 'MANAGED'], ['P2']]);
    expect(editorPlainText(editor, 'lexical')).toBe('Hi\n\nthere\n\n\nP2');
  });

  test('textarea: its value', () => {
    const textarea = document.createElement('textarea');
    textarea.value = 'a\nb';
    expect(editorPlainText(textarea, 'textarea')).toBe('a\nb');
  });

  test('loose comparison ignores line breaks, zero-width characters and NBSP', () => {
    expect(looseText('a\u00a0b\n\nc\u200b')).toBe('a bc');
  });
});

describe('plain-text offsets and DOM points', () => {
  test('Draft: every offset maps to a DOM point that maps back to it', () => {
    const editor = draftEditor(['Hi 👍', '', 'ok']);
    const text = editorPlainText(editor, 'draft');
    for (let offset = 0; offset <= text.length; offset += 1) {
      const point = domPointAt(editor, 'draft', offset);
      expect(offsetOfDomPoint(editor, 'draft', point)).toBe(offset);
    }
  });

  test('Draft: an offset on an empty line points into that line’s leaf', () => {
    const editor = draftEditor(['a', '', 'b']);
    const point = domPointAt(editor, 'draft', 2);
    expect((point.node as HTMLElement).dataset.offsetKey).toBe('k1-0-0');
    expect(point.offset).toBe(0);
  });

  test('Lexical: offsets around line breaks round-trip', () => {
    const editor = lexicalEditor([['Hi', 'BR', 'BR', 'there']]);
    for (let offset = 0; offset <= 'Hi\n\nthere'.length; offset += 1) {
      const point = domPointAt(editor, 'lexical', offset);
      expect(offsetOfDomPoint(editor, 'lexical', point)).toBe(offset);
    }
  });

  test('a point outside the editor has no offset', () => {
    const editor = draftEditor(['a']);
    const outside = document.createElement('p');
    document.body.append(outside);
    expect(offsetOfDomPoint(editor, 'draft', { node: outside, offset: 0 })).toBeNull();
  });

  test('placing the caret puts the document selection at that offset', () => {
    const editor = draftEditor(['Hello', 'world']);
    placeCaret(editor, 'draft', 8);
    expect(caretRange(editor, 'draft')).toEqual({ start: 8, end: 8 });
    const selection = document.getSelection()!;
    expect(selection.focusNode?.textContent).toBe('world');
    expect(selection.focusOffset).toBe(2);
  });

  test('a cursor never splits an emoji’s surrogate pair and stays within the text', () => {
    expect(clampCursor('a👍b', 2)).toBe(1);
    expect(clampCursor('a👍b', 3)).toBe(3);
    expect(clampCursor('abc', 99)).toBe(3);
    expect(clampCursor('abc', -1)).toBe(0);
    expect(clampCursor('abc', Number.NaN)).toBe(3);
  });
});

describe('a generic contenteditable', () => {
  /** What Chrome's execCommand('insertText') leaves for "Hi Anna,\n\nthanks.\n\nBest,\nAcme". */
  function chromeEditor(): HTMLElement {
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    const line = (content: string | null) => {
      const div = document.createElement('div');
      div.append(content === null ? document.createElement('br') : document.createTextNode(content));
      return div;
    };
    editor.append('Hi Anna,', line(null), line('thanks.'), line(null), line('Best,'), line('Acme'));
    document.body.append(editor);
    return editor;
  }

  test('reads lines as the browser shows them', () => {
    expect(editorPlainText(chromeEditor(), 'contenteditable')).toBe('Hi Anna,\n\nthanks.\n\nBest,\nAcme');
  });

  test('nested blocks, closing <br>s and text after a block', () => {
    const editor = document.createElement('div');
    const outer = document.createElement('div');
    const inner = document.createElement('p');
    inner.append('a', document.createElement('br'));
    outer.append(inner);
    editor.append(outer, 'b', document.createElement('br'), 'c');
    expect(editorPlainText(editor, 'contenteditable')).toBe('a\nb\nc');
  });

  test('every offset round-trips, and an empty line gets a caret inside it', () => {
    const editor = chromeEditor();
    const text = editorPlainText(editor, 'contenteditable');
    for (let offset = 0; offset <= text.length; offset += 1) {
      const point = domPointAt(editor, 'contenteditable', offset);
      expect(offsetOfDomPoint(editor, 'contenteditable', point)).toBe(offset);
    }
    const emptyLine = domPointAt(editor, 'contenteditable', 'Hi Anna,\n'.length);
    expect(emptyLine.node).toBe(editor.children[0]);
    expect(emptyLine.offset).toBe(0);
  });
});
