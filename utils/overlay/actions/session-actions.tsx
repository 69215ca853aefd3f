// A page session's actions, which run only after a person acts: done / snooze / ignore with their Undo, "Back to
// queue", Reply and inserting a template (from a badge, the queue or the keys), the template picker, adopting the
// post's author as the brand. Deferred code (issue #10: the sites' content scripts under 30 KB gzip): the session
// (../page-session.tsx) loads it on a first action and hands itself over at each call (../acting-session.ts).
import { TemplatePicker } from '../../../components/overlay/TemplatePicker';
import { UndoToast, type UndoToastProps } from '../../../components/overlay/UndoToast';
import { normalizeHandle } from '../../core/keys';
import type { Author, ManualState } from '../../core/model';
import type { ShortcutAction } from '../../core/settings';
import { suggestTemplates } from '../../core/suggest';
import type { Template } from '../../core/template';
import { t } from '../../i18n';
import { errorText, renderText } from '../../i18n/user-text';
import { copyToClipboard, editorPlainText } from '../../insert';
import { fillTemplate } from '../../insert/session';
import type { ActingSession, MarkTo } from '../acting-session';
import { PopupLayer } from '../popup-layer';
import { bestTemplateFor, replyTextFor, replyTextForPost } from '../reply-text';
import { elementOf, move } from './navigation';

const SNOOZE_MS = 60 * 60 * 1000;
/** How long the Undo toast stays after done, snooze or ignore. */
const UNDO_MS = 8_000;

/**
 * Done, snoozed (an hour) or ignored, from the badge, the queue or the keys: out of the queue at once, saved
 * through the background, put back if saving fails. The current comment moves on to the next.
 */
export async function mark(s: ActingSession, key: string, to: MarkTo): Promise<void> {
  const at = s.services.now();
  const state: ManualState = to === 'snoozed' ? { key, state: to, at, until: at + SNOOZE_MS } : { key, state: to, at };
  const before = s.manualMap.get(key);
  const wasCurrent = s.currentKey === key;
  if (s.pickerKey === key) closePicker(s, false);
  s.manualMap.set(key, state);
  s.markDirty();
  s.render();
  if (wasCurrent) move(s, 1);
  offerUndo(s, key, to, before);
  try {
    await s.services.setManualState(state);
  } catch (error) {
    // Not saved: put the comment back in the queue rather than pretend.
    if (before) s.manualMap.set(key, before);
    else s.manualMap.delete(key);
    s.markDirty();
    s.setStatus(key, {
      kind: 'failed',
      message: t('overlay_could_not_save', { reason: errorText(error) }),
      copied: false,
    });
  }
}

/** The queue panel's toast after done, snooze or ignore (the panel draws what this returns while `undo` is set). */
export function undoToast(props: UndoToastProps) {
  return <UndoToast {...props} />;
}

function offerUndo(s: ActingSession, key: string, to: MarkTo, before: ManualState | undefined): void {
  clearTimeout(s.undoTimer);
  s.undo = { key, to, before };
  s.undoTimer = setTimeout(() => {
    s.undo = null;
    s.render();
  }, UNDO_MS);
  s.render();
}

export async function undoLast(s: ActingSession): Promise<void> {
  const undo = s.undo;
  if (!undo) return;
  clearTimeout(s.undoTimer);
  s.undo = null;
  await restore(s, undo.key, undo.before);
}

/** Back to what it was before (Undo), or to no mark at all ("Back to queue"): the page judges it again. */
export async function restore(s: ActingSession, key: string, before: ManualState | undefined): Promise<void> {
  const replaced = s.manualMap.get(key);
  // Its Undo would now undo nothing.
  if (s.undo?.key === key) {
    clearTimeout(s.undoTimer);
    s.undo = null;
  }
  if (before) s.manualMap.set(key, before);
  else s.manualMap.delete(key);
  s.markDirty();
  s.render();
  try {
    if (before) await s.services.setManualState(before);
    else await s.services.clearManualStates([key]);
  } catch (error) {
    if (replaced) s.manualMap.set(key, replaced);
    s.markDirty();
    s.setStatus(key, {
      kind: 'failed',
      message: t('overlay_could_not_save', { reason: errorText(error) }),
      copied: false,
    });
  }
}

/** The post's author speaks for the brand from now on, on this site: the page is tracked at once. */
export function adoptBrand(s: ActingSession, author: Author): void {
  const settings = s.services.settings();
  const platform = s.adapter.platform;
  const list = settings.brand[platform];
  if (list.some((h) => normalizeHandle(h) === normalizeHandle(author.handle))) return;
  const brand = { ...settings.brand, [platform]: [...list, author.handle] };
  s.services.saveSettings({ brand }).catch((error) => console.warn('[reply-radar] could not save the brand', error));
}

/** `boxText`: what the reply box holds already; a greeting does not repeat the "@handle" the site wrote there. */
function replyText(s: ActingSession, key: string, template: Template, boxText = '') {
  return replyTextFor(key, template, s.view, s.facts, s.services.settings(), s.services.locale, boxText);
}

/** Type-to-expand in the focused box: for the comment it answers (as Alt+1…9), else for the post. */
export function expansionText(s: ActingSession, template: Template, boxText: string) {
  const key = s.answeringKey();
  if (key) return replyText(s, key, template, boxText);
  return replyTextForPost(template, s.view, s.facts, s.services.settings(), s.services.locale, boxText);
}

