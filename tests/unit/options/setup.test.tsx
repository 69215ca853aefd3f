// The first-run setup (options.html#setup): accounts seen on the sites are one click away, a preset sets the
// targets, the starter templates follow the chosen languages, and Skip leaves everything as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { noteSeenAccount } from '../../../utils/storage/seen-accounts';
import { readSettings } from '../../../utils/storage/settings';
import { listTemplates, listTrash, seedStarterTemplates } from '../../../utils/storage/templates';
import { button, choose, click, mount, text, waitFor } from './harness';

beforeEach(() => history.replaceState(null, '', '/options.html#setup'));
afterEach(() => history.replaceState(null, '', '/options.html'));

async function openSetup() {
  await seedStarterTemplates({ uiLanguage: 'en' });
  const root = await mount(<OptionsApp saveDelayMs={0} toastMs={0} />);
  await waitFor(() => root.querySelector('[data-testid="setup"]'), 'the setup');
  return root;
}

const languagesOf = (items: { language: string }[]) => [...new Set(items.map((t) => t.language))].sort();

describe('first-run setup', { timeout: 30_000 }, () => {
  it('offers the account seen on X in one click', async () => {
    await noteSeenAccount('x', '@AcmeCoffee');
    const root = await openSetup();
    const offer = await waitFor(() => button(root, 'Add @AcmeCoffee as a brand account'), 'the seen account');
    await click(offer);
    await waitFor(async () => (await readSettings()).brand.x.includes('AcmeCoffee'), 'the brand handle saved');
    // Offered once: it is now a chip, not a suggestion.
    await waitFor(() => !root.querySelector('[data-testid="setup-seen-x"]'), 'the offer gone');
  });

  it('never offers a page text that is not a handle', async () => {
    expect(await noteSeenAccount('x', 'not a handle <b>')).toBe(false);
    expect(await noteSeenAccount('instagram', 'a'.repeat(31))).toBe(false);
  });

  it('sets the targets from a preset, 30/60 chosen by default', async () => {
    const root = await openSetup();
    const checked = root.querySelector<HTMLInputElement>('input[name="setupTargets"]:checked');
    expect(checked?.value).toBe('30/60');
    await click(root.querySelector('input[name="setupTargets"][value="15/30"]'));
    await waitFor(async () => (await readSettings()).targets.warnMinutes === 15, 'the preset saved');
    expect((await readSettings()).targets.breachMinutes).toBe(30);
  });

  it('keeps the starters of the chosen languages and moves the others to the trash', async () => {
    const root = await openSetup();
    await choose(root.querySelector('select[name="language"]'), 'hu');
    await waitFor(() => text(root).includes('Üdv a Reply Radarban!'), 'the setup in Hungarian');
    const boxes = () => Array.from(root.querySelectorAll<HTMLInputElement>('input[name="setupStarterLanguage"]'));
    // English is ticked from the start; tick Hungarian too (the interface language when the page opened was English).
    const hu = boxes().find((b) => b.value === 'hu');
    if (hu && !hu.checked) await click(hu);
    expect(
      boxes()
        .filter((b) => b.checked)
        .map((b) => b.value)
        .sort(),
    ).toEqual(['en', 'hu']);
    await click(button(root, 'Beállítás befejezése'));
    await waitFor(() => !root.querySelector('[data-testid="setup"]'), 'the full options page');
    expect(languagesOf((await listTemplates()).items)).toEqual(['en', 'hu']);
    // A new install holds only the interface language's starters and English, so there was nothing else to trash.
    expect(languagesOf((await listTrash()).items)).toEqual([]);
    expect(location.hash).toBe('');
  });

  it('Skip leaves the templates as they were', async () => {
    const root = await openSetup();
    const before = (await listTemplates()).items.length;
    await click(button(root, 'Skip for now'));
    await waitFor(() => root.querySelector('#templates'), 'the full options page');
    expect((await listTemplates()).items.length).toBe(before);
  });
});
