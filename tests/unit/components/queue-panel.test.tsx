import fc from 'fast-check';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { QueueItem, type QueueItemView, type QueuePanelProps } from '../../../components/overlay/QueuePanel';
import { UndoToast } from '../../../components/overlay/UndoToast';
import type { Health } from '../../../utils/core/model';
import { buttonsWith, click, forgedClick, type MountedPanel, mountPanel } from './dom';
import { basePanelProps, type QueueItemFields, queueItem } from './panel-props';

const anaFields: QueueItemFields = {
  key: 'x:1',
  authorName: 'Ana Lima',
  handle: 'analima',
  snippet: 'Where is my order? It has been two weeks.',
  ageText: '2 h',
  level: 'breach',
  labels: ['question', 'order'],
};
const ana = queueItem(anaFields);
const benFields: QueueItemFields = {
  key: 'x:2',
  authorName: 'Ben',
  handle: 'ben_k',
  snippet: 'This is the worst service ever',
  ageText: '40 min',
  level: 'warn',
  labels: ['complaint'],
};
const ben = queueItem(benFields);
const cyFields: QueueItemFields = {
  key: 'x:3',
  authorName: 'Cy',
  handle: 'cy',
  snippet: 'Do you ship to Norway?',
  ageText: '3 min',
  level: 'ok',
  labels: ['question'],
};
const cy = queueItem(cyFields);

function props(over: Partial<QueuePanelProps> = {}): QueuePanelProps {
  return {
    ...basePanelProps([ana, ben, cy]),
    onTrackAll: vi.fn(),
    currentKey: null,
    ...over,
  };
}

const ALL_ANSWERED = 'All answered on this post';

/** A click the browser would mark as the user's own (happy-dom leaves isTrusted unset). */
function trustedClick(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => {
    el.dispatchEvent(event);
  });
}
const names = (m: MountedPanel) => m.$$('.rr-item-name').map((e) => e.textContent);
const live = (m: MountedPanel) => m.$('[aria-live="polite"]')?.textContent;

