import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../utils/storage/csv';
import { responseLogToCsv } from '../../../utils/storage/response-csv';

describe('response log CSV', () => {
  it('writes one row per entry with ISO times and minutes', () => {
    const csv = responseLogToCsv([
      {
        key: 'x:1',
        platform: 'x',
        postId: 'p1',
        permalink: 'https://x.com/jane/status/1',
        postedAt: Date.UTC(2026, 10, 2, 9),
        answeredAt: Date.UTC(2026, 10, 2, 9, 25),
        answerSource: 'site',
        answeredBy: '@acme',
        agent: '=HYPERLINK("http://evil")',
        responseMs: 25 * 60_000,
        businessMs: 25 * 60_000,
        level: 'ok',
        labels: ['question', 'order'],
      },
      { key: 'x:2', platform: 'x', postId: 'p1', postedAt: Date.UTC(2026, 10, 2, 10), precision: 'approx' },
    ]);
    const [header, first, second] = parseCsv(csv).map((r) => r.cells);
    expect(header?.slice(0, 3)).toEqual(['comment', 'platform', 'post']);
    expect(first).toEqual([
      'x:1',
      'x',
      'p1',
      'https://x.com/jane/status/1',
      '2026-11-02T09:00:00.000Z',
      'exact',
      '2026-11-02T09:25:00.000Z',
      'site',
      '',
      "'@acme", // a handle starts with @, which a spreadsheet reads as a formula too
      `'=HYPERLINK("http://evil")`,
      '25.0',
      '25.0',
      'ok',
      'question|order',
      '',
    ]);
    expect(second?.[5]).toBe('approx');
    expect(second?.[6]).toBe('');
  });
});
