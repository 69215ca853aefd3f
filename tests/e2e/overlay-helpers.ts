// The overlay's UI contract, read the way a test (or a power user) may rely on it: buttons by data-rr-action inside
// each badge's shadow root, the open picker by data-rr-picker in the pop-up layer.
import type { Locator, Page } from 'playwright-core';

/** A badge button by its data-rr-action (Playwright's CSS pierces open shadow roots). */
export function badgeAction(article: Locator, action: 'reply' | 'templates' | 'done' | 'snooze'): Locator {
  return article.locator(`rr-badge [data-rr-action="${action}"]`).first();
}

export function picker(page: Page): Locator {
  return page.locator('[data-rr-picker]');
}

export interface PickerSeen {
  /** What the topmost element at the picker's centre is, looked up through shadow roots. */
  centreIsPicker: boolean;
  centreWhat: string;
  picker: { top: number; bottom: number; left: number; right: number };
  anchor: { top: number; bottom: number };
  viewportHeight: number;
}

/** Hit-tests the open picker's centre the way a click would land: elementFromPoint, then into each shadow root. */
export function pickerSeen(article: Locator): Promise<PickerSeen> {
  return article.evaluate((row) => {
    const deepFind = (root: Document | ShadowRoot, selector: string): Element | null => {
      const found = root.querySelector(selector);
      if (found) return found;
      for (const el of root.querySelectorAll('*')) {
        const inner = el.shadowRoot ? deepFind(el.shadowRoot, selector) : null;
        if (inner) return inner;
      }
      return null;
    };
    const pickerEl = deepFind(document, '[data-rr-picker]');
    if (!pickerEl) throw new Error('no open picker');
    const box = pickerEl.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    const badge = row.querySelector('rr-badge');
    const anchor = badge?.shadowRoot?.querySelector('[data-rr-action="templates"]')?.getBoundingClientRect();
    return {
      centreIsPicker: !!hit && pickerEl.contains(hit),
      centreWhat: hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing',
      picker: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      anchor: { top: anchor?.top ?? Number.NaN, bottom: anchor?.bottom ?? Number.NaN },
      viewportHeight: window.innerHeight,
    };
  });
}

/** Scrolls the page so the article's badge sits `where` in the window (X re-lays out its rows on scroll). */
export async function putBadgeAt(page: Page, article: Locator, where: 'top' | 'bottom'): Promise<void> {
  for (let attempt = 0; attempt < 15; attempt++) {
    const off = await article.evaluate((row, at) => {
      const badge = row.querySelector('rr-badge') ?? row;
      const wanted = at === 'top' ? 90 : window.innerHeight - 70;
      const delta = badge.getBoundingClientRect().top - wanted;
      window.scrollBy(0, delta);
      return Math.abs(delta);
    }, where);
    // Let X measure its rows and Reply Radar draw again, then check the badge stayed where it was put.
    await page.waitForTimeout(250);
    if (off < 30) return;
  }
  throw new Error(`could not bring the badge to the ${where} of the window`);
}

/** The element focused now, through shadow roots: its data-rr-action, or its tag. */
export function focusedAction(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('data-rr-action') ?? active?.tagName.toLowerCase() ?? null;
  });
}

/**
 * How the badges on the page fit the room their host held before they were drawn (its min-height): a badge drawn
 * later (near the screen) that is taller than its room lengthens its row and moves every row below it. Badges whose
 * buttons wrap onto a second line (a narrow row) are counted apart: their room is one line, so they still grow.
 */
export function badgeRoom(page: Page): Promise<{ fit: number; wrapped: number; outgrown: string[] }> {
  return page.evaluate(() => {
    const seen = { fit: 0, wrapped: 0, outgrown: [] as string[] };
    for (const host of document.querySelectorAll<HTMLElement>('rr-badge')) {
      const room = Number.parseFloat(host.style.minHeight);
      const height = host.getBoundingClientRect().height;
      const root = host.shadowRoot?.querySelector('.rr-root');
      // The row centres its items: one line, one centre.
      const centres = new Set(
        [...(root?.querySelectorAll('.rr-badge-row > *') ?? [])].map((el) => {
          const box = el.getBoundingClientRect();
          return Math.round((box.top + box.bottom) / 2);
        }),
      );
      if (centres.size > 1) seen.wrapped++;
      else if (room > 0 && height <= room + 0.5) seen.fit++;
      else
        seen.outgrown.push(
          `${root?.getAttribute('data-state')}: ${height.toFixed(1)}px in room ${host.style.minHeight}`,
        );
    }
    return seen;
  });
}
