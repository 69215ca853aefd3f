// What a page session needs from the rest of the content script (storage goes through the background), and the
// per-comment insertion status the badges show.
import type { Judgment } from '../core/comment-judge';
import type { ClassifiedComment } from '../core/first-response';
import type { ManualState } from '../core/model';
import type { Settings } from '../core/settings';
import type { TabReport } from '../core/tab-report';
import type { Template } from '../core/template';
import type { JudgeItem } from './judgments';

export interface SessionServices {
  settings(): Settings;
  templates(): Template[];
  locale: string;
  loadManualStates(keys: string[]): Promise<ManualState[]>;
  setManualState(state: ManualState): Promise<void>;
  /** Forgets the marks of these comments (Undo, "Back to queue"): they are judged by the page again. */
  clearManualStates(keys: string[]): Promise<void>;
  markTemplateUsed(id: string): Promise<void>;
  /** Keep first-response times: the background works them out from the page's threads (its response log). */
  recordResponses(comments: ClassifiedComment[]): Promise<void>;
  /** Comments' labels, spam marks and languages, one per item in order (the background works them out). */
  judgeComments(items: JudgeItem[]): Promise<Judgment[]>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  /** Tell the background what this tab shows (the toolbar badge, the popup); called on every draw, sent on change. */
  reportTab(report: TabReport): void;
  now(): number;
  /** False once the extension was updated or reloaded under the page: the session then stops. */
  alive(): boolean;
}

export type InsertStatus =
  | null
  | { kind: 'working' }
  | { kind: 'inserted' }
  | { kind: 'failed'; message: string; copied: boolean };
