// The saved replies: add one, edit, reorder (the first nine are Alt+1…Alt+9 on the sites), delete with undo, and
// bring back from the trash. Reads and writes IndexedDB directly: this page runs in the extension's own origin.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Chord, type Settings, ShortcutActionSchema } from '../../utils/core/settings';
import type { Template, TemplateDraft } from '../../utils/core/template';
import { currentLocale, t, tn } from '../../utils/i18n';
import {
  createTemplate,
  deleteTemplate,
  listLibrary,
  purgeTemplate,
  reorderTemplates,
  restoreTemplate,
  updateTemplate,
  watchTemplatesRevision,
} from '../../utils/storage/templates';
import { Section } from './Field';
import { errorText } from './format';
import { StarterLanguages } from './StarterLanguages';
import { COMMON_LANGUAGES, TemplateForm } from './TemplateForm';
import { keepUnchanged, TemplateList } from './TemplateList';
import type { RowActions } from './TemplateRow';
import { Toast, type ToastMessage } from './Toast';
import { TrashList } from './TrashList';

/** Alt+1…Alt+9: the template shortcuts, in slot order. */
const SLOT_ACTIONS = ShortcutActionSchema.options.filter((a) => a.startsWith('template'));

/** The chords of the nine slots: the settings' own, or Alt+N where the settings have none. */
function slotChords(shortcuts: Settings['shortcuts'] | undefined): Chord[] {
  return SLOT_ACTIONS.map(
    (action, i) =>
      shortcuts?.[action] ?? {
        // i18n-ignore: a KeyboardEvent.code, not words
        code: `Digit${i + 1}`,
        alt: true,
        ctrl: false,
        shift: false,
        meta: false,
      },
  );
}

type FocusTarget = { id: string; action: 'up' | 'down' | 'edit' | 'form' } | { list: true };

/** New templates start in the interface language. */
export function uiLanguage(): string {
  const lang = currentLocale();
  return (COMMON_LANGUAGES as readonly string[]).includes(lang) ? lang : 'en';
}

interface TemplatesSectionProps {
  shortcuts?: Settings['shortcuts'];
  /** How long the undo notice stays; tests pass 0 to keep it. */
  toastMs?: number;
  /** For {agent} in the editor's preview. */
  agentName?: string;
  /** Typed before a shortcut in a reply box, for the shortcut field's hint. */
  trigger?: string;
}

