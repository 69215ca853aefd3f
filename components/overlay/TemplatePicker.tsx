// The template list that opens from a badge's "Templates" button: search, suggested first, pick by digit or arrows.
// One numbering model: every template's number is its place in the saved order, the same number Alt+1…9 insert,
// wherever the picker lists it (suggested first or filtered) — a digit picks that number, never a list position.
// Keys typed here must never reach the site (X acts on single keys like j, k, r, n), so the root stops every
// key event from bubbling out of the shadow root.
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Template } from '../../utils/core/template';
import { t } from '../../utils/i18n';
import { templateNumbers } from '../../utils/overlay/reply-text';
import { trusted } from '../../utils/overlay/trusted';
import { CloseIcon } from './icons';
import { scrollWithin } from './scroll';

export interface TemplatePickerProps {
  templates: Template[];
  /** Ids to list first under "Suggested", in this order (see utils/core/suggest.ts). */
  suggestedIds: string[];
  onPick(tpl: Template): void;
  onClose(): void;
  /** The template as it would be inserted for this comment, for the one-line preview; defaults to the raw body. */
  previewFor?: (tpl: Template) => string;
  /** The template the badge's Reply button inserts (marked "Reply" in the list). */
  replyId?: string | null;
}

/** Case- and accent-insensitive form for searching: "Éclair" and "eclair" fold alike. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every word of the query must appear in the title, the body or the shortcut. */
export function templateMatches(tpl: Template, query: string): boolean {
  const terms = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = foldForSearch(`${tpl.title}\n${tpl.body}\n${tpl.shortcut ?? ''}`);
  return terms.every((term) => haystack.includes(term));
}

