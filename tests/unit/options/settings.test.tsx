import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { readSettings, writeSettings } from '../../../utils/storage/settings';
import { seedStarterTemplates } from '../../../utils/storage/templates';
import { button, click, mount, settle, text, type, waitFor } from './harness';

async function openOptions() {
  await seedStarterTemplates({ starters: [] });
  const root = await mount(<OptionsApp saveDelayMs={0} toastMs={0} />);
  await waitFor(() => root.querySelector('#targets'), 'the settings sections');
  return root;
}

const status = (root: HTMLElement) => text(root.querySelector('[data-testid="save-status"]'));
const input = (root: ParentNode, name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`);

describe('Response targets', () => {
  it('refuses a warning time that is not before the breach time, and saves nothing', async () => {
    const root = await openOptions();
    await type(input(root, 'warnMinutes'), '60');
    await settle();
    const targets = root.querySelector('#targets')!;
    expect(text(targets)).toContain('The warning must come before the breach: use fewer than 60 minutes.');
    expect(input(root, 'warnMinutes')?.getAttribute('aria-invalid')).toBe('true');
    expect((await readSettings()).targets).toEqual({ warnMinutes: 30, breachMinutes: 60 });

    await type(input(root, 'warnMinutes'), '90');
    await settle();
    expect((await readSettings()).targets).toEqual({ warnMinutes: 30, breachMinutes: 60 });
  });

  it('saves valid targets and says so', async () => {
    const root = await openOptions();
    await type(input(root, 'breachMinutes'), '120');
    await type(input(root, 'warnMinutes'), '45');
    await waitFor(() => status(root) === 'Saved', 'the saved status');
    expect((await readSettings()).targets).toEqual({ warnMinutes: 45, breachMinutes: 120 });
    expect(text(root.querySelector('#targets'))).not.toContain('must come before');
  });

  it('never says "Saved" while a field shows its error (#11 item 7)', async () => {
    const root = await openOptions();
    await type(input(root, 'breachMinutes'), '120');
    await waitFor(() => status(root) === 'Saved', 'the saved status');

    await type(input(root, 'warnMinutes'), '200');
    await waitFor(() => status(root) !== 'Saved', 'the status to change');
    expect(text(root.querySelector('#targets'))).toContain('The warning must come before the breach');
    expect(status(root)).toBe('Not saved: The warning must come before the breach: use fewer than 120 minutes.');
    expect(root.querySelector('[data-testid="save-status"]')?.className).toContain('rr-save-status--error');

    await type(input(root, 'warnMinutes'), '45');
    await waitFor(() => status(root) === 'Saved', 'saved again once the field is valid');
    expect((await readSettings()).targets).toEqual({ warnMinutes: 45, breachMinutes: 120 });
  });

  it('says "Not saved" while business hours have no day, "Saved" once one is picked', async () => {
    const root = await openOptions();
    await click(root.querySelector('#targets [role="switch"]'));
    await waitFor(() => status(root) === 'Saved', 'business hours on, saved');
    for (const day of Array.from(root.querySelectorAll<HTMLInputElement>('input[name="businessDay"]:checked'))) {
      await click(day);
    }
    await waitFor(() => status(root) === 'Not saved: Choose at least one day.', 'the not-saved status');
    await click(root.querySelector<HTMLInputElement>('input[name="businessDay"]'));
    await waitFor(() => status(root) === 'Saved', 'saved with a day');
  });

  it('does not save business hours without a day', async () => {
    const root = await openOptions();
    await click(root.querySelector('#targets [role="switch"]'));
    await waitFor(async () => (await readSettings()).businessHours.enabled, 'business hours on');
    const days = Array.from(root.querySelectorAll<HTMLInputElement>('input[name="businessDay"]:checked'));
    expect(days).toHaveLength(5);
    for (const day of days) await click(day);
    expect(text(root.querySelector('#targets'))).toContain('Choose at least one day.');
    await settle();
    // The last day unticked stays saved until another is picked.
    expect((await readSettings()).businessHours.days).toEqual([5]);
  });
});

describe('Brand', () => {
  it('adds identities as chips (a pasted profile link becomes the handle) and removes them', async () => {
    const root = await openOptions();
    await type(input(root, 'brand-x'), 'https://x.com/AcmeHelp/status/123');
    await click(button(root.querySelector('#brand')!, 'Add'));
    await waitFor(() => text(root.querySelector('#brand .rr-chips')).includes('@AcmeHelp'), 'the chip');
    await waitFor(async () => (await readSettings()).brand.x.includes('AcmeHelp'), 'the saved handle');

    await type(input(root, 'brand-x'), '@acmehelp');
    await click(button(root.querySelector('#brand')!, 'Add'));
    expect(text(root.querySelector('#brand'))).toContain('Already in the list.');

    await click(button(root, 'Remove @AcmeHelp'));
    await waitFor(async () => (await readSettings()).brand.x.length === 0, 'the handle removed');
  });

  it('follows a change made elsewhere (the popup, another tab)', async () => {
    const root = await openOptions();
    await act(async () => {
      await writeSettings({ agentName: 'Anna' });
    });
    await waitFor(() => input(root, 'agentName')?.value === 'Anna', 'the agent name');
  });
});

describe('Keyboard shortcuts', () => {
  const row = (root: HTMLElement, action: string) =>
    root.querySelector<HTMLElement>(`[data-testid="shortcut-row"][data-action="${action}"]`)!;

  async function press(target: Element, init: KeyboardEventInit) {
    await act(() => {
      target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    });
  }

  it('records a new chord by its key code and saves it', async () => {
    const root = await openOptions();
    const change = button(row(root, 'snooze'), /^Change keys for Snooze/)!;
    await click(change);
    expect(change.getAttribute('aria-pressed')).toBe('true');
    await press(change, { code: 'AltLeft', key: 'Alt', altKey: true });
    expect(change.getAttribute('aria-pressed')).toBe('true');
    // Option+Z on a Mac types "Ω"; the code still says Z.
    await press(change, { code: 'KeyZ', key: 'Ω', altKey: true });
    await waitFor(() => text(row(root, 'snooze').querySelector('kbd')) === 'Alt+Z', 'the new chord');
    await waitFor(async () => (await readSettings()).shortcuts.snooze.code === 'KeyZ', 'the saved chord');
    expect((await readSettings()).shortcuts.snooze).toEqual({
      code: 'KeyZ',
      alt: true,
      ctrl: false,
      shift: false,
      meta: false,
    });
  });

  it('refuses a chord another action uses and warns about single keys the site uses', async () => {
    const root = await openOptions();
    const change = button(row(root, 'snooze'), /^Change keys for Snooze/)!;
    await click(change);
    await press(change, { code: 'KeyJ', key: 'j', altKey: true });
    expect(text(row(root, 'snooze'))).toContain('Alt+J is already used by “Next waiting comment”.');
    await settle();
    expect((await readSettings()).shortcuts.snooze).toEqual(DEFAULT_SETTINGS.shortcuts.snooze);

    await click(change);
    await press(change, { code: 'KeyL', key: 'l' });
    await waitFor(() => text(row(root, 'snooze').querySelector('kbd')) === 'L', 'the single-key chord');
    expect(text(row(root, 'snooze'))).toContain("L is one of X and Facebook's own shortcuts.");

    await click(button(row(root, 'snooze'), /^Reset Snooze/));
    await waitFor(() => text(row(root, 'snooze').querySelector('kbd')) === 'Alt+S', 'the default again');
  });

  it('Escape keeps the old chord', async () => {
    const root = await openOptions();
    const change = button(row(root, 'next'), /^Change keys for Next/)!;
    await click(change);
    await press(change, { code: 'Escape', key: 'Escape' });
    expect(change.getAttribute('aria-pressed')).toBe('false');
    expect(text(row(root, 'next').querySelector('kbd'))).toBe('Alt+J');
  });
});

describe('Sites', () => {
  it('turns a site off', async () => {
    const root = await openOptions();
    await click(input(root, 'site-facebook'));
    await waitFor(async () => (await readSettings()).sites.facebook === false, 'Facebook off');
    expect((await readSettings()).sites).toEqual({ x: true, facebook: false, instagram: true });
  });
});
