// A batch whose new comments wait for their judgments (a round trip to the background) updates the panel and the
// tab's report once, when the answers come, not once without them and again with them; and the answers redraw only
// the badges of the comments they judged, whatever the page holds (200 or 2,000 comments).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { judgeComment } from '../../../utils/core/comment-judge';
import type { Comment, Post } from '../../../utils/core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import type { JudgeItem } from '../../../utils/overlay/judgments';
import { PageSession, type SessionServices } from '../../../utils/overlay/page-session';
import type { ReadComment, SiteAdapter } from '../../../utils/sites/types';

// The panel's view is deferred code (utils/overlay/panel-layer.ts): here it is in at once, as the background would
// inject it, so the batches draw the whole panel.
vi.mock('../../../utils/overlay/actions-loader', async () => {
  const { overlayActions } = await import('../../../utils/overlay/actions');
  let loaded: typeof overlayActions | null = null;
  return { loadedActions: () => loaded, loadActions: async () => (loaded = overlayActions) };
});

const T0 = Date.UTC(2026, 10, 25, 12, 0);
const URL_ = new URL('https://x.com/acme/status/1');
const post: Post = { platform: 'x', id: '1', url: '', author: { handle: 'acme', displayName: 'Acme', profileUrl: '' } };
const settings: Settings = { ...DEFAULT_SETTINGS, brand: { x: ['acme'], facebook: [], instagram: [] } };

function fixture() {
  const list = document.createElement('div');
  document.body.append(list);
  const rows: ReadComment[] = [];
  let next = 0;
  const add = (n: number) => {
    for (let i = 0; i < n; i++, next++) {
      const element = list.appendChild(document.createElement('article'));
      const comment: Comment = {
        platform: 'x',
        id: `c${next}`,
        postId: '1',
        threadKey: `c${next}`,
        author: { handle: `customer${next}`, displayName: `Customer ${next}`, profileUrl: '' },
        // Each text its own, as on a real page: every new comment is a miss the background is asked about.
        text: `where is my order number ${next}?`,
        postedAt: T0 - 60_000,
        postedAtPrecision: 'exact',
        permalink: '',
        order: next,
      };
      rows.push({ comment, element });
    }
  };
  const adapter = {
    platform: 'x',
    matchPostPage: (url: URL) => (url.pathname === URL_.pathname ? { postId: '1' } : null),
    read: () => ({
      post,
      actingHandle: 'acme',
      comments: [...rows],
      collapsed: [],
      candidates: rows.length,
      problems: [],
    }),
    openReply: async () => null,
    focusedEditor: () => null,
    editorKind: () => 'plain',
    sendEnabled: () => null,
    theme: () => 'light',
  } as unknown as SiteAdapter;
  const answers: Array<() => void> = [];
  const judged: number[] = [];
  const reports = vi.fn();
  const services: SessionServices = {
    settings: () => settings,
    templates: () => [],
    locale: 'en',
    loadManualStates: async () => [],
    setManualState: async () => undefined,
    clearManualStates: async () => undefined,
    markTemplateUsed: async () => undefined,
    recordResponses: async () => undefined,
    judgeComments: (items: JudgeItem[]) =>
      new Promise((resolve) => {
        judged.push(items.length);
        answers.push(() => resolve(items.map((item) => judgeComment(item.text, item.lang))));
      }),
    saveSettings: async () => undefined,
    reportTab: reports,
    now: () => T0,
    alive: () => true,
  };
  const answer = async () => {
    for (const a of answers.splice(0)) a();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { list, add, adapter, services, reports, judged, answer };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('PageSession batches waiting for judgments', () => {
  for (const present of [200, 2_000]) {
    it(`updates the panel and the report once per batch and redraws only the judged badges (${present} present)`, async () => {
      vi.useFakeTimers({ now: T0 });
      history.replaceState(null, '', URL_.pathname);
      const page = fixture();
      const abort = new AbortController();
      page.add(present);
      new PageSession(page.adapter, URL_, page.services, abort.signal);
      await vi.advanceTimersByTimeAsync(20);
      await page.answer();
      expect(page.list.querySelectorAll('article[data-rr-state="unanswered"]')).toHaveLength(present);

      for (let batch = 0; batch < 3; batch++) {
        page.reports.mockClear();
        const shadowWrites = vi.spyOn(Element.prototype, 'attachShadow');
        page.add(20);
        await vi.advanceTimersByTimeAsync(20); // the frame: the batch is read, its comments asked about
        expect(page.judged.at(-1)).toBe(20);
        // Not drawn from a guess, and the panel waits for the answers.
        expect(page.reports).not.toHaveBeenCalled();
        await page.answer();
        expect(page.reports).toHaveBeenCalledTimes(1);
        expect(page.reports.mock.calls[0]![0]).toMatchObject({ unanswered: present + 20 * (batch + 1) });
        // The answers drew the 20 new badges, none of the page's others.
        expect(shadowWrites).toHaveBeenCalledTimes(20);
        shadowWrites.mockRestore();
      }
      expect(page.list.querySelectorAll('article[data-rr-state="unanswered"]')).toHaveLength(present + 60);
      abort.abort();
    }, 60_000);
  }
});

describe('PageSession read for a person’s action (readNow, before the deferred code looks for a row)', () => {
  it('reads only what changed since the last batch, at once, and nothing when nothing changed: never the whole page', async () => {
    vi.useFakeTimers({ now: T0 });
    history.replaceState(null, '', URL_.pathname);
    const page = fixture();
    const read = vi.spyOn(page.adapter, 'read');
    const abort = new AbortController();
    page.add(200);
    const session = new PageSession(page.adapter, URL_, page.services, abort.signal);
    await vi.advanceTimersByTimeAsync(20);
    await page.answer();
    // Whatever batch our own first drawing asked for (a style sheet in the head) has run.
    await vi.advanceTimersByTimeAsync(300);
    read.mockClear();

    session.readNow();
    expect(read).not.toHaveBeenCalled();

    page.add(1);
    const added = page.list.lastElementChild!;
    // Synchronously, before the site's change has reached the batch: it is read with the change, not the page.
    session.readNow();
    expect(read).toHaveBeenCalledTimes(1);
    const changed = read.mock.calls[0]![2];
    expect(changed).toBeDefined();
    expect(changed!.has(added)).toBe(true);
    abort.abort();
  });
});