export function TemplatesSection({ shortcuts, toastMs, agentName, trigger }: TemplatesSectionProps) {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [trash, setTrash] = useState<Template[]>([]);
  const [damaged, setDamaged] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<FocusTarget | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const toastId = useRef(0);

  const load = useCallback(async () => {
    try {
      // One read for both lists (the store read once, each record checked once).
      const library = await listLibrary();
      setTemplates((shown) => keepUnchanged(shown, library.live));
      setTrash(library.trash);
      setDamaged(new Set(library.skipped.map((s) => s.key)).size);
      setLoadError(null);
    } catch (err) {
      setLoadError(t('templates_load_failed', { reason: errorText(err) }));
    }
  }, []);

  useEffect(() => {
    void load();
    // Use counts change while the user replies on a site; imports and other tabs write too.
    return watchTemplatesRevision(() => void load());
  }, [load]);

  // Keep the keyboard where it was after the list re-renders (a moved row, the row after a deleted one).
  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (!target || !templates) return;
    focusAfter.current = null;
    if ('list' in target) {
      headingRef.current?.focus();
      return;
    }
    const rows = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-template-id]') ?? []);
    const row = rows.find((r) => r.dataset.templateId === target.id);
    if (target.action === 'form') {
      row?.querySelector<HTMLElement>('form [name="title"]')?.focus();
      return;
    }
    const order =
      target.action === 'up' ? ['up', 'down', 'edit'] : target.action === 'down' ? ['down', 'up', 'edit'] : ['edit'];
    for (const action of order) {
      const button = row?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
  });

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await work();
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const showToast = (text: string, action?: ToastMessage['action']) => {
    toastId.current += 1;
    setToast(action ? { id: toastId.current, text, action } : { id: toastId.current, text });
  };

  const create = async (draft: TemplateDraft) => {
    const tpl = await createTemplate(draft);
    await load();
    const position = (templates?.length ?? 0) + 1;
    setAnnouncement(t('templates_added_at', { title: tpl.title, position }));
    // A new template lands last; making it number 1 (Alt+1, the top of the picker) is one click.
    if (position > 1) {
      showToast(t('templates_added_at', { title: tpl.title, position }), {
        label: t('template_move_top'),
        run: () => move(tpl.id, 'top'),
      });
    }
  };

  const save = async (id: string, draft: TemplateDraft) => {
    const tpl = await updateTemplate(id, draft);
    focusAfter.current = { id, action: 'edit' };
    setEditing(null);
    await load();
    setAnnouncement(t('templates_saved', { title: tpl.title }));
  };

  // Presses queue up: each move starts from the order the previous one left, so pressing "up" three times quickly
  // moves a template three places.
  const latest = useRef<Template[] | null>(null);
  latest.current = templates;
  const moves = useRef<Promise<void>>(Promise.resolve());
  /** `to`: one place up or down, or 'top' (a new template, which lands last, becomes number 1 in one action). */
  const move = (id: string, to: -1 | 1 | 'top') => {
    moves.current = moves.current.then(async () => {
      const ids = (latest.current ?? []).map((tpl) => tpl.id);
      const index = ids.indexOf(id);
      const target = to === 'top' ? 0 : index + to;
      if (index < 0 || target === index || target < 0 || target >= ids.length) return;
      ids.splice(index, 1);
      ids.splice(target, 0, id);
      try {
        const next = await reorderTemplates(ids);
        // The "top" button is disabled once the row is first: the keyboard stays on the row's "down" button.
        focusAfter.current = { id, action: to === 'top' ? 'down' : to < 0 ? 'up' : 'down' };
        latest.current = next;
        setTemplates(next);
        setActionError(null);
        const position = next.findIndex((tpl) => tpl.id === id) + 1;
        const moved = next[position - 1];
        if (moved) setAnnouncement(t('templates_moved_to', { title: moved.title, position, total: next.length }));
      } catch (err) {
        setActionError(errorText(err));
      }
    });
  };

  const remove = (tpl: Template, index: number) =>
    run(async () => {
      await deleteTemplate(tpl.id);
      const neighbour = templates?.[index + 1] ?? templates?.[index - 1];
      focusAfter.current = neighbour ? { id: neighbour.id, action: 'edit' } : { list: true };
      if (editing === tpl.id) setEditing(null);
      await load();
      showToast(t('templates_moved_to_trash', { title: tpl.title }), {
        label: t('common_undo'),
        run: () => restore(tpl),
      });
    });

  const restore = (tpl: Template) =>
    run(async () => {
      await restoreTemplate(tpl.id);
      await load();
      setAnnouncement(t('templates_restored', { title: tpl.title }));
      showToast(t('templates_restored', { title: tpl.title }));
    });

  const purge = (tpl: Template) =>
    run(async () => {
      await purgeTemplate(tpl.id);
      await load();
      setAnnouncement(t('templates_deleted_for_good', { title: tpl.title }));
    });

  const defaultLanguage = uiLanguage();

  // Rows get one actions object for good; it calls whatever this render's handlers are.
  const handlers = useRef({ move, remove, editing });
  handlers.current = { move, remove, editing };
  const actions = useMemo<RowActions>(
    () => ({
      move: (id, to) => handlers.current.move(id, to),
      edit: (id) => {
        const open = handlers.current.editing === id;
        focusAfter.current = { id, action: open ? 'edit' : 'form' };
        setEditing(open ? null : id);
      },
      remove: (tpl, index) => void handlers.current.remove(tpl, index),
    }),
    [],
  );
  // The same array while the nine chords keep their values: a settings change elsewhere redraws no row.
  const slotsKey = JSON.stringify(slotChords(shortcuts));
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only when the chords' values change
  const slots = useMemo(() => slotChords(shortcuts), [slotsKey]);
  const edited = editing === null ? undefined : templates?.find((tpl) => tpl.id === editing);
  const editForm = edited ? (
    <TemplateForm
      trigger={trigger}
      template={edited}
      templates={templates ?? []}
      defaultLanguage={defaultLanguage}
      onSave={(draft) => save(edited.id, draft)}
      agentName={agentName}
      onCancel={() => {
        focusAfter.current = { id: edited.id, action: 'edit' };
        setEditing(null);
      }}
      testId="template-edit-form"
      saveTestId="template-edit-save"
    />
  ) : null;

  return (
    <Section id="templates" title={t('templates_title')} description={t('templates_description')}>
      <div class="rr-card">
        <h3 class="rr-card__title">{t('templates_new')}</h3>
        <TemplateForm
          trigger={trigger}
          templates={templates ?? []}
          defaultLanguage={defaultLanguage}
          onSave={create}
          agentName={agentName}
          testId="template-form"
          saveTestId="template-save"
        />
      </div>

      <h3 class="rr-subheading" ref={headingRef} tabIndex={-1}>
        {templates ? t('templates_yours_count', { count: templates.length }) : t('templates_yours')}
      </h3>
      {loadError ? <p class="rr-error">{loadError}</p> : null}
      {actionError ? (
        <p class="rr-error" role="alert">
          {actionError}
        </p>
      ) : null}
      {damaged > 0 ? <p class="rr-warning">{tn('templates_damaged', damaged)}</p> : null}
      {templates === null && !loadError ? <p class="rr-muted">{t('common_loading')}</p> : null}
      {templates?.length === 0 ? <p class="rr-empty">{t('templates_empty')}</p> : null}
      {templates && templates.length > 0 ? (
        <TemplateList
          templates={templates}
          slots={slots}
          editing={editing}
          busy={busy}
          actions={actions}
          editForm={editForm}
          listRef={listRef}
        />
      ) : null}

      <StarterLanguages templates={templates} onAdded={load} onError={setActionError} />

      <details class="rr-details">
        <summary>{t('templates_trash_count', { count: trash.length })}</summary>
        <p class="rr-hint">{t('templates_trash_hint')}</p>
        <TrashList
          items={trash}
          busy={busy}
          onRestore={(tpl) => void restore(tpl)}
          onPurge={(tpl) => void purge(tpl)}
        />
      </details>

      <p class="rr-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <Toast toast={toast} onClose={() => setToast(null)} visibleMs={toastMs} />
    </Section>
  );
}
