import { describe, expect, it } from 'vitest';
import {
  agentFromText,
  type ClassifiedComment,
  firstAnswers,
  observeComments,
  signatureShapes,
} from '../../../utils/core/first-response';
import type { Comment, CommentState } from '../../../utils/core/model';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 2, 9);

function c(
  id: string,
  by: string,
  at: number,
  state: CommentState,
  over: Partial<Comment> = {},
): ClassifiedComment<Comment> {
  const comment: Comment = {
    platform: 'x',
    id,
    postId: 'p',
    threadKey: 't1',
    author: { handle: by, displayName: by.toUpperCase(), profileUrl: `https://x.com/${by}` },
    text: 'hello',
    postedAt: T0 + at * MIN,
    postedAtPrecision: 'exact',
    permalink: `https://x.com/${by}/status/${id}`,
    order: at,
    ...over,
  };
  return { key: `x:${id}`, comment, state };
}

const ctx = {
  labelsOf: (comment: Comment) => (comment.text.includes('?') ? (['question'] as const).slice() : []),
  agentOf: (text: string) => agentFromText(text, signatureShapes(['Hi {first_name}! – {agent}'])),
  answerSeenAt: () => T0 + 999 * MIN,
};

describe('firstAnswers', () => {
  it('is the earliest brand comment after the customer comment in its thread', () => {
    const page = [
      c('1', 'jane', 0, 'answered'),
      c('2', 'acme', 10, 'brand'),
      c('3', 'jane', 15, 'answered'),
      c('4', 'acme', 40, 'brand'),
      c('5', 'acme', 50, 'brand'),
      c('6', 'tom', 60, 'unanswered'),
      c('7', 'ann', 5, 'unanswered', { threadKey: 't2' }),
    ];
    const answers = firstAnswers(page);
    expect(answers.get('x:1')?.id).toBe('2');
    expect(answers.get('x:3')?.id).toBe('4');
    expect(answers.has('x:6')).toBe(false);
    expect(answers.has('x:7')).toBe(false); // the brand answered in another thread
  });
  it('breaks a tie in time by page order, as the unanswered rule does', () => {
    const page = [c('1', 'jane', 0, 'answered', { order: 1 }), c('2', 'acme', 0, 'brand', { order: 2 })];
    expect(firstAnswers(page).get('x:1')?.id).toBe('2');
    const before = [c('2', 'acme', 0, 'brand', { order: 1 }), c('1', 'jane', 0, 'unanswered', { order: 2 })];
    expect(firstAnswers(before).has('x:1')).toBe(false);
  });
});

describe('observeComments', () => {
  it('says for each customer comment whether it waits, who answered and when', () => {
    const page = [
      c('1', 'jane', 0, 'answered', { text: 'Open on Sunday?' }),
      c('2', 'acme', 25, 'brand', { text: 'Yes, 9 to 5! – Anna' }),
      c('3', 'tom', 30, 'unanswered'),
      c('4', 'max', 31, 'answered', { threadKey: 't9' }),
      c('5', 'eve', 32, 'done', { threadKey: 't8' }),
      c('6', 'bob', 33, 'snoozed', { threadKey: 't7', permalink: 'javascript:alert(1)' }),
    ];
    const out = observeComments(page, ctx);
    expect(out).toEqual([
      {
        key: 'x:1',
        platform: 'x',
        postId: 'p',
        postedAt: T0,
        precision: 'exact',
        labels: ['question'],
        permalink: 'https://x.com/jane/status/1',
        status: 'answered',
        answer: { at: T0 + 25 * MIN, source: 'site', precision: 'exact', by: '@acme', agent: 'Anna' },
      },
      expect.objectContaining({ key: 'x:3', status: 'waiting' }),
      // Answered in a collapsed part: the time it was first seen answered.
      expect.objectContaining({
        key: 'x:4',
        status: 'answered',
        answer: { at: T0 + 999 * MIN, source: 'seen', precision: 'approx' },
      }),
      expect.objectContaining({ key: 'x:5', status: 'dismissed' }),
      expect.objectContaining({ key: 'x:6', status: 'waiting' }),
    ]);
    // A link that is not to the site is never kept.
    expect(out[4]).not.toHaveProperty('permalink');
  });
});

describe('the {agent} signature', () => {
  const shapes = signatureShapes([
    'Thanks {first_name}! – {agent}',
    'Sorry about that ^{agent}',
    'Hello\n{agent} 🙂',
    'No signature here',
    'Dear {agent}, hi', // not a signature shape: no mark before it
  ]);
  it('learns the marks the templates put before the name', () => {
    expect(shapes).toEqual([
      { marker: '–', suffix: '' },
      { marker: '^', suffix: '' },
      { marker: '\n', suffix: '🙂' },
    ]);
  });
  it('reads the name after the mark at the end of an answer', () => {
    expect(agentFromText('Thanks Jane! – Anna K.', shapes)).toBe('Anna K.');
    expect(agentFromText('On it ^BT', shapes)).toBe('BT');
    expect(agentFromText('We fixed it.\nSam 🙂', shapes)).toBe('Sam');
    expect(agentFromText('Árvíztűrő – Zsófia', shapes)).toBe('Zsófia');
  });
  it('finds nothing in an unsigned answer, or a long tail after a dash', () => {
    expect(agentFromText('Thanks Jane!', shapes)).toBeUndefined();
    expect(agentFromText('Open 9–5 every day of the week', shapes)).toBeUndefined();
    expect(agentFromText('Visit x.com/acme for more', shapes)).toBeUndefined();
  });
  it('recognises the user’s own agent name without any template', () => {
    expect(agentFromText('Done! Anna', [], 'Anna')).toBe('Anna');
  });
});
