import { describe, expect, test } from 'vitest';
import { judgeInsertion } from '../../../utils/insert/verify';

describe('judging whether an insertion landed', () => {
  test('the text appearing once more is a success, whatever the editor did with line breaks and spaces', () => {
    expect(judgeInsertion('', 'Hi Anna,thanks', 'Hi Anna,\n\nthanks')).toEqual({ ok: true });
    expect(judgeInsertion('Hello', 'Hello\u00a0again', 'Hello again')).toEqual({ ok: true });
    expect(judgeInsertion('Thanks! ', 'Thanks! Thanks!', 'Thanks!')).toEqual({ ok: true });
  });

  test('nothing new is a failure', () => {
    expect(judgeInsertion('Thanks!', 'Thanks!', 'Thanks!')).toEqual({
      ok: false,
      reason: 'The reply box did not take the text',
      say: { key: 'insert_not_taken' },
    });
    expect(judgeInsertion('', 'Hi Ann', 'Hi Anna')).toMatchObject({ ok: false });
  });

  test('text that landed more than once is reported, not accepted', () => {
    const verdict = judgeInsertion('', 'Hi!Hi!Hi!', 'Hi!');
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining('3 times'),
      // What the user reads, in their language, with the count written as they write numbers.
      say: { key: 'insert_landed_times', params: { count: 3 } },
    });
  });
});
