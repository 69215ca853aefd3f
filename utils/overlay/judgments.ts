// This page's comments' judgments (labels, spam, language: utils/core/comment-judge.ts), asked from the background
// (`comments.judge`): content scripts bundle neither the label words nor the rules (issue #10). Each text and
// language tag is asked once, the misses of one turn in one message; the view builder keeps a waiting comment as
// it was until its answer comes, then builds it again (`onChange`).
import type { Judgment } from '../core/comment-judge';
import type { Comment } from '../core/model';
import type { Settings } from '../core/settings';
import { primaryLanguage } from '../core/suggest';
import { MAX_TEXT } from './response-recorder';

export interface JudgeItem {
  text: string;
  lang?: string;
}

/** The most items one message carries (the protocol's bound). */
const PER_MESSAGE = 2000;

export class Judgments {
  /** Answers by language tag, then text; null while asked. */
  private byLang = new Map<string, Map<string, Judgment | null>>();
  private queued: JudgeItem[] = [];
  private words: Settings['labelWords'] | null = null;
  private wordsText = '';
  /** Items sent (or queued to be sent) so far: a render that moved it asked, and can wait for the answers. */
  asked = 0;

  constructor(
    private readonly ask: (items: JudgeItem[]) => Promise<Judgment[]>,
    private readonly signal: AbortSignal,
    /** Called when answers came. */
    private readonly onChange: () => void,
  ) {}

  /** The user's own label words, which the answers follow: other words forget every answer (and those asked). */
  follow(words: Settings['labelWords']): void {
    if (words === this.words) return;
    this.words = words;
    const text = JSON.stringify(words);
    if (text === this.wordsText) return;
    this.wordsText = text;
    this.byLang = new Map();
  }

  /** The comment's judgment, or undefined: it is asked for then, with the other misses of this turn. */
  get(comment: Comment): Judgment | undefined {
    const lang = comment.lang ?? '';
    let texts = this.byLang.get(lang);
    if (!texts) {
      texts = new Map();
      this.byLang.set(lang, texts);
    }
    const known = texts.get(comment.text);
    if (known !== undefined) return known ?? undefined;
    texts.set(comment.text, null);
    this.asked++;
    if (!this.queued.length) queueMicrotask(() => this.flush());
    this.queued.push(comment.lang === undefined ? { text: comment.text } : { text: comment.text, lang: comment.lang });
    return undefined;
  }

  private flush(): void {
    const items = this.queued;
    const into = this.byLang;
    this.queued = [];
    const parts: Promise<void>[] = [];
    for (let i = 0; i < items.length; i += PER_MESSAGE) {
      const part = items.slice(i, i + PER_MESSAGE);
      const sent = part.map((item) =>
        item.text.length > MAX_TEXT ? { ...item, text: item.text.slice(0, MAX_TEXT) } : item,
      );
      parts.push(
        this.ask(sent)
          .catch((error: unknown) => {
            // No labels and no spam mark rather than comments held back for good.
            if (!this.signal.aborted) console.warn('[reply-radar] could not judge comments', error);
            return [];
          })
          .then((judgments) => {
            part.forEach((item, n) => {
              const judged = judgments[n] ?? { labels: [], spam: false, language: primaryLanguage(item.lang) };
              into.get(item.lang ?? '')?.set(item.text, judged);
            });
          }),
      );
    }
    // One redraw when every part has come, not one per part: each redraw of a long page places hosts and lays the
    // page out again (five parts at 10,000 comments). Answers for words since replaced are dropped: the comments
    // were asked again.
    void Promise.all(parts).then(() => {
      if (!this.signal.aborted && into === this.byLang) this.onChange();
    });
  }
}
