// Done / snoozed marks are asked for in questions the background accepts, and a batch asks only for its new keys:
// what a batch sends follows the batch, never the page (issue #10: a 10,000-comment page asked for every key again
// with every batch, because its one question of 10,000 keys was refused).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ManualState } from '../../../utils/core/model';
import { PROTOCOL } from '../../../utils/messaging/protocol';
import { KEYS_PER_QUESTION, ManualStates } from '../../../utils/overlay/manual-states';

const keysOf = (from: number, n: number) => Array.from({ length: n }, (_, i) => `facebook:${from + i}`);
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.restoreAllMocks());

/** A background that answers like the real one: refuses a question of more keys than the protocol allows. */
function background(marked: Set<string> = new Set()) {
  const questions: string[][] = [];
  const load = async (keys: string[]): Promise<ManualState[]> => {
    questions.push(keys);
    const parsed = PROTOCOL['states.list'].request.safeParse({ keys });
    if (!parsed.success) throw new Error('refused');
    return keys.filter((k) => marked.has(k)).map((key) => ({ key, state: 'done', at: 1 }) as ManualState);
  };
  return { load, questions };
}

describe('ManualStates', () => {
  it('asks in slices the background accepts', () => {
    const tooMany = { keys: keysOf(0, 5001) };
    expect(PROTOCOL['states.list'].request.safeParse(tooMany).success).toBe(false);
    expect(PROTOCOL['states.list'].request.safeParse({ keys: keysOf(0, KEYS_PER_QUESTION) }).success).toBe(true);
  });

  it.each([200, 2_000, 10_000])(
    'loads every mark of a %i-comment page, then asks a batch of 20 for its 20 keys only',
    async (size) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const bg = background(new Set([`facebook:${size - 1}`, 'facebook:3']));
      const onChange = vi.fn();
      const states = new ManualStates(bg.load, new AbortController().signal, onChange);
      states.fetchNew(keysOf(0, size));
      await settle();
      expect(states.map.has(`facebook:${size - 1}`)).toBe(true);
      expect(states.map.has('facebook:3')).toBe(true);
      expect(bg.questions.every((q) => q.length <= KEYS_PER_QUESTION)).toBe(true);
      expect(console.warn).not.toHaveBeenCalled();

      for (let batch = 0; batch < 3; batch++) {
        bg.questions.length = 0;
        states.fetchNew(keysOf(size + batch * 20, 20));
        await settle();
        expect(bg.questions.map((q) => q.length)).toEqual([20]);
      }
    },
  );

  it('asks a failed slice again with the next batch, and only that slice', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const questions: string[][] = [];
    let fail = true;
    const load = async (keys: string[]) => {
      questions.push(keys);
      if (fail && keys.includes('facebook:1500')) throw new Error('busy');
      return [];
    };
    const states = new ManualStates(load, new AbortController().signal, () => undefined);
    states.fetchNew(keysOf(0, 2_500));
    await settle();
    expect(questions.map((q) => q.length)).toEqual([1000, 1000, 500]);
    fail = false;
    questions.length = 0;
    states.fetchNew(keysOf(2_500, 20));
    await settle();
    expect(questions.flat().sort()).toEqual([...keysOf(1000, 1000), ...keysOf(2_500, 20)].sort());
    questions.length = 0;
    states.fetchNew(keysOf(2_520, 20));
    await settle();
    expect(questions.flat()).toEqual(keysOf(2_520, 20));
  });

  it('reloads a long page in slices and replaces the marks once every answer is in', async () => {
    const marked = new Set(['facebook:7']);
    const bg = background(marked);
    const onChange = vi.fn();
    const states = new ManualStates(bg.load, new AbortController().signal, onChange);
    states.fetchNew(keysOf(0, 6_000));
    await settle();
    expect(states.map.has('facebook:7')).toBe(true);
    marked.clear();
    marked.add('facebook:5999');
    onChange.mockClear();
    bg.questions.length = 0;
    states.reload(keysOf(0, 6_000));
    await settle();
    expect(bg.questions.every((q) => q.length <= KEYS_PER_QUESTION)).toBe(true);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect([...states.map.keys()]).toEqual(['facebook:5999']);
  });
});