describe('QueuePanel health words', () => {
  it('says "All answered" when the page was read fully and nothing waits', () => {
    const m = mountPanel(props({ items: [] }));
    expect(m.text()).toContain(ALL_ANSWERED);
    expect(live(m)).toBe('0 unanswered');
  });

  it('does not say it while comments wait', () => {
    const m = mountPanel(props());
    expect(m.text()).not.toContain('All answered');
  });

  it('explains hidden replies with the page’s own words instead', () => {
    const m = mountPanel(
      props({
        items: [],
        health: 'incomplete',
        collapsedHints: ['Show more replies', 'View all 5 replies', 'Show more replies'],
        problems: ['2 replies could not be read'],
      }),
    );
    const text = m.text();
    expect(text).not.toContain('All answered');
    // One line that says what to do; the page's words and the problems behind a "Why?" disclosure.
    expect(m.$('.rr-hidden-line')?.textContent).toBe('Some replies are hidden on this page — expand them to check.');
    expect(m.$('details.rr-why summary')?.textContent).toBe('Why?');
    expect(m.$('details.rr-why')?.textContent).toContain('“Show more replies”, “View all 5 replies”');
    expect(text).toContain('2 replies could not be read');
    expect(live(m)).toBe('0 unanswered, some replies are hidden');
  });

  it('says it cannot tell when the page could not be read', () => {
    const m = mountPanel(props({ items: [], health: 'broken', problems: ['No comment list found'] }));
    const text = m.text();
    expect(text).not.toContain('All answered');
    expect(text).toContain("Reply Radar could not read this page's comments, so it cannot tell what is unanswered.");
    expect(m.$$('.rr-problems li').map((li) => li.textContent)).toEqual(['No comment list found']);
  });

  it('never says "All answered" unless health is ok and the queue is empty (any state)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Health>('ok', 'incomplete', 'broken'),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<QueuePanelProps['labelFilter']>('all', 'question', 'complaint', 'order'),
        (health, count, tracked, collapsed, labelFilter) => {
          const items = [ana, ben, cy].slice(0, count);
          const m = mountPanel(props({ items, health, tracked, collapsed, labelFilter }));
          const says = m.text().includes('All answered');
          m.host.remove();
          const allowed = tracked && !collapsed && health === 'ok' && count === 0;
          return allowed ? says : !says;
        },
      ),
    );
  });

  it('explains a post that is not the brand’s and offers to track all posts', () => {
    const p = props({ items: [], tracked: false, notTrackedReason: 'not-brand-post' });
    const m = mountPanel(p);
    expect(m.text()).toContain("This post is not by your brand. Reply Radar tracks your brand's posts.");
    expect(m.text()).not.toContain('All answered');
    click(buttonsWith(m, 'Track all posts')[0]!);
    expect(p.onTrackAll).toHaveBeenCalledTimes(1);
  });

  it('offers to adopt the post’s author as the brand, on a real click only (page contract)', () => {
    const onAdopt = vi.fn();
    const p = props({
      items: [],
      tracked: false,
      notTrackedReason: 'not-brand-post',
      platformName: 'Facebook',
      adoptBrand: { name: 'Acme Coffee', onAdopt },
    });
    const m = mountPanel(p);
    const button = m.$('[data-rr-action="adopt-brand"]');
    expect(button?.textContent).toBe('Acme Coffee is my brand');
    forgedClick(button); // a script's click: isTrusted is false
    expect(onAdopt).not.toHaveBeenCalled();
    trustedClick(button!);
    expect(onAdopt).toHaveBeenCalledTimes(1);
  });

  it('offers the adopt button on a tracked post whose author is not the brand (all posts tracked)', () => {
    const m = mountPanel(props({ adoptBrand: { name: 'Jane', onAdopt: vi.fn() } }));
    expect(m.text()).toContain("This post is by Jane, not one of your brand's identities.");
    expect(m.$$('[data-rr-action="adopt-brand"]')).toHaveLength(1);
    expect(mountPanel(props()).$('[data-rr-action="adopt-brand"]')).toBeNull();
  });

  it('names the site when it is switched off', () => {
    const m = mountPanel(props({ items: [], tracked: false, notTrackedReason: 'site-off', platformName: 'Facebook' }));
    expect(m.text()).toContain('Reply Radar is turned off for Facebook.');
    expect(buttonsWith(m, 'Track')).toHaveLength(0);
  });
});

