// One saved reply in the list: its Alt+N slot, what it says, how often it was used, and its buttons.
import type { ComponentChildren } from 'preact';
import type { Chord } from '../../utils/core/settings';
import type { Template } from '../../utils/core/template';
import { chordText } from './chords';
import { languageName, plural, timeAgo } from './format';

interface TemplateRowProps {
  template: Template;
  index: number;
  total: number;
  /** The chord that inserts this template (first nine only). */
  slot?: Chord;
  editing: boolean;
  busy: boolean;
  onMove: (direction: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
  /** The edit form, shown inside the row while editing. */
  children?: ComponentChildren;
}

export function TemplateRow(props: TemplateRowProps) {
  const { template: t, index, total, slot, editing, busy, onMove, onEdit, onDelete, children } = props;
  const titleId = `rr-template-${t.id}-title`;
  return (
    <li class="rr-template" data-testid="template-row" data-template-id={t.id} aria-labelledby={titleId}>
      <div class="rr-template__main">
        <span class="rr-slot" aria-hidden={slot ? undefined : 'true'}>
          {slot ? (
            <kbd title={`Inserted with ${chordText(slot)} on the site`}>{chordText(slot)}</kbd>
          ) : (
            <span class="rr-slot__none">{index + 1}</span>
          )}
        </span>
        <div class="rr-template__text">
          <h3 class="rr-template__title" id={titleId}>
            {t.title}
          </h3>
          <p class="rr-template__meta">
            {t.shortcut ? (
              <span class="rr-tag rr-tag--shortcut">
                <span class="rr-visually-hidden">Shortcut: </span>
                {t.shortcut}
              </span>
            ) : null}
            <span class="rr-tag rr-tag--language" title={languageName(t.language)}>
              <span class="rr-visually-hidden">Language: </span>
              {t.language}
            </span>
            {t.tags.length > 0 ? <span class="rr-visually-hidden">Tags: </span> : null}
            {t.tags.map((tag) => (
              <span key={tag} class="rr-tag">
                {tag}
              </span>
            ))}
          </p>
          <p class="rr-template__body">{t.body}</p>
          <p class="rr-template__stats">
            {t.useCount === 0 ? 'Not used yet' : `Used ${plural(t.useCount, 'time', 'times')}`}
            {t.lastUsedAt !== undefined ? ` · last used ${timeAgo(t.lastUsedAt)}` : ''}
          </p>
        </div>
        <div class="rr-template__actions">
          <button
            type="button"
            class="rr-icon-button"
            data-action="up"
            aria-label={`Move “${t.title}” up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="rr-icon-button"
            data-action="down"
            aria-label={`Move “${t.title}” down`}
            title="Move down"
            disabled={index === total - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="rr-button rr-button--small"
            data-action="edit"
            aria-label={`Edit “${t.title}”`}
            aria-expanded={editing}
            onClick={onEdit}
          >
            Edit
          </button>
          <button
            type="button"
            class="rr-button rr-button--small rr-button--danger"
            data-action="delete"
            aria-label={`Delete “${t.title}”`}
            disabled={busy}
            onClick={onDelete}
          >
            Delete
          </button>
        </div>
      </div>
      {editing ? <div class="rr-template__edit">{children}</div> : null}
    </li>
  );
}
