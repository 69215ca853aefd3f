import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestThrottle } from '../../../utils/overlay/latest-throttle';

afterEach(() => vi.useRealTimers());

describe('latestThrottle (the toolbar badge report)', () => {
  it('sends the first value at once, then the latest once per interval while values keep coming', () => {
    vi.useFakeTimers({ now: 0 });
    const sent: number[] = [];
    const report = latestThrottle((n: number) => sent.push(n), 1_000, new AbortController().signal);
    report(1);
    expect(sent).toEqual([1]);
    // A stream of batches, one every 100 ms for 2.5 s: one send per second, each with the newest count.
    for (let n = 2; n <= 26; n++) {
      vi.advanceTimersByTime(100);
      report(n);
    }
    expect(sent).toEqual([1, 10, 20]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1, 10, 20, 26]);
    // Quiet for longer than the interval: the next one goes at once again.
    vi.advanceTimersByTime(5_000);
    report(27);
    expect(sent).toEqual([1, 10, 20, 26, 27]);
  });

  it('sends nothing once its signal aborted, not even a value already waiting', () => {
    vi.useFakeTimers({ now: 0 });
    const sent: number[] = [];
    const abort = new AbortController();
    const report = latestThrottle((n: number) => sent.push(n), 1_000, abort.signal);
    report(1);
    report(2);
    abort.abort();
    vi.advanceTimersByTime(2_000);
    report(3);
    expect(sent).toEqual([1]);
  });
});
