// The response recorder lives in the deferred code: until it is in, the overlay keeps only the newest view, and
// the recorder, once loaded, looks at that whole view (nothing seen meanwhile is lost); after that it hears every view.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadActions } from '../../../utils/overlay/actions-loader';
import { DeferredRecorder } from '../../../utils/overlay/deferred-recorder';
import type { PageView } from '../../../utils/overlay/view-model';

vi.mock('../../../utils/overlay/actions-loader', () => ({ loadActions: vi.fn(), loadedActions: () => null }));

const view = (tracked: boolean, comments: number) =>
  ({ tracked, comments: new Map(Array.from({ length: comments }, (_, i) => [`k${i}`, {}])) }) as unknown as PageView;
const services = { record: async () => undefined };

describe('DeferredRecorder', () => {
  const observed: Array<[PageView | null, unknown]> = [];
  const responseRecorder = vi.fn(() => ({
    observe: (v: PageView | null, changed: Iterable<string> | null) =>
      observed.push([v, changed === null ? null : [...changed]]),
  }));
  let arrive: (actions: unknown) => void = () => undefined;

  beforeEach(() => {
    observed.length = 0;
    responseRecorder.mockClear();
    vi.mocked(loadActions).mockReset();
    vi.mocked(loadActions).mockReturnValue(
      new Promise((resolve) => {
        arrive = resolve as (actions: unknown) => void;
      }),
    );
  });

  it('loads nothing for a page with nothing to record', () => {
    const recorder = new DeferredRecorder(services, new AbortController().signal);
    recorder.observe(view(false, 5), null);
    recorder.observe(view(true, 0), ['k1']);
    recorder.observe(null, null);
    expect(loadActions).not.toHaveBeenCalled();
  });

  it('once loaded, gives the recorder the newest view whole, then every view as it comes', async () => {
    const recorder = new DeferredRecorder(services, new AbortController().signal);
    const first = view(true, 3);
    const newest = view(true, 4);
    recorder.observe(first, null);
    recorder.observe(newest, ['k3']);
    expect(loadActions).toHaveBeenCalledTimes(1);
    arrive({ responseRecorder });
    await vi.waitFor(() => expect(observed).toHaveLength(1));
    expect(responseRecorder).toHaveBeenCalledWith(services, expect.any(AbortSignal));
    expect(observed[0]).toEqual([newest, null]);
    const later = view(true, 5);
    recorder.observe(later, ['k4']);
    expect(observed[1]).toEqual([later, ['k4']]);
    expect(loadActions).toHaveBeenCalledTimes(1);
  });

  it('starts no recorder for a page already gone, and tries the load again after a failure', async () => {
    const gone = new AbortController();
    const recorder = new DeferredRecorder(services, gone.signal);
    recorder.observe(view(true, 2), null);
    gone.abort();
    arrive({ responseRecorder });
    await Promise.resolve();
    await Promise.resolve();
    expect(responseRecorder).not.toHaveBeenCalled();

    vi.mocked(loadActions).mockRejectedValueOnce(new Error('no background'));
    const again = new DeferredRecorder(services, new AbortController().signal);
    again.observe(view(true, 2), null);
    await vi.waitFor(() => expect(loadActions).toHaveBeenCalledTimes(2));
    await Promise.resolve();
    vi.mocked(loadActions).mockResolvedValueOnce({ responseRecorder } as never);
    again.observe(view(true, 3), null);
    await vi.waitFor(() => expect(responseRecorder).toHaveBeenCalledTimes(1));
    expect(loadActions).toHaveBeenCalledTimes(3);
  });
});
