// Where our UI lives: badge hosts in the slot the adapter picks (found again, made again when the site re-renders
// the row), the panel host with its contract attributes, the outline style sheet: each gone when the page's signal
// aborts, and no site node touched beyond the one inserted host.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OUTLINE_CSS } from '../../../components/overlay/styles';
import {
  BADGE_TAG,
  createPanelHost,
  ensureBadgeHost,
  ensureOutlineStyle,
  findBadgeHost,
  OUTLINE_STYLE_ID,
} from '../../../utils/overlay/hosts';
import type { SiteAdapter } from '../../../utils/sites/types';

/** A row with an action bar; the adapter puts the badge just above the bar, as X's does. */
function row() {
  const article = document.createElement('article');
  const body = document.createElement('div');
  const text = document.createElement('div');
  text.textContent = 'Is the new blend fair trade?';
  const bar = document.createElement('div');
  bar.setAttribute('role', 'group');
  body.append(text, bar);
  article.append(body);
  document.body.append(article);
  return { article, body, text, bar };
}
const adapter = {
  badgeSlot: (el: HTMLElement) => {
    const bar = el.querySelector('[role="group"]')!;
    return { parent: bar.parentElement!, before: bar };
  },
} as unknown as SiteAdapter;

/** Every site node under `root` with its attributes: what the overlay must leave alone. */
function siteSnapshot(root: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element, depth: number) => {
    if (el.localName === BADGE_TAG) return;
    out.push(`${depth}:${el.localName}[${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(',')}]`);
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(root, 0);
  return out;
}

describe('badge hosts', () => {
  afterEach(() => document.body.replaceChildren());

  it('puts one host in the adapter’s slot, with its UI in an open shadow root', () => {
    const { article, body, text, bar } = row();
    const before = siteSnapshot(article);
    const { host, mount } = ensureBadgeHost(article, adapter, ':host{}');
    expect(host.localName).toBe(BADGE_TAG);
    expect([...body.children]).toEqual([text, host, bar]);
    expect(host.shadowRoot?.mode).toBe('open');
    expect(mount.getRootNode()).toBe(host.shadowRoot);
    expect(mount.hasAttribute('data-rr-mount')).toBe(true);
    expect(siteSnapshot(article)).toEqual(before);
  });

  it('puts the host at the end of the comment when the adapter has no slot', () => {
    const { article } = row();
    const { host } = ensureBadgeHost(article, {} as SiteAdapter, '');
    expect(article.lastElementChild).toBe(host);
  });

  it('finds the same host again instead of adding a second', () => {
    const { article } = row();
    const first = ensureBadgeHost(article, adapter, '');
    expect(ensureBadgeHost(article, adapter, '')).toEqual(first);
    expect(findBadgeHost(article)).toEqual(first);
    expect(article.querySelectorAll(BADGE_TAG)).toHaveLength(1);
  });

  it('makes a new host when the site re-rendered the part of the row that held it', () => {
    const { article, body } = row();
    const first = ensureBadgeHost(article, adapter, '');
    first.host.remove(); // the site replaced its subtree
    expect(findBadgeHost(article)).toBeNull();
    const second = ensureBadgeHost(article, adapter, '');
    expect(second.host).not.toBe(first.host);
    expect(body.querySelectorAll(BADGE_TAG)).toHaveLength(1);
  });

  it('keeps a person’s clicks and keys on our buttons from reaching the site’s row handlers', () => {
    const { article } = row();
    const siteClicks = vi.fn();
    article.addEventListener('click', siteClicks);
    article.addEventListener('keydown', siteClicks);
    const { mount } = ensureBadgeHost(article, adapter, '');
    const button = document.createElement('button');
    mount.append(button);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(siteClicks).not.toHaveBeenCalled();
  });
});

describe('the panel host and the outline style', () => {
  afterEach(() => document.body.replaceChildren());

  it('adds the panel host with the contract’s attributes and removes it when the page’s signal aborts', () => {
    const controller = new AbortController();
    const siteChildren = [...document.body.children];
    const { host, mount } = createPanelHost(document, '', controller.signal);
    expect(host.localName).toBe('reply-radar');
    expect(host.getAttribute('data-rr-unanswered')).toBe('0');
    expect(host.getAttribute('data-rr-health')).toBe('incomplete');
    expect(mount.getRootNode()).toBe(host.shadowRoot);
    expect(document.body.lastElementChild).toBe(host);
    controller.abort();
    expect(host.isConnected).toBe(false);
    expect([...document.body.children]).toEqual(siteChildren);
  });

  it('adds one outline style sheet however often it is asked, and takes it away on abort', () => {
    const controller = new AbortController();
    ensureOutlineStyle(document, OUTLINE_CSS, controller.signal);
    ensureOutlineStyle(document, OUTLINE_CSS, controller.signal);
    expect(document.querySelectorAll(`#${OUTLINE_STYLE_ID}`)).toHaveLength(1);
    const css = document.getElementById(OUTLINE_STYLE_ID)!.textContent ?? '';
    expect(css).toContain('[data-rr-state="unanswered"]');
    // It styles only elements carrying our attributes: outlines, nothing else.
    for (const rule of css.split('}').filter((r) => r.trim())) {
      const [selector, body] = rule.split('{') as [string, string];
      expect(selector.trim()).toMatch(/^\[data-rr-[a-z]+(="[a-z]+")?\](\[data-rr-[a-z]+(="[a-z]+")?\])*$/);
      for (const decl of body.split(';').filter((d) => d.trim())) expect(decl.trim()).toMatch(/^outline(-[a-z]+)?:/);
    }
    controller.abort();
    expect(document.getElementById(OUTLINE_STYLE_ID)).toBeNull();
  });
});

describe('shared styles', () => {
  afterEach(() => document.body.replaceChildren());

  it('gives every badge the same parsed stylesheet, not a copy each', () => {
    const css = ':host { color: rgb(1, 2, 3); }';
    const roots = [row(), row(), row()].map(({ article }) => ensureBadgeHost(article, adapter, css).host.shadowRoot!);
    const first = roots[0]!.adoptedStyleSheets[0];
    expect(first).toBeDefined();
    for (const root of roots) {
      expect(root.adoptedStyleSheets).toHaveLength(1);
      expect(root.adoptedStyleSheets[0]).toBe(first);
      expect(root.querySelector('style')).toBeNull();
    }
  });

  it('falls back to a <style> per root where the sheet cannot be adopted', () => {
    const css = ':host { color: rgb(4, 5, 6); }';
    const setter = vi.spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'set').mockImplementation(() => {
      throw new TypeError('refused');
    });
    try {
      const roots = [row(), row()].map(({ article }) => ensureBadgeHost(article, adapter, css).host.shadowRoot!);
      for (const root of roots) expect(root.querySelector('style')?.textContent).toBe(css);
    } finally {
      setter.mockRestore();
    }
  });
});