/** One click: open the site's reply box for the comment and fill it with a template (never sends). */
export async function reply(
  s: ActingSession,
  key: string,
  chosen: Template | null,
  opts: { withTemplate?: boolean } = {},
): Promise<void> {
  const cv = s.view?.comments.get(key);
  if (!cv) return;
  s.currentKey = key;
  s.setStatus(key, { kind: 'working' });
  try {
    const element = await elementOf(s, key);
    const editor = element && !s.signal.aborted ? await s.adapter.openReply(element) : null;
    if (s.signal.aborted) return;
    if (!editor) {
      s.setStatus(key, { kind: 'failed', message: t('overlay_could_not_open_reply'), copied: false });
      return;
    }
    s.replying = { key, editor };
    const withTemplate = opts.withTemplate !== false && (chosen !== null || s.liveTemplates().length > 0);
    const template = withTemplate ? (chosen ?? bestTemplateFor(s.liveTemplates(), cv)) : null;
    if (!template) {
      s.setStatus(key, null);
      return;
    }
    await insert(s, key, editor, template);
  } catch (error) {
    // Our own words only: an error thrown while working on the page may quote the page.
    console.warn('[reply-radar] reply failed', error);
    s.setStatus(key, { kind: 'failed', message: t('overlay_reply_open_failed'), copied: false });
  }
}

/**
 * A shortcut other than the panel's toggle (the session checked it does something here): Alt+J / Alt+K move through
 * the queue, Reply (the current comment's box, or first the queue's first comment), done, snooze, Alt+1…9.
 */
export async function runShortcut(s: ActingSession, action: Exclude<ShortcutAction, 'togglePanel'>): Promise<void> {
  switch (action) {
    case 'next':
    case 'previous':
      move(s, action === 'next' ? 1 : -1);
      return;
    case 'reply':
      if (!s.currentKey) move(s, 1);
      else await reply(s, s.currentKey, null, { withTemplate: false });
      return;
    case 'done':
    case 'snooze': {
      const key = s.currentKey;
      if (key) await mark(s, key, action === 'done' ? 'done' : 'snoozed');
      return;
    }
    default: {
      const template = s.liveTemplates()[Number(action.replace('template', '')) - 1];
      if (template) await insertTemplateIntoFocused(s, template);
    }
  }
}

/** Alt+1…9: the template into the focused reply box, or (none focused) into the current comment's, opened. */
export async function insertTemplateIntoFocused(s: ActingSession, template: Template): Promise<void> {
  const key = s.answeringKey();
  if (!key) return;
  const focused = s.adapter.focusedEditor(document);
  if (!focused) return reply(s, key, template);
  s.replying = { key, editor: focused };
  await insert(s, key, focused, template);
}

async function insert(s: ActingSession, key: string, editor: HTMLElement, template: Template): Promise<void> {
  const kind = s.adapter.editorKind(editor);
  const rendered = replyText(s, key, template, editorPlainText(editor, kind));
  if (!rendered) return;
  s.setStatus(key, { kind: 'working' });
  const result = await fillTemplate(editor, kind, rendered.text, rendered.cursor);
  if (s.signal.aborted) return;
  const sendOk = s.adapter.sendEnabled(editor);
  if (result.ok && sendOk !== false) {
    s.filledBoxes.set(key, editor);
    s.setStatus(key, { kind: 'inserted' });
    if (!result.unchanged) void s.services.markTemplateUsed(template.id).catch(() => undefined);
    return;
  }
  // Never retry blindly: leave the text where the user can paste it, and say so.
  const copied = await copyToClipboard(rendered.text).catch(() => false);
  // In the user's language; the clipboard note is the badge's to add (`copied`).
  const reason = renderText(result.ok ? { key: 'insert_site_refused' } : result.say);
  s.setStatus(key, { kind: 'failed', message: t('overlay_insert_failed', { reason }), copied });
}

/** A badge's Templates button: its picker opens (another one open closes), or closes when it was open. */
export function togglePicker(s: ActingSession, key: string): void {
  const closing = s.pickerKey;
  if (closing === key) {
    closePicker(s, true);
    return;
  }
  if (closing) s.layer?.close(false);
  s.pickerKey = key;
  s.forgetBadge(closing);
  s.forgetBadge(key);
  s.render();
}

/** `restoreFocus`: back to the Templates button (Escape, Close); not after a pick or a click elsewhere. */
export function closePicker(s: ActingSession, restoreFocus: boolean): void {
  const key = s.pickerKey;
  s.pickerKey = null;
  s.layer?.close(restoreFocus);
  s.forgetBadge(key);
  s.render();
}

/** The open picker, drawn in the layer above the page next to its badge's Templates button. */
export function renderPicker(s: ActingSession): void {
  const key = s.pickerKey;
  const cv = key ? s.view?.comments.get(key) : undefined;
  if (!key || !cv || cv.state !== 'unanswered') {
    if (s.layer?.isOpen) s.layer.close(false);
    if (key) s.pickerKey = null;
    return;
  }
  const live = s.liveTemplates();
  const picker = (
    <TemplatePicker
      templates={live}
      suggestedIds={suggestTemplates(live, cv)}
      replyId={bestTemplateFor(live, cv)?.id ?? null}
      previewFor={(t) => replyText(s, key, t)?.text ?? t.body}
      onPick={(t) => {
        closePicker(s, false);
        void reply(s, key, t);
      }}
      onClose={() => closePicker(s, true)}
    />
  );
  // The layer's CSS and the badges' hosts are the content script's (module state there, not copied here).
  s.layer ??= new PopupLayer(document, s.layerCss(), s.signal);
  s.layer.show(
    picker,
    {
      anchor: () => s.templatesButton(key),
      onDismiss: (reason) => closePicker(s, reason === 'escape'),
    },
    { theme: s.theme, fontSize: s.fontSize },
  );
}
