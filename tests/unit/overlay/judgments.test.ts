import { describe, expect, it, vi } from 'vitest';
import { judgeComment } from '../../../utils/core/comment-judge';
import type { Comment } from '../../../utils/core/model';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { type JudgeItem, Judgments } from '../../../utils/overlay/judgments';

const comment = (text: string, lang?: string): Comment => ({
  platform: 'facebook',
  id: text,
  postId: 'p',
  threadKey: text,
  author: { handle: 'ann', displayName: 'Ann', profileUrl: '' },
  text,
  ...(lang === undefined ? {} : { lang }),
  postedAt: 0,
  postedAtPrecision: 'exact',
  permalink: '',
  order: 0,
});

/** The background's side, answering when the test says so. */
function background() {
  const asked: JudgeItem[][] = [];
  const pending: Array<() => void> = [];
  const ask = (items: JudgeItem[]) => {
    asked.push(items);
    return new Promise<ReturnType<typeof judgeComment>[]>((resolve) =>
      pending.push(() => resolve(items.map((i) => judgeComment(i.text, i.lang)))),
    );
  };
  const answerAll = async () => {
    for (const answer of pending.splice(0)) answer();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, ask, answerAll };
}

describe('Judgments', () => {
  it('asks once per text and language, the misses of one turn in one message, and tells when answers came', async () => {
    const bg = background();
    const onChange = vi.fn();
    const judgments = new Judgments(bg.ask, new AbortController().signal, onChange);
    judgments.follow(DEFAULT_SETTINGS.labelWords);
    expect(judgments.get(comment('where is my order?'))).toBeUndefined();
    expect(judgments.get(comment('where is my order?', 'en'))).toBeUndefined();
    expect(judgments.get(comment('where is my order?'))).toBeUndefined();
    // Each item sent counts once: a render that moved the count asked (it may wait for the answers).
    expect(judgments.asked).toBe(2);
    await Promise.resolve();
    expect(bg.asked).toEqual([[{ text: 'where is my order?' }, { text: 'where is my order?', lang: 'en' }]]);
    await bg.answerAll();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(judgments.get(comment('where is my order?'))).toEqual({
      labels: ['question', 'order'],
      spam: false,
      language: 'en',
    });
    await Promise.resolve();
    expect(bg.asked).toHaveLength(1);
  });

  it('a turn of more misses than one message carries is asked in parts and drawn again once, when all came', async () => {
    const bg = background();
    const onChange = vi.fn();
    const judgments = new Judgments(bg.ask, new AbortController().signal, onChange);
    judgments.follow(DEFAULT_SETTINGS.labelWords);
    for (let i = 0; i < 4500; i++) judgments.get(comment(`comment ${i}`));
    await Promise.resolve();
    expect(bg.asked.map((part) => part.length)).toEqual([2000, 2000, 500]);
    await bg.answerAll();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(judgments.get(comment('comment 4499'))).toBeDefined();
  });

  it('other label words forget every answer, and an answer for the old words is dropped', async () => {
    const bg = background();
    const onChange = vi.fn();
    const judgments = new Judgments(bg.ask, new AbortController().signal, onChange);
    judgments.follow(DEFAULT_SETTINGS.labelWords);
    judgments.get(comment('love it'));
    await Promise.resolve();
    judgments.follow({ ...DEFAULT_SETTINGS.labelWords, question: { en: ['love'] } });
    await bg.answerAll();
    expect(onChange).not.toHaveBeenCalled();
    expect(judgments.get(comment('love it'))).toBeUndefined();
    await Promise.resolve();
    expect(bg.asked).toHaveLength(2);
    // The same words again (a new settings object): the answers stay.
    await bg.answerAll();
    judgments.follow({ ...DEFAULT_SETTINGS.labelWords, question: { en: ['love'] } });
    expect(judgments.get(comment('love it'))).toBeDefined();
  });

  it('a failed question gives no labels and no spam mark rather than holding the comments back', async () => {
    const onChange = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const judgments = new Judgments(() => Promise.reject(new Error('gone')), new AbortController().signal, onChange);
    judgments.get(comment('🔥🔥🔥 http://spam.example', 'pt-BR'));
    await new Promise((r) => setTimeout(r, 0));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(judgments.get(comment('🔥🔥🔥 http://spam.example', 'pt-BR'))).toEqual({
      labels: [],
      spam: false,
      language: 'pt',
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
