// The panel's host and its page contract come with the content script, from the first draw; what draws in it is the
// deferred code (issue #10), loaded once with the first panel. A failed load is said in the panel, never an empty
// corner, and tried again: at the next draw and on a timer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { t } from '../../../utils/i18n';
import { overlayActions } from '../../../utils/overlay/actions';
import { loadActions } from '../../../utils/overlay/actions-loader';
import { type PanelActions, PanelLayer, type PanelUi } from '../../../utils/overlay/panel-layer';
import type { CommentView, PageView } from '../../../utils/overlay/view-model';

vi.mock('../../../utils/overlay/actions-loader', () => ({ loadActions: vi.fn(), loadedActions: () => null }));

const actions = new Proxy({}, { get: () => () => undefined }) as PanelActions;
const ui: PanelUi = {
  currentKey: null,
  labelFilter: 'all',
  theme: 'light',
  fontSize: 15,
  settings: DEFAULT_SETTINGS,
  undo: null,
};

function view(waiting: number): PageView {
  const queue = Array.from(
    { length: waiting },
    (_, i) =>
      ({
        key: `x:${i}`,
        comment: { author: { displayName: `Customer ${i}`, handle: `c${i}` }, text: `question ${i}` },
        state: 'unanswered',
        level: 'ok',
        ageText: '5m',
        labels: [],
        spam: false,
      }) as unknown as CommentView,
  );
  return {
    tracked: true,
    health: 'ok',
    problems: [],
    collapsedHints: [],
    comments: new Map(queue.map((c) => [c.key, c])),
    queue,
  };
}

const host = () => document.querySelector('reply-radar') as HTMLElement;
const mount = () => host().shadowRoot!.querySelector('[data-rr-mount]')!;

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(loadActions).mockReset();
  document.body.replaceChildren();
});

describe('PanelLayer', () => {
  it('sets the page contract at the first draw, before the deferred view is in, and draws the view once it is', async () => {
    let arrive!: (a: typeof overlayActions) => void;
    vi.mocked(loadActions).mockReturnValue(new Promise((resolve) => (arrive = resolve)));
    const abort = new AbortController();
    const layer = new PanelLayer('x', actions, abort.signal);
    layer.draw(view(2), ui);
    expect(host().getAttribute('data-rr-unanswered')).toBe('2');
    expect(host().getAttribute('data-rr-health')).toBe('ok');
    expect(mount().childElementCount).toBe(0);
    // Still loading: the contract follows each draw, the load is asked for once.
    layer.draw(view(3), ui);
    expect(host().getAttribute('data-rr-unanswered')).toBe('3');
    expect(loadActions).toHaveBeenCalledTimes(1);

    arrive(overlayActions);
    await Promise.resolve();
    await Promise.resolve();
    // Drawn from the latest draw's view.
    expect(mount().querySelectorAll('.rr-item')).toHaveLength(3);
    layer.draw(view(1), ui);
    expect(host().getAttribute('data-rr-unanswered')).toBe('1');
    expect(mount().querySelectorAll('.rr-item')).toHaveLength(1);
    expect(loadActions).toHaveBeenCalledTimes(1);
    abort.abort();
    expect(host()).toBeNull();
  });

  it('says in the panel that it could not be drawn when the load fails, and tries again until it loads', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.mocked(loadActions).mockRejectedValue(new Error('no background'));
    const abort = new AbortController();
    const layer = new PanelLayer('x', actions, abort.signal);
    layer.draw(view(2), ui);
    await vi.advanceTimersByTimeAsync(0);
    expect(host().getAttribute('data-rr-unanswered')).toBe('2');
    expect(mount().textContent).toBe(t('problem_drawing_failed'));
    // On a timer, each retry later than the last.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loadActions).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(loadActions).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(loadActions).toHaveBeenCalledTimes(3);

    vi.mocked(loadActions).mockResolvedValue(overlayActions);
    // The next draw tries at once.
    layer.draw(view(2), ui);
    await vi.advanceTimersByTimeAsync(0);
    expect(loadActions).toHaveBeenCalledTimes(4);
    expect(mount().textContent).not.toContain(t('problem_drawing_failed'));
    expect(mount().querySelectorAll('.rr-item')).toHaveLength(2);
    // No timer left running.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loadActions).toHaveBeenCalledTimes(4);
    abort.abort();
  });
});
