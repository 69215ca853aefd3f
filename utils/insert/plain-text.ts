// Maps an editor's DOM to the plain text its model holds, and plain-text offsets back to DOM points.
// The editors keep their own model (Draft's ContentState, Lexical's EditorState) and pick the caret up from the DOM
// selection, so placing a caret at "offset N of the text" means finding the DOM point the editor will read as N.
import type { EditorKind } from '../sites/types';

interface TextPiece {
  kind: 'text';
  node: Text;
  start: number;
  length: number;
}

/**
 * A line break the model counts as one '\n': a <br> (Lexical's LineBreakNode), or in a generic contenteditable the
 * node that starts a new line.
 */
interface BreakPiece {
  kind: 'break';
  node: Node;
  start: number;
  length: 1;
}

type Piece = TextPiece | BreakPiece;

interface Block {
  element: Element;
  start: number;
  end: number;
  pieces: Piece[];
}

export interface PlainTextMap {
  text: string;
  blocks: Block[];
}

export interface DomPoint {
  node: Node;
  offset: number;
}

// How each editor joins its blocks in its own plain text: Draft's getPlainText('\n') and Lexical's
// $getRoot().getTextContent() (which puts a blank line between paragraphs). A generic contenteditable is read as one
// block whose line breaks are pieces (see collectGenericPieces).
const BLOCK_SEPARATOR: Record<'draft' | 'lexical', string> = {
  draft: '\n',
  lexical: '\n\n',
};

const GENERIC_BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

function blockElements(editor: HTMLElement, kind: 'draft' | 'lexical'): Element[] {
  if (kind === 'draft') {
    const blocks = Array.from(editor.querySelectorAll('[data-block="true"]'));
    return blocks.length > 0 ? blocks : [editor];
  }
  const children = Array.from(editor.children);
  // Text written straight into the editor (no paragraph wrappers) is one block.
  return children.length > 0 ? children : [editor];
}

/** Lexical adds a <br> of its own to keep an empty or break-ended line visible; the model does not count it. */
function isManagedBreak(element: Element): boolean {
  return element.hasAttribute('data-lexical-managed-linebreak');
}

function collectPieces(block: Element, kind: 'draft' | 'lexical', start: number): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  // NodeFilter.SHOW_ELEMENT | SHOW_TEXT spelled out: the page may shadow the global.
  const walker = block.ownerDocument.createTreeWalker(block, 0x1 | 0x4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const text = node as Text;
      if (text.data.length === 0) continue;
      pieces.push({ kind: 'text', node: text, start: at, length: text.data.length });
      at += text.data.length;
    } else if ((node as Element).tagName === 'BR') {
      const br = node as Element;
      // Draft renders an empty block as <br data-text="true">: no character in the model.
      if (kind === 'draft' || isManagedBreak(br)) continue;
      pieces.push({ kind: 'break', node: br, start: at, length: 1 });
      at += 1;
    }
  }
  return pieces;
}

/** A <br> closing its block only keeps the line open; the browser shows no extra line for it. */
function closesBlock(br: Element, editor: Element): boolean {
  let next = br.nextSibling;
  while (next && next.nodeType === 3 && (next as Text).data.length === 0) next = next.nextSibling;
  const parent = br.parentElement;
  return next === null && parent !== null && (parent === editor || GENERIC_BLOCK_TAGS.has(parent.tagName));
}

/**
 * Any other contenteditable, read as the browser lays it out: a block element starts a new line unless the line
 * is still empty, content after a block starts a new line, and a <br> is a line break unless it closes its block.
 * A line break between lines is a 'break' piece on the node that starts the new line.
 */
function collectGenericPieces(editor: Element, start: number): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  let lineHasContent = false;
  let afterBlock = false;
  const newLine = (node: Node) => {
    pieces.push({ kind: 'break', node: node as Element, start: at, length: 1 });
    at += 1;
    lineHasContent = false;
    afterBlock = false;
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const text = node as Text;
      if (text.data.length === 0) return;
      if (afterBlock) newLine(text);
      pieces.push({ kind: 'text', node: text, start: at, length: text.data.length });
      at += text.data.length;
      lineHasContent = true;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.tagName === 'BR') {
      if (afterBlock) newLine(element);
      if (!closesBlock(element, editor)) {
        pieces.push({ kind: 'break', node: element, start: at, length: 1 });
        at += 1;
      }
      lineHasContent = true;
      return;
    }
    const isBlock = GENERIC_BLOCK_TAGS.has(element.tagName);
    if (isBlock && (lineHasContent || afterBlock)) newLine(element);
    for (const child of Array.from(element.childNodes)) visit(child);
    if (isBlock) afterBlock = true;
  };
  for (const child of Array.from(editor.childNodes)) visit(child);
  return pieces;
}