describe('QueuePanel list', () => {
  it('shows the unanswered count in the header and in a polite live region', () => {
    const m = mountPanel(props());
    expect(m.$('.rr-panel-head .rr-count')?.textContent).toBe('3');
    expect(live(m)).toBe('3 unanswered');
  });

  it('shows author, handle, snippet, age with level words and labels for each item, in the given order', () => {
    const m = mountPanel(props());
    expect(names(m)).toEqual(['Ana Lima', 'Ben', 'Cy']);
    const first = m.$('.rr-item');
    expect(first?.querySelector('.rr-item-handle')?.textContent).toBe('@analima');
    expect(first?.querySelector('.rr-item-snippet')?.textContent).toBe(anaFields.snippet);
    expect(first?.querySelector('.rr-age')?.textContent).toBe('Overdue: 2 h');
    expect([...(first?.querySelectorAll('.rr-chip') ?? [])].map((c) => c.textContent)).toEqual(['Question', 'Order']);
  });

  it('does not show a handle that is not one (Facebook profile ids)', () => {
    const m = mountPanel(props({ items: [queueItem({ ...anaFields, handle: 'profile.php?id=100' })] }));
    expect(m.$('.rr-item-handle')).toBeNull();
  });

  it('selects an item on click and replies from its Reply button', () => {
    const p = props();
    const m = mountPanel(p);
    click(m.$$('.rr-item-main')[1]!);
    expect(p.onSelect).toHaveBeenCalledWith('x:2');
    const reply = buttonsWith(m, 'Reply to Cy')[0];
    click(reply!);
    expect(p.onReply).toHaveBeenCalledWith('x:3');
    expect(p.onSelect).toHaveBeenCalledTimes(1);
  });

  it('marks the current item with aria-current', () => {
    const m = mountPanel(props({ currentKey: 'x:2' }));
    const current = m.$$('[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.querySelector('.rr-item-name')?.textContent).toBe('Ben');
  });

  it('shows the count per label on the filter chips', () => {
    const m = mountPanel(props());
    expect(m.$$('.rr-filter').map((b) => b.textContent)).toEqual(['All 3', 'Questions 2', 'Complaints 1', 'Orders 1']);
    expect(m.$('.rr-filter[aria-pressed="true"]')?.textContent).toBe('All 3');
  });

  it('asks for a filter on chip click and shows only the matching items', () => {
    const p = props();
    const m = mountPanel(p);
    click(buttonsWith(m, 'Questions')[0]!);
    expect(p.onLabelFilter).toHaveBeenCalledWith('question');
    m.redraw({ ...p, labelFilter: 'question' });
    expect(names(m)).toEqual(['Ana Lima', 'Cy']);
    expect(m.$('.rr-filter[aria-pressed="true"]')?.textContent).toBe('Questions 2');
    // The total stays the whole queue.
    expect(m.$('.rr-panel-head .rr-count')?.textContent).toBe('3');
  });

  it('says so when a filter leaves nothing, without claiming all answered', () => {
    const m = mountPanel(props({ items: [ana, cy], labelFilter: 'complaint' }));
    expect(names(m)).toEqual([]);
    expect(m.text()).toContain('No unanswered complaints here.');
    expect(m.text()).not.toContain('All answered');
  });

  it('renders page text only as text', () => {
    const evil = queueItem({
      ...anaFields,
      authorName: '<img src=x onerror=alert(1)>',
      snippet: '<script>alert(1)</script>',
    });
    const m = mountPanel(props({ items: [evil] }));
    expect(m.$('img')).toBeNull();
    expect(m.$('script')).toBeNull();
    expect(m.$('.rr-item-snippet')?.textContent).toBe('<script>alert(1)</script>');
  });
});

describe('QueuePanel collapsed', () => {
  it('keeps only a small pill with the count and health', () => {
    const p = props({ collapsed: true, health: 'incomplete' });
    const m = mountPanel(p);
    expect(m.$('.rr-list')).toBeNull();
    const pill = m.$('button.rr-mini');
    expect(pill?.querySelector('.rr-count')?.textContent).toBe('3');
    expect(pill?.getAttribute('aria-expanded')).toBe('false');
    expect(pill?.textContent).toContain('some replies are hidden');
    expect(pill?.querySelector('svg')).not.toBeNull();
    expect(live(m)).toBe('3 unanswered, some replies are hidden');
    click(pill);
    expect(p.onToggleCollapsed).toHaveBeenCalledTimes(1);
  });

  it('collapses from the header button, which says it is expanded', () => {
    const p = props();
    const m = mountPanel(p);
    const toggle = m.$('button[aria-label="Hide the queue"]');
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(m.root.getElementById(toggle!.getAttribute('aria-controls')!)).not.toBeNull();
    click(toggle);
    expect(p.onToggleCollapsed).toHaveBeenCalledTimes(1);
  });

  it('keeps the same live region across collapse, so changes are announced', () => {
    const m = mountPanel(props());
    const region = m.$('[aria-live="polite"]');
    m.redraw(props({ collapsed: true, items: [ana] }));
    expect(m.$('[aria-live="polite"]')).toBe(region);
    expect(region?.textContent).toBe('1 unanswered');
  });
});

describe('QueuePanel, forgiving actions', () => {
  it('says to scroll, not to expand, when the site loads replies as you scroll', () => {
    const m = mountPanel(props({ items: [], health: 'incomplete', moreBelow: true, problems: ['Scroll to the end'] }));
    expect(m.$('.rr-hidden-line')?.textContent).toMatch(/scroll to the end/);
    expect(m.$('.rr-hidden-line')?.textContent).not.toMatch(/expand/);
  });

  it('shows where a comment went with an Undo, open or collapsed', () => {
    const onUndo = vi.fn();
    for (const collapsed of [false, true]) {
      const m = mountPanel(props({ collapsed, toast: <UndoToast kind="done" name="Tom" onUndo={onUndo} /> }));
      expect(m.$('[data-rr-toast]')?.textContent).toContain('Marked done: Tom');
      click(m.$('[data-rr-action="undo"]'));
    }
    expect(onUndo).toHaveBeenCalledTimes(2);
  });

  it('lists done, snoozed and ignored comments, each with a way back to the queue', () => {
    const onRestore = vi.fn();
    const handled = {
      done: [{ key: 'x:9', authorName: 'Tom', snippet: 'Old blend was better' }],
      snoozed: [],
      ignored: [{ key: 'x:8', authorName: 'Bot', snippet: 'https://spam.example/' }],
    };
    const m = mountPanel(props({ handled, onRestore }));
    const lists = m.$$('details[data-rr-handled]');
    expect(lists.map((d) => d.getAttribute('data-rr-handled'))).toEqual(['done', 'ignored']);
    expect(lists[0]?.querySelector('summary')?.textContent).toBe('Done (1)');
    click(lists[1]!.querySelector('[data-rr-action="restore"]'));
    expect(onRestore).toHaveBeenCalledWith('x:8');
  });

  it('labels obvious spam and ignores it in one click instead of offering Reply', () => {
    const onIgnore = vi.fn();
    const spam = queueItem({ ...cyFields, key: 'x:7', snippet: 'https://bit.ly/x', labels: [], spam: true });
    const m = mountPanel(props({ items: [ana, spam], onIgnore }));
    const row = m.$('li[data-key="x:7"]');
    expect(row?.textContent).toContain('Likely spam');
    expect(row?.querySelector('.rr-btn-primary')).toBeNull();
    click(row!.querySelector('[data-rr-action="ignore"]'));
    expect(onIgnore).toHaveBeenCalledWith('x:7');
  });
});

describe('QueuePanel per batch', () => {
  const many = (n: number, from = 0): QueueItemView[] =>
    Array.from({ length: n }, (_, i) => queueItem({ ...cyFields, key: `x:${from + i}`, authorName: `C${from + i}` }));

  /** What a batch that adds 20 comments at the end of the queue changes in the rendered rows. */
  function batchChanges(size: number) {
    const items = many(size);
    const p = props({ items });
    const m = mountPanel(p);
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    const list = m.$('ol.rr-list')!;
    observer.observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
    const renders = vi.spyOn(QueueItem, 'render');
    m.redraw({ ...p, items: [...items, ...many(20, size)] });
    const rendered = renders.mock.calls.length;
    renders.mockRestore();
    records.push(...observer.takeRecords());
    observer.disconnect();
    const rows = m.$$('ol.rr-list > li');
    const inside = records.filter(
      (r) => r.target !== list && !(r.type === 'attributes' && r.attributeName === 'aria-setsize'),
    );
    return {
      rows: rows.length,
      rendered,
      // Nothing inside an unchanged row is written again; only the list's length, once per rendered row.
      rewritten: inside.length,
      setsize: rows.every((row) => row.getAttribute('aria-setsize') === String(size + 20)),
    };
  }

  it('shows the label counts it is given: a batch reads no item’s labels, at 200 and at 2,000 waiting', () => {
    const labelReads = (size: number) => {
      let reads = 0;
      const counted = (items: QueueItemView[]) =>
        items.map((item) => {
          const labels = item.labels;
          return Object.defineProperty({ ...item }, 'labels', {
            get: () => {
              reads++;
              return labels;
            },
          });
        });
      const items = counted(many(size));
      const p = props({ items, labelCounts: { question: size, complaint: 0, order: 0 } });
      const m = mountPanel(p);
      reads = 0;
      const next = [...items, ...counted(many(20, size))];
      m.redraw({ ...p, items: next, labelCounts: { question: size + 20, complaint: 0, order: 0 } });
      const chip = m.$$('.rr-filter').find((b) => b.textContent?.includes('Question'))?.textContent;
      return { reads, chip };
    };
    const small = labelReads(200);
    const large = labelReads(2000);
    expect(small.reads).toBe(0);
    expect(large.reads).toBe(0);
    expect(small.chip).toContain('220');
    expect(large.chip).toContain('2,020');
  });

  it('leaves unchanged rows alone: only the list length attribute, at 200 and at 2,000 waiting', () => {
    const small = batchChanges(200);
    const large = batchChanges(2000);
    expect(small.rendered).toBe(0);
    expect(small.rewritten).toBe(0);
    expect(small.setsize).toBe(true);
    expect(large).toEqual(small);
  });
});
