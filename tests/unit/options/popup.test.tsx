import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PopupApp } from '../../../components/popup/PopupApp';
import { SITE_ORIGINS } from '../../../components/popup/SiteAccess';
import { platformOfUrl } from '../../../components/popup/site';
import type { TabReport } from '../../../utils/core/tab-report';
import { rememberTab } from '../../../utils/messaging/tab-states';
import { readSettings, writeSettings } from '../../../utils/storage/settings';
import { SITE_HOSTS } from '../../../wxt.config';
import { button, click, mount, text, waitFor } from './harness';

const TAB_ID = 42;
function activeTab(url: string | undefined) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: TAB_ID, url } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number],
  ]);
}

const MINUTE = 60_000;
const working: TabReport = {
  platform: 'x',
  state: 'working',
  unanswered: 3,
  oldestPostedAt: Date.now() - 95 * MINUTE,
  worst: 'breach',
  health: 'ok',
};

async function tabCard(root: HTMLElement, kind: string): Promise<Element> {
  return waitFor(() => root.querySelector(`[data-testid="popup-tab"][data-rr-tab-status="${kind}"]`), kind);
}

describe('Popup', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('on a post it works on: the tab’s unanswered count, the oldest wait and how well the page is read', async () => {
    activeTab('https://x.com/acme/status/1');
    await rememberTab(TAB_ID, working, 'https://x.com/acme/status/1');
    const root = await mount(<PopupApp />);
    const card = await tabCard(root, 'working');
    expect(text(card.querySelector('[data-testid="popup-unanswered"]'))).toBe('3 unanswered');
    expect(card.querySelector('.rr-popup__pill--breach')).not.toBeNull();
    expect(text(card.querySelector('[data-testid="popup-oldest"]'))).toBe('oldest waiting 1 hr');
    expect(text(card.querySelector('[data-testid="popup-health"]'))).toBe('Every comment on the page is read.');
    expect(text(card)).toContain('Watching X. Press Alt+Q for the queue.');
  });

  it('follows the tab while open, and never says "all read" for a page it cannot read', async () => {
    activeTab('https://x.com/acme/status/1');
    await rememberTab(TAB_ID, working, 'https://x.com/acme/status/1');
    const root = await mount(<PopupApp />);
    await tabCard(root, 'working');
    await rememberTab(TAB_ID, { ...working, unanswered: 5, health: 'incomplete' }, 'https://x.com/acme/status/1');
    await waitFor(() => text(root.querySelector('[data-testid="popup-unanswered"]')) === '5 unanswered', '5');
    expect(text(root.querySelector('[data-testid="popup-health"]'))).toContain('hidden or still loading');

    await rememberTab(TAB_ID, { ...working, unanswered: 0, health: 'broken' }, 'https://x.com/acme/status/1');
    await waitFor(() => root.querySelector('[data-testid="popup-health"][data-rr-health="broken"]'), 'broken');
    expect(text(root.querySelector('[data-testid="popup-tab"]'))).toContain('cannot read this page’s comments');
    expect(text(root.querySelector('[data-testid="popup-tab"]'))).not.toContain('0 unanswered');
  });

  it('says when the page shows no post, or a post that is not the brand’s', async () => {
    activeTab('https://www.facebook.com/acme');
    const quiet = {
      ...working,
      platform: 'facebook' as const,
      unanswered: 0,
      oldestPostedAt: null,
      worst: 'ok' as const,
    };
    await rememberTab(TAB_ID, { ...quiet, state: 'not-post' }, undefined);
    const root = await mount(<PopupApp />);
    const card = await tabCard(root, 'not-post');
    expect(text(card)).toContain('This Facebook page shows no post.');
    await rememberTab(TAB_ID, { ...quiet, state: 'not-brand' }, undefined);
    expect(text(await tabCard(root, 'not-brand'))).toContain('This Facebook post is not one of your brand’s');
  });

  it('says when Reply Radar is not running on a site’s tab (opened before it started)', async () => {
    activeTab('https://www.instagram.com/p/abc/');
    const root = await mount(<PopupApp />);
    expect(text(await tabCard(root, 'not-running'))).toContain('Reload the page');
  });

  it('says what to do on any other page, naming the sites it works on', async () => {
    activeTab('https://example.com/');
    const root = await mount(<PopupApp />);
    expect(text(await tabCard(root, 'elsewhere'))).toContain('Open x.com, facebook.com or instagram.com');
  });

  it('turns a site off and on from the popup', async () => {
    activeTab('https://www.instagram.com/p/abc/');
    const root = await mount(<PopupApp />);
    const toggle = await waitFor(() => root.querySelector('[name="popup-site-instagram"]'), 'the Instagram switch');
    await click(toggle);
    await waitFor(async () => (await readSettings()).sites.instagram === false, 'Instagram off');
    await waitFor(() => text(root).includes('Reply Radar is off on Instagram.'), 'the off state');
    await click(toggle);
    await waitFor(async () => (await readSettings()).sites.instagram === true, 'Instagram on again');
    await waitFor(() => !text(root).includes('Reply Radar is off on Instagram.'), 'the on state');
    // The tab card turns it back on too, in one click.
    await writeSettings({ sites: { x: true, facebook: true, instagram: false } });
    const card = await tabCard(root, 'off');
    await click(button(card, 'Turn on for Instagram'));
    await waitFor(async () => (await readSettings()).sites.instagram === true, 'Instagram on from the tab card');
  });

  it('shows the brand identities, with the X hint when none is set', async () => {
    activeTab(undefined);
    const root = await mount(<PopupApp />);
    const brand = await waitFor(() => root.querySelector('[data-testid="popup-brand"]'), 'the brand card');
    expect(text(brand)).toContain('On X, Reply Radar uses the account you’re logged in with.');

    await writeSettings({ brand: { x: ['acme'], facebook: ['Acme Store'], instagram: [] } });
    await waitFor(() => text(root.querySelector('[data-testid="popup-brand"]')).includes('@acme'), 'the X handle');
    expect(text(root.querySelector('[data-testid="popup-brand"]'))).toContain('Acme Store');
    expect(text(root.querySelector('[data-testid="popup-brand"]'))).not.toContain('logged in with');
  });

  it('lists the keys and opens the options page', async () => {
    activeTab(undefined);
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const root = await mount(<PopupApp />);
    await waitFor(() => text(root).includes('Next waiting comment'), 'the cheat sheet');
    const lines = Array.from(root.querySelectorAll('li'), (li) => Array.from(li.children, (c) => text(c)).join(' = '));
    expect(lines).toContain('Next waiting comment = Alt+J');
    expect(lines).toContain('Insert template 1–9 = Alt+1 … Alt+9');
    await click(button(root, 'Open options'));
    await waitFor(() => close.mock.calls.length > 0, 'the popup to close');
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('shows the in-page key and the browser command as the browser has it now', async () => {
    activeTab(undefined);
    const commands = fakeBrowser.commands as unknown as { getAll: () => Promise<unknown[]> };
    // The user changed the browser shortcut in the browser's own settings: the popup shows that, not the default.
    vi.spyOn(commands, 'getAll').mockResolvedValue([
      { name: 'toggle-panel', shortcut: 'Ctrl+Shift+Y', description: 'Show or hide the Reply Radar queue panel' },
    ]);
    const root = await mount(<PopupApp />);
    const row = await waitFor(() => root.querySelector('[data-testid="popup-command"]'), 'the command row');
    const lines = Array.from(root.querySelectorAll('li'), (li) => Array.from(li.children, (c) => text(c)).join(' = '));
    expect(lines).toContain('Show or hide the panel = Alt+Q');
    expect(text(row)).toBe('Show or hide the panel (browser shortcut)Ctrl+Shift+Y');
    expect(row.querySelector('kbd')?.textContent).toBe('Ctrl+Shift+Y');
  });

  it('says so when the browser has no key bound to the command', async () => {
    activeTab(undefined);
    const commands = fakeBrowser.commands as unknown as { getAll: () => Promise<unknown[]> };
    vi.spyOn(commands, 'getAll').mockResolvedValue([{ name: 'toggle-panel', shortcut: '' }]);
    const root = await mount(<PopupApp />);
    const row = await waitFor(() => root.querySelector('[data-testid="popup-command"]'), 'the command row');
    expect(row.querySelector('kbd')).toBeNull();
    expect(text(row)).toContain('not set');
  });
});

describe('platformOfUrl', () => {
  it('knows the three sites and nothing else', () => {
    expect(platformOfUrl('https://twitter.com/home')).toBe('x');
    expect(platformOfUrl('https://web.facebook.com/acme')).toBe('facebook');
    expect(platformOfUrl('https://www.instagram.com/')).toBe('instagram');
    expect(platformOfUrl('https://x.com.evil.example/')).toBeNull();
    expect(platformOfUrl('chrome://extensions')).toBeNull();
    expect(platformOfUrl(undefined)).toBeNull();
  });
});

describe('Popup site access', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('checks exactly the hosts the manifest asks for', () => {
    expect(Object.values(SITE_ORIGINS).flat().sort()).toEqual([...SITE_HOSTS].sort());
  });

  function grantedOnly(...granted: string[]) {
    return vi
      .spyOn(fakeBrowser.permissions, 'contains')
      .mockImplementation(async ({ origins }) => (origins ?? []).every((o) => granted.includes(o)));
  }

  it('says nothing about access when every site is allowed', async () => {
    grantedOnly(...Object.values(SITE_ORIGINS).flat());
    activeTab(undefined);
    const root = await mount(<PopupApp />);
    await waitFor(() => root.querySelector('[data-testid="popup-brand"]'), 'the popup');
    expect(root.querySelector('[data-testid="popup-site-access"]')).toBeNull();
  });

  it('names the sites it may not read and asks for exactly them in one click', async () => {
    grantedOnly(...SITE_ORIGINS.x, ...SITE_ORIGINS.facebook);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    activeTab(undefined);
    const root = await mount(<PopupApp />);
    const card = await waitFor(() => root.querySelector('[data-testid="popup-site-access"]'), 'the access card');
    expect(text(card)).toContain('may not read Instagram');
    expect(text(card)).not.toMatch(/\bX\b|Facebook/);
    await click(button(card, 'Allow access to Instagram'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://www.instagram.com/*'] });
    await waitFor(() => root.querySelector('[data-testid="popup-site-access"]') === null, 'the card gone');
  });

  it('on a tab whose address it may not see while a site is not allowed: says it may be one of them', async () => {
    grantedOnly(...SITE_ORIGINS.facebook);
    activeTab(undefined);
    const root = await mount(<PopupApp />);
    const card = await tabCard(root, 'no-access');
    expect(text(card)).toContain('If it shows X, Instagram, Reply Radar may not read it');
    expect(root.querySelector('[data-testid="popup-site-access"]')).not.toBeNull();
  });
});