export function mapEditorText(editor: HTMLElement, kind: Exclude<EditorKind, 'textarea'>): PlainTextMap {
  const separator = kind === 'contenteditable' ? '' : BLOCK_SEPARATOR[kind];
  const blocks: Block[] = [];
  let text = '';
  const elements = kind === 'contenteditable' ? [editor] : blockElements(editor, kind);
  for (const element of elements) {
    if (blocks.length > 0) text += separator;
    const start = text.length;
    const pieces =
      kind === 'contenteditable' ? collectGenericPieces(element, start) : collectPieces(element, kind, start);
    for (const piece of pieces) text += piece.kind === 'text' ? piece.node.data : '\n';
    blocks.push({ element, start, end: text.length, pieces });
  }
  return { text, blocks };
}

/** The editor's text as its model would give it (textarea: its value). */
export function editorPlainText(editor: HTMLElement, kind: EditorKind): string {
  if (kind === 'textarea') return (editor as HTMLTextAreaElement).value ?? '';
  return mapEditorText(editor, kind).text;
}

/**
 * Text compared loosely: editors differ in how they render line breaks (Draft blocks, Lexical <br>s or paragraphs)
 * and use NBSP for runs of spaces, so line breaks and zero-width characters are dropped and NBSP becomes a space.
 */
export function looseText(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/[\r\n\u200b\ufeff]/g, '');
}

function indexInParent(node: Node): number {
  return Array.prototype.indexOf.call(node.parentNode?.childNodes ?? [], node);
}

function emptyBlockPoint(block: Element, kind: Exclude<EditorKind, 'textarea'>): DomPoint {
  // Draft reads the caret's block from the nearest [data-offset-key]: aim at the leaf span holding the <br>.
  if (kind === 'draft') {
    const leaves = block.querySelectorAll('[data-offset-key]');
    const leaf = leaves[leaves.length - 1];
    if (leaf) return { node: leaf, offset: 0 };
  }
  return { node: block, offset: 0 };
}

/** The DOM point the editor reads as plain-text offset `offset` (clamped to the text). */
export function domPointAt(
  editor: HTMLElement,
  kind: Exclude<EditorKind, 'textarea'>,
  offset: number,
  map = mapEditorText(editor, kind),
): DomPoint {
  const target = Math.max(0, Math.min(offset, map.text.length));
  const block = map.blocks.find((b) => target <= b.end) ?? map.blocks[map.blocks.length - 1];
  if (!block) return { node: editor, offset: 0 };
  const at = Math.max(target, block.start);
  // Just after a line break that opened a block element, the caret belongs at the start of that block.
  let afterBreak: DomPoint | null = null;
  for (const piece of block.pieces) {
    if (piece.kind === 'text') {
      if (at <= piece.start + piece.length) return { node: piece.node, offset: at - piece.start };
      afterBreak = null;
    } else {
      if (at <= piece.start)
        return afterBreak ?? { node: piece.node.parentNode ?? block.element, offset: indexInParent(piece.node) };
      const opensBlock = piece.node.nodeType === 1 && (piece.node as Element).tagName !== 'BR';
      afterBreak = opensBlock ? { node: piece.node, offset: 0 } : null;
    }
  }
  const last = block.pieces[block.pieces.length - 1];
  if (!last) return emptyBlockPoint(block.element, kind);
  if (last.kind === 'text') return { node: last.node, offset: last.length };
  return afterBreak ?? { node: last.node.parentNode ?? block.element, offset: indexInParent(last.node) + 1 };
}

/** The plain-text offset of a DOM point inside the editor, or null when the point is outside it. */
export function offsetOfDomPoint(
  editor: HTMLElement,
  kind: Exclude<EditorKind, 'textarea'>,
  point: DomPoint,
  map = mapEditorText(editor, kind),
): number | null {
  if (point.node !== editor && !editor.contains(point.node)) return null;
  const range = editor.ownerDocument.createRange();
  try {
    range.setStart(editor, 0);
    range.setEnd(point.node, point.offset);
  } catch {
    return null;
  }
  let offset = 0;
  for (const block of map.blocks) {
    // A block that starts at or after the point adds nothing (not even its separator).
    if (block.element !== editor && !range.intersectsNode(block.element)) break;
    offset = block.start;
    for (const piece of block.pieces) {
      if (piece.kind === 'text' && piece.node === point.node) {
        offset = piece.start + Math.min(point.offset, piece.length);
        return offset;
      }
      if (!range.intersectsNode(piece.node)) return offset;
      offset = piece.start + piece.length;
    }
  }
  return offset;
}
