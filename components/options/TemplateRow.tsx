// One saved reply in the list: its Alt+N slot, what it says, how often it was used, and its buttons. A row draws
// again only when what it shows changed (TemplateList): a settings change or a reload of the same list draws none.
import type { ComponentChildren } from 'preact';
import type { Chord } from '../../utils/core/settings';
import type { Template } from '../../utils/core/template';
import { t, tn } from '../../utils/i18n';
import { chordText } from './chords';
import { languageName, timeAgo } from './format';

/** What a row's buttons do: one object for every row, the same across renders, so rows can skip drawing. */
export interface RowActions {
  move: (id: string, to: -1 | 1 | 'top') => void;
  edit: (id: string) => void;
  remove: (tpl: Template, index: number) => void;
}

export interface TemplateRowProps {
  template: Template;
  index: number;
  /** The last row (its "down" button is off). */
  last: boolean;
  /** The chord that inserts this template (first nine only). */
  slot?: Chord;
  editing: boolean;
  busy: boolean;
  actions: RowActions;
  /** The edit form, shown inside the row while editing. */
  children?: ComponentChildren;
}

export function TemplateRow(props: TemplateRowProps) {
  const { template: tpl, index, last, slot, editing, busy, actions, children } = props;
  const onMove = (to: -1 | 1 | 'top') => actions.move(tpl.id, to);
  const titleId = `rr-template-${tpl.id}-title`;
  return (
    <li class="rr-template" data-testid="template-row" data-template-id={tpl.id} aria-labelledby={titleId}>
      <div class="rr-template__main">
        <span class="rr-slot" aria-hidden={slot ? undefined : 'true'}>
          {slot ? (
            <kbd title={t('template_inserted_with', { keys: chordText(slot) })}>{chordText(slot)}</kbd>
          ) : (
            <span class="rr-slot__none">{index + 1}</span>
          )}
        </span>
        <div class="rr-template__text">
          <h3 class="rr-template__title" id={titleId}>
            {tpl.title}
          </h3>
          <p class="rr-template__meta">
            {tpl.shortcut ? (
              <span class="rr-tag rr-tag--shortcut">
                <span class="rr-visually-hidden">{`${t('template_shortcut_prefix')} `}</span>
                {tpl.shortcut}
              </span>
            ) : null}
            <span class="rr-tag rr-tag--language" title={languageName(tpl.language)}>
              <span class="rr-visually-hidden">{`${t('template_language_prefix')} `}</span>
              {tpl.language}
            </span>
            {tpl.tags.length > 0 ? <span class="rr-visually-hidden">{`${t('template_tags_prefix')} `}</span> : null}
            {tpl.tags.map((tag) => (
              <span key={tag} class="rr-tag">
                {tag}
              </span>
            ))}
          </p>
          <p class="rr-template__body">{tpl.body}</p>
          <p class="rr-template__stats">
            {tpl.useCount === 0 ? t('template_not_used') : tn('template_used', tpl.useCount)}
            {tpl.lastUsedAt !== undefined ? ` · ${t('template_last_used', { when: timeAgo(tpl.lastUsedAt) })}` : ''}
          </p>
        </div>
        <div class="rr-template__actions">
          <button
            type="button"
            class="rr-icon-button"
            data-action="top"
            aria-label={t('template_move_top_label', { title: tpl.title })}
            title={t('template_move_top')}
            disabled={index === 0}
            onClick={() => onMove('top')}
          >
            ⤒
          </button>
          <button
            type="button"
            class="rr-icon-button"
            data-action="up"
            aria-label={t('template_move_up_label', { title: tpl.title })}
            title={t('template_move_up')}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="rr-icon-button"
            data-action="down"
            aria-label={t('template_move_down_label', { title: tpl.title })}
            title={t('template_move_down')}
            disabled={last}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="rr-button rr-button--small"
            data-action="edit"
            aria-label={t('template_edit_label', { title: tpl.title })}
            aria-expanded={editing}
            onClick={() => actions.edit(tpl.id)}
          >
            {t('template_edit')}
          </button>
          <button
            type="button"
            class="rr-button rr-button--small rr-button--danger"
            data-action="delete"
            aria-label={t('template_delete_label', { title: tpl.title })}
            disabled={busy}
            onClick={() => actions.remove(tpl, index)}
          >
            {t('template_delete')}
          </button>
        </div>
      </div>
      {editing ? <div class="rr-template__edit">{children}</div> : null}
    </li>
  );
}
