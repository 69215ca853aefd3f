// The saved replies as a list. A library may hold thousands (an import of the largest file: 2,000), so the list and
// each row draw again only when what they show changed: a settings change (any field, or the file's settings after
// a replace import) redraws no row unless the Alt+1…9 chords changed, and a reload of the same list redraws none.
import type { ComponentChildren, Ref } from 'preact';
import { memo } from 'preact/compat';
import type { Chord } from '../../utils/core/settings';
import type { Template } from '../../utils/core/template';
import { t } from '../../utils/i18n';
import { type RowActions, TemplateRow, type TemplateRowProps } from './TemplateRow';

/** Same fields, same values (tags compared item by item): what a row shows cannot differ. */
export function sameTemplate(a: Template, b: Template): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as Array<keyof Template>;
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/**
 * The list read again, with each unchanged template kept as the object shown before (so its row skips drawing), and
 * the previous array itself when nothing changed (so the list skips drawing).
 */
export function keepUnchanged(previous: Template[] | null, next: Template[]): Template[] {
  if (!previous) return next;
  const byId = new Map(previous.map((tpl) => [tpl.id, tpl]));
  let same = previous.length === next.length;
  const out = next.map((tpl, i) => {
    const old = byId.get(tpl.id);
    const kept = old && sameTemplate(old, tpl) ? old : tpl;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? previous : out;
}

const sameRow = (a: TemplateRowProps, b: TemplateRowProps) =>
  a.template === b.template &&
  a.index === b.index &&
  a.last === b.last &&
  a.slot === b.slot &&
  a.editing === b.editing &&
  a.busy === b.busy &&
  a.actions === b.actions &&
  a.children === b.children;

const Row = memo(TemplateRow, sameRow);

export interface TemplateListProps {
  templates: Template[];
  /** The Alt+1…9 chords in slot order; the same array while their values stay the same. */
  slots: readonly Chord[];
  editing: string | null;
  busy: boolean;
  actions: RowActions;
  /** The form of the row being edited (null when none is). */
  editForm: ComponentChildren;
  listRef: Ref<HTMLOListElement>;
}

function List({ templates, slots, editing, busy, actions, editForm, listRef }: TemplateListProps) {
  return (
    <ol class="rr-templates" ref={listRef} aria-label={t('templates_in_order')}>
      {templates.map((tpl, i) => (
        <Row
          key={tpl.id}
          template={tpl}
          index={i}
          last={i === templates.length - 1}
          slot={slots[i]}
          editing={editing === tpl.id}
          busy={busy}
          actions={actions}
        >
          {editing === tpl.id ? editForm : null}
        </Row>
      ))}
    </ol>
  );
}

export const TemplateList = memo(
  List,
  (a, b) =>
    a.templates === b.templates &&
    a.slots === b.slots &&
    a.editing === b.editing &&
    a.busy === b.busy &&
    a.actions === b.actions &&
    a.listRef === b.listRef &&
    (a.editing === null || a.editForm === b.editForm),
);
