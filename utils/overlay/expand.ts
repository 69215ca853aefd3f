// Type-to-expand in the site's reply boxes: ";thanks" then Tab or Space becomes the template whose shortcut is
// "thanks", filled for the comment the box answers. Tab and Space are taken only when a shortcut matched, so they
// keep their usual meaning everywhere else; the replacement is one step the editor's own undo takes back.
import { isExpandKey, matchExpansion } from '../core/expand';
import type { Template } from '../core/template';
import { editorPlainText, type InsertResult, replaceTypedRange } from '../insert';
import { caretRange } from '../insert/caret';
import type { SiteAdapter } from '../sites/types';
import { trusted } from './trusted';

export interface ExpandDeps {
  adapter: Pick<SiteAdapter, 'focusedEditor' | 'editorKind'>;
  /** The trigger character from the settings; '' turns expansion off. */
  trigger(): string;
  templates(): readonly Template[];
  /** What `template` becomes in this box (`boxText`: the box without the typed shortcut), or null for nothing. */
  render(editor: HTMLElement, template: Template, boxText: string): { text: string; cursor: number } | null;
  /** After each expansion, whether it landed. */
  expanded(editor: HTMLElement, template: Template, result: InsertResult): void;
}

/** Listens for the completing key in the focused reply box until `signal` aborts. */
export function watchTypeToExpand(deps: ExpandDeps, signal: AbortSignal): void {
  const onKey = trusted((event: KeyboardEvent) => {
    if (!isExpandKey(event)) return;
    const trigger = deps.trigger();
    if (!trigger) return;
    const editor = deps.adapter.focusedEditor(document);
    const target = event.composedPath()[0];
    if (!editor || !(target instanceof Node) || !(target === editor || editor.contains(target))) return;
    const kind = deps.adapter.editorKind(editor);
    const caret = caretRange(editor, kind);
    if (!caret || caret.start !== caret.end) return;
    const text = editorPlainText(editor, kind);
    const templates = deps.templates();
    const match = matchExpansion(text.slice(0, caret.end), trigger, templates);
    const template = match && templates.find((t) => t.id === match.templateId);
    if (!match || !template) return;
    const rendered = deps.render(editor, template, text.slice(0, match.start) + text.slice(match.end));
    if (!rendered) return;
    // Only now is the key ours: it completes the shortcut instead of typing a blank or moving focus.
    event.preventDefault();
    event.stopPropagation();
    void replaceTypedRange(editor, kind, match, rendered.text, rendered.cursor).then(
      (result) => deps.expanded(editor, template, result),
      (error: unknown) => deps.expanded(editor, template, { ok: false, reason: String(error) }),
    );
  });
  window.addEventListener('keydown', onKey, { capture: true, signal });
}
