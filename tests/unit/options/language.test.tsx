// The interface language switch on the options page: the page redraws in the chosen language at once, the choice is
// saved (so open tabs follow), plurals and numbers follow the language, and "auto" goes back to the browser's.
import { describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { PopupApp } from '../../../components/popup/PopupApp';
import { readSettings, writeSettings } from '../../../utils/storage/settings';
import { seedStarterTemplates } from '../../../utils/storage/templates';
import { choose, mount, text, waitFor } from './harness';

async function openOptions() {
  await seedStarterTemplates({ starters: [] });
  const root = await mount(<OptionsApp saveDelayMs={0} toastMs={0} />);
  await waitFor(() => root.querySelector('#language select'), 'the language section');
  return root;
}

const heading = (root: ParentNode, id: string) => text(root.querySelector(`#${id}-title`));

describe('interface language', () => {
  it('switches the whole page at once and saves the choice', async () => {
    const root = await openOptions();
    expect(heading(root, 'targets')).toBe('Response targets');
    await choose(root.querySelector('#language select'), 'hu');
    await waitFor(() => heading(root, 'targets') === 'Válaszidő-célok', 'the Hungarian headings');
    expect(heading(root, 'templates')).toBe('Sablonok');
    await waitFor(() => document.documentElement.lang === 'hu', '<html lang="hu">');
    expect(text(root.querySelector('nav'))).toContain('Billentyűparancsok');
    await waitFor(async () => (await readSettings()).language === 'hu', 'the saved language');
  });

  it('writes numbers and plurals in the chosen language (Bengali digits)', async () => {
    const root = await openOptions();
    await choose(root.querySelector('#language select'), 'bn');
    await waitFor(() => heading(root, 'templates') === 'টেমপ্লেট', 'the Bengali headings');
    // "Your templates (0)" with the count in Bengali digits.
    await waitFor(() => text(root.querySelector('.rr-subheading')) === 'আপনার টেমপ্লেট (০)', 'the count in Bengali');
    expect(text(root.querySelector('#templates summary'))).toBe('ট্র্যাশ (০)');
  });

  it('follows a language chosen in another tab, and back to the browser’s on auto', async () => {
    const root = await openOptions();
    await writeSettings({ language: 'km' });
    await waitFor(() => heading(root, 'targets') === 'គោលដៅពេលឆ្លើយ', 'the Khmer headings');
    await waitFor(() => document.documentElement.lang === 'km', '<html lang="km">');
    await writeSettings({ language: 'auto' });
    await waitFor(() => heading(root, 'targets') === 'Response targets', 'the English headings');
  });

  it('offers each language in its own name, and the browser’s language first', async () => {
    const root = await openOptions();
    const options = Array.from(root.querySelectorAll<HTMLOptionElement>('#language option')).map((o) => o.textContent);
    expect(options).toEqual(['Browser’s language (English)', 'English', 'Magyar', 'বাংলা', 'ភាសាខ្មែរ']);
  });

  it('the popup speaks the chosen language too', async () => {
    await writeSettings({ language: 'hu' });
    const root = await mount(<PopupApp />);
    await waitFor(() => text(root).includes('Beállítások megnyitása'), 'the Hungarian popup');
    expect(text(root)).toContain('Ez a lap');
  });
});
