import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PopupApp } from '../../../components/popup/PopupApp';
import { SITE_ORIGINS } from '../../../components/popup/SiteAccess';
import { platformOfUrl } from '../../../components/popup/site';
import { readSettings, writeSettings } from '../../../utils/storage/settings';
import { SITE_HOSTS } from '../../../wxt.config';
import { button, click, mount, text, waitFor } from './harness';

function activeTab(url: string | undefined) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { url } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number],
  ]);
}

describe('Popup', () => {
  it('names the site of the active tab and its state', async () => {
    activeTab('https://x.com/acme/status/1');
    const root = await mount(<PopupApp />);
    await waitFor(
      () => text(root.querySelector('[data-testid="popup-tab-state"]')).startsWith('Watching X'),
      'the tab state',
    );
    expect(text(root.querySelector('[data-testid="popup-tab-state"]'))).toBe('Watching X. Press Alt+Q for the queue.');
  });

  it('says what to do on any other page (its URL is not visible)', async () => {
    activeTab(undefined);
    const root = await mount(<PopupApp />);
    await waitFor(() => !text(root).includes('Checking'), 'the tab state');
    expect(text(root.querySelector('[data-testid="popup-tab-state"]'))).toContain(
      'Open x.com, facebook.com or instagram.com',
    );
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
});
