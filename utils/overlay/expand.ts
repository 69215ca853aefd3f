// Type-to-expand in the site's reply boxes: ";thanks" then Tab or Space becomes the template whose shortcut is
// "thanks", filled for the comment the box answers. Tab and Space are taken only when a shortcut matched, so they
// keep their usual meaning everywhere else; the replacement is one step the editor's own undo takes back.
// The content script only watches the keys: the work (caret, matching, filling, replacing) is in the deferred
// overlay actions, loaded when the trigger is first typed (actions-loader.ts), before the completing key.
import { isExpandKey } from '../core/expand';
import type { Template } from '../core/template';
import type { InsertResult } from '../insert';
import type { SiteAdapter } from '../sites/types';
import { loadActions, loadedActions } from './actions-loader';
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
    const trigger = deps.trigger();
    if (!trigger) return;
    const actions = loadedActions();
    // The trigger typed anywhere: what expands it loads now, before the shortcut's letters and the completing key.
    if (!actions && event.key === trigger) void loadActions().catch(() => undefined);
    if (!isExpandKey(event)) return;
    const editor = deps.adapter.focusedEditor(document);
    const target = event.composedPath()[0];
    if (!editor || !(target instanceof Node) || !(target === editor || editor.contains(target))) return;
    if (!actions) return;
    const expanding = actions.expandAtCaret(editor, deps.adapter.editorKind(editor), {
      trigger,
      templates: deps.templates(),
      render: (template, boxText) => deps.render(editor, template, boxText),
      expanded: (template, result) => deps.expanded(editor, template, result),
    });
    if (!expanding) return;
    event.preventDefault();
    event.stopPropagation();
  });
  window.addEventListener('keydown', onKey, { capture: true, signal });
}
