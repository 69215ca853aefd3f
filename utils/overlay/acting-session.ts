// What the overlay's deferred actions (./actions/session-actions.tsx: done/snooze/ignore and Undo, Reply and
// inserting a template, the picker, adopting a brand) work on in a page session (./page-session.tsx). Types only:
// the deferred code gets the session itself at each call and never imports the content script's modules.
import type { ManualState } from '../core/model';
import type { Template } from '../core/template';
import type { SiteAdapter } from '../sites/types';
import type { PopupLayer } from './popup-layer';
import type { InsertStatus, SessionServices } from './session-services';
import type { PageFacts, PageView } from './view-model';

export type MarkTo = 'done' | 'snoozed' | 'ignored';

export interface ActingSession {
  readonly adapter: SiteAdapter;
  readonly services: SessionServices;
  readonly signal: AbortSignal;
  /** Done / snoozed / ignored marks of this page's comments (saved through the background). */
  readonly manualMap: Map<string, ManualState>;
  /** Reply boxes filled by a template, per comment: "Inserted" clears when the box no longer holds it. */
  readonly filledBoxes: Map<string, HTMLElement>;
  readonly view: PageView | null;
  readonly facts: PageFacts | null;
  readonly theme: 'light' | 'dark';
  readonly fontSize: number;
  currentKey: string | null;
  pickerKey: string | null;
  /** The reply box Reply Radar opened last and for which comment. */
  replying: { key: string; editor: HTMLElement } | null;
  /** The last done/snooze/ignore, undoable for a while: the state it replaced. */
  undo: { key: string; to: MarkTo; before: ManualState | undefined } | null;
  undoTimer: ReturnType<typeof setTimeout> | undefined;
  /** The layer the template picker opens in (made by the deferred code when the picker first opens). */
  layer: PopupLayer | null;
  /** The overlay's CSS for the picker's layer (handed over by the background at startup). */
  layerCss(): string;
  /** Marks, theme or font size may have changed: read them again at the next render. */
  markDirty(): void;
  render(): void;
  /** Bumped by every selection (./actions/navigation.ts), so a slow earlier one does not scroll to a later's row. */
  selection: number;
  /** Reads the page now, outside a batch. */
  readNow(): void;
  /** What is known of a comment's row: its element now, where it was last seen. */
  rowOf(key: string): { element: HTMLElement | null; lastY: number } | undefined;
  setStatus(key: string, status: InsertStatus): void;
  /** The Templates button of the comment's badge, which the picker opens next to. */
  templatesButton(key: string): HTMLElement | null;
  /** The badge of `key` must be drawn again at the next render (its picker opened or closed). */
  forgetBadge(key: string | null): void;
  liveTemplates(): Template[];
  /** The comment a template is for now (the focused reply box's, else the current one), or null. */
  answeringKey(): string | null;
}
