// The overlay's code that runs only after a person acts: a page session's actions (./session-actions.tsx: done,
// snooze, ignore and Undo with its toast, Reply, the template picker and the layer it opens in, filling a template for
// a comment, adopting a brand, the keyboard's actions; ./navigation.ts: moving through the queue), inserting text
// into the site's editors, type-to-expand, opening X's, Facebook's and Instagram's reply boxes; and the queue
// panel's drawing (./panel-view.ts), which loads it with the first panel.
// It is not in the sites' content scripts (issue #10: each under 30 KB gzip); the background injects it on first use
// (see ../actions-loader.ts and README "Performance").
import { matchExpansion } from '../../core/expand';
import type { Template } from '../../core/template';
import { editorPlainText, type InsertResult, replaceTypedRange } from '../../insert';
import { caretRange } from '../../insert/caret';
import { stillHoldsTemplate } from '../../insert/session';
import { openReply as facebookOpenReply, sendEnabled as facebookSendEnabled } from '../../sites/facebook/reply-box';
import {
  openReplyFor as instagramOpenReplyFor,
  sendEnabled as instagramSendEnabled,
} from '../../sites/instagram/reply-box';
import type { EditorKind } from '../../sites/types';
import { openReply as xOpenReply, sendEnabled as xSendEnabled } from '../../sites/x/reply-box';
import { type RecorderServices, ResponseRecorder } from '../response-recorder';
import { select } from './navigation';
import { panelView } from './panel-view';
import * as session from './session-actions';

export interface ExpandRequest {
  trigger: string;
  templates: readonly Template[];
  /** What `template` becomes in this box (`boxText`: the box without the typed shortcut), or null for nothing. */
  render(template: Template, boxText: string): { text: string; cursor: number } | null;
  /** After each expansion, whether it landed. */
  expanded(template: Template, result: InsertResult): void;
}

/**
 * Type-to-expand at the caret of `editor`: when the text before it ends with the trigger and a template's shortcut,
 * starts replacing that with the filled template and returns true (the completing key must then do nothing else).
 */
function expandAtCaret(editor: HTMLElement, kind: EditorKind, req: ExpandRequest): boolean {
  const caret = caretRange(editor, kind);
  if (!caret || caret.start !== caret.end) return false;
  const text = editorPlainText(editor, kind);
  const match = matchExpansion(text.slice(0, caret.end), req.trigger, req.templates);
  const template = match && req.templates.find((t) => t.id === match.templateId);
  if (!match || !template) return false;
  const rendered = req.render(template, text.slice(0, match.start) + text.slice(match.end));
  if (!rendered) return false;
  void replaceTypedRange(editor, kind, match, rendered.text, rendered.cursor).then(
    (result) => req.expanded(template, result),
    (error: unknown) =>
      req.expanded(template, { ok: false, reason: String(error), say: { key: 'insert_page_failed' } }),
  );
  return true;
}

export const overlayActions = {
  /** A page session's actions (done/snooze/ignore, Undo, Reply and insertion, the picker, adopting a brand). */
  ...session,
  /** The queue panel's view and docking, in the host the content script keeps (../panel-layer.ts). */
  panelView,
  /** A queue row clicked: that comment becomes current, scrolled to. */
  select,
  /** The page's recorder of response times, for the dashboard (../deferred-recorder.ts waits for it). */
  responseRecorder: (services: RecorderServices, signal: AbortSignal) => new ResponseRecorder(services, signal),
  stillHoldsTemplate,
  expandAtCaret,
  /** X's reply box (the X adapter's openReply and sendEnabled call these). */
  xReplyBox: { openReply: xOpenReply, sendEnabled: xSendEnabled },
  /** Facebook's reply box (the Facebook adapter's openReply and sendEnabled call these). */
  facebookReplyBox: { openReply: facebookOpenReply, sendEnabled: facebookSendEnabled },
  /** Instagram's reply box (the Instagram adapter's openReply and sendEnabled call these). */
  instagramReplyBox: { openReplyFor: instagramOpenReplyFor, sendEnabled: instagramSendEnabled },
};

export type OverlayActions = typeof overlayActions;