/** The visible templates: matching suggested ones in suggestion order, then the other matching ones by `order`. */
export function arrangeTemplates(
  templates: Template[],
  suggestedIds: string[],
  query: string,
): { suggested: Template[]; rest: Template[] } {
  const live = templates.filter((tpl) => tpl.deletedAt === undefined);
  const byId = new Map(live.map((tpl) => [tpl.id, tpl]));
  const suggestedSet = new Set(suggestedIds);
  const suggested: Template[] = [];
  for (const id of suggestedSet) {
    const tpl = byId.get(id);
    if (tpl && templateMatches(tpl, query)) suggested.push(tpl);
  }
  const rest = live
    .filter((tpl) => !suggestedSet.has(tpl.id) && templateMatches(tpl, query))
    .sort((a, b) => a.order - b.order);
  return { suggested, rest };
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function TemplatePicker({ templates, suggestedIds, onPick, onClose, previewFor, replyId }: TemplatePickerProps) {
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  const hasAny = templates.some((tpl) => tpl.deletedAt === undefined);
  const { suggested, rest } = arrangeTemplates(templates, suggestedIds, query);
  const visible = [...suggested, ...rest];
  const numbers = templateNumbers(templates);
  const active = visible.length === 0 ? -1 : Math.min(activeIndex, visible.length - 1);

  useEffect(() => {
    inputRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const list = listRef.current;
    const el = list?.querySelector(`[data-index="${active}"]`);
    if (list && el) scrollWithin(list, el);
  }, [active]);

  // Bound natively rather than through onKeyPress/onKeyUp: every key event must stop here, whatever the DOM
  // exposes as on* properties (happy-dom has no onkeypress, so Preact would listen for "KeyPress").
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const stop = (e: Event) => e.stopPropagation();
    const types = ['keydown', 'keypress', 'keyup'] as const;
    for (const type of types) root.addEventListener(type, stop);
    return () => {
      for (const type of types) root.removeEventListener(type, stop);
    };
  }, []);

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Digits are reserved for picking by the number shown beside each template (its Alt+digit), so they are not
    // typed into the search.
    if (/^[1-9]$/.test(e.key)) {
      e.preventDefault();
      const digit = Number(e.key);
      const tpl = templates.find((c) => numbers.get(c.id) === digit);
      if (tpl) onPick(tpl);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (visible.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((active + step + visible.length) % visible.length);
      return;
    }
    if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      const tpl = visible[active];
      if (tpl) onPick(tpl);
    }
  };

  const renderOption = (tpl: Template, i: number) => (
    // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant on the search box
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys (arrows, digits, Enter) are handled on the picker root
    <div
      key={tpl.id}
      id={optionId(i)}
      role="option"
      aria-selected={i === active}
      class="rr-option"
      data-index={i}
      // Keep the focus in the search box, so the keys keep working after a click.
      onMouseDown={(e) => e.preventDefault()}
      onClick={trusted(() => onPick(tpl))}
    >
      <span class="rr-option-num" aria-hidden="true">
        {numbers.has(tpl.id) ? String(numbers.get(tpl.id)) : ''}
      </span>
      <span class="rr-option-title">{tpl.title}</span>
      <span class="rr-option-meta">
        {tpl.id === replyId ? (
          <span class="rr-chip rr-option-reply" title={t('picker_reply_chip_title')}>
            {t('overlay_reply')}
          </span>
        ) : null}
        {tpl.shortcut ? (
          <span class="rr-chip">
            <span class="rr-sr">{`${t('picker_shortcut_sr')} `}</span>
            {tpl.shortcut}
          </span>
        ) : null}
        <span class="rr-chip">
          <span class="rr-sr">{`${t('picker_language_sr')} `}</span>
          {tpl.language}
        </span>
      </span>
      <span class="rr-option-preview">{oneLine(previewFor ? previewFor(tpl) : tpl.body)}</span>
    </div>
  );

  const suggestedHeadId = `${baseId}-sugg`;
  const restHeadId = `${baseId}-rest`;

  return (
    <div
      ref={rootRef}
      class="rr-picker rr-root"
      data-rr-picker=""
      role="dialog"
      aria-label={t('picker_label')}
      onKeyDown={trusted(onKeyDown)}
    >
      <div class="rr-picker-top">
        <input
          ref={inputRef}
          class="rr-picker-search"
          type="text"
          role="combobox"
          aria-label={t('picker_search')}
          aria-autocomplete="list"
          aria-expanded={visible.length > 0}
          aria-controls={visible.length > 0 ? listId : undefined}
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          placeholder={t('picker_search')}
          autoComplete="off"
          spellcheck={false}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActiveIndex(0);
          }}
        />
        <button
          type="button"
          class="rr-btn rr-btn-icon"
          aria-label={t('picker_close')}
          onClick={trusted(() => onClose())}
        >
          <CloseIcon />
        </button>
      </div>
      {!hasAny ? (
        <p class="rr-picker-empty" role="status">
          {t('picker_none')}
        </p>
      ) : visible.length === 0 ? (
        <p class="rr-picker-empty" role="status">
          {t('picker_no_match')}
        </p>
      ) : (
        <div ref={listRef} id={listId} role="listbox" aria-label={t('picker_list')} class="rr-picker-list">
          {suggested.length > 0 ? (
            // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox (a fieldset is no option group)
            <div role="group" aria-labelledby={suggestedHeadId}>
              <div role="presentation" id={suggestedHeadId} class="rr-picker-heading">
                {t('picker_suggested')}
              </div>
              {suggested.map((tpl, i) => renderOption(tpl, i))}
            </div>
          ) : null}
          {rest.length > 0 && suggested.length > 0 ? (
            // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox (a fieldset is no option group)
            <div role="group" aria-labelledby={restHeadId}>
              <div role="presentation" id={restHeadId} class="rr-picker-heading">
                {t('picker_other')}
              </div>
              {rest.map((tpl, i) => renderOption(tpl, suggested.length + i))}
            </div>
          ) : (
            rest.map((tpl, i) => renderOption(tpl, i))
          )}
        </div>
      )}
      <p class="rr-picker-hint">{t('picker_hint', { enter: t('key_enter'), esc: t('key_escape') })}</p>
    </div>
  );
}
