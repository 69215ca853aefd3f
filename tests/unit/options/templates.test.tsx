import { describe, expect, it } from 'vitest';
import { TemplatesSection } from '../../../components/options/TemplatesSection';
import { STARTER_TEMPLATES } from '../../../utils/storage/starter-templates';
import { createTemplate, listTemplates, listTrash, seedStarterTemplates } from '../../../utils/storage/templates';
import { putTemplateRecord } from '../storage/helpers';
import { button, choose, click, mount, submit, text, type, waitFor } from './harness';

/** An empty library: mark the starter set as already offered so the list holds only what the test adds. */
async function emptyLibrary() {
  await seedStarterTemplates({ starters: [] });
}

const rows = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="template-row"]'));
const form = (root: HTMLElement) => root.querySelector<HTMLFormElement>('[data-testid="template-form"]')!;
const field = (root: ParentNode, name: string) => root.querySelector(`[name="${name}"]`);

// Fake IndexedDB is slow on a loaded machine: the bound is for a hang, it times nothing.
describe('Templates on the options page', { timeout: 30_000 }, () => {
  it('creates a template through the form and lists it with its shortcut, language and Alt+1', async () => {
    await emptyLibrary();
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => root.textContent?.includes('No templates yet'), 'the empty list');

    const f = form(root);
    await type(field(f, 'title'), 'Thanks');
    await type(field(f, 'body'), 'Thank you, {first_name}! – {agent}');
    await type(field(f, 'shortcut'), 'ty');
    await choose(field(f, 'language'), 'hu');
    await type(field(f, 'tags'), 'thanks, kind words');
    await click(root.querySelector('[data-testid="template-save"]'));

    // Saved once the form is empty again, ready for the next one.
    await waitFor(() => (field(f, 'title') as HTMLInputElement).value === '', 'the form to reset');
    const [row] = await waitFor(() => (rows(root).length === 1 ? rows(root) : null), 'the new row');
    expect(text(row?.querySelector('h3'))).toBe('Thanks');
    expect(text(row)).toContain('Alt+1');
    expect(text(row)).toContain('ty');
    expect(text(row)).toContain('hu');
    expect(text(row)).toContain('kind words');
    expect(text(row)).toContain('Not used yet');

    const stored = (await listTemplates()).items;
    expect(stored.map((t) => [t.title, t.shortcut, t.language, t.tags])).toEqual([
      ['Thanks', 'ty', 'hu', ['thanks', 'kind words']],
    ]);
  });

  it('reports unknown variables while typing and does not save them', async () => {
    await emptyLibrary();
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => root.textContent?.includes('No templates yet'), 'the empty list');
    const f = form(root);
    await type(field(f, 'title'), 'Typo');
    await type(field(f, 'body'), 'Hi {frist_name}, thanks!');
    expect(text(f)).toContain('Unknown variable {frist_name}');
    expect(field(f, 'body')?.getAttribute('aria-invalid')).toBe('true');

    await submit(f);
    await waitFor(() => true, 'a moment');
    expect((await listTemplates()).items).toEqual([]);
  });

  it('counts the fixed text by X’s rules while typing', async () => {
    await emptyLibrary();
    const root = await mount(<TemplatesSection toastMs={0} />);
    const f = form(root);
    await type(field(f, 'body'), 'Hi {first_name}, thanks!');
    // "Hi, thanks!" once the name is left out.
    expect(text(f)).toContain('11 / 280 on X, plus what the variables fill in');
    await type(field(f, 'body'), 'ស'.repeat(141));
    expect(text(f)).toContain('282 / 280 on X');
    expect(f.querySelector('.rr-counter--over')).not.toBeNull();
  });

  it('inserts a variable at the caret', async () => {
    await emptyLibrary();
    const root = await mount(<TemplatesSection toastMs={0} />);
    const body = field(form(root), 'body') as HTMLTextAreaElement;
    await type(body, 'Hi , thanks');
    body.setSelectionRange(3, 3);
    await click(button(root, /^Insert \{first_name\}/));
    expect(body.value).toBe('Hi {first_name}, thanks');
  });

  it('shows a shortcut another template uses next to the field, live and when the storage layer refuses it', async () => {
    await emptyLibrary();
    await createTemplate({ title: 'Thanks', body: 'Thank you!', shortcut: 'ty', language: 'en', tags: [] });
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => rows(root).length === 1, 'the existing row');

    const f = form(root);
    await type(field(f, 'title'), 'Thanks again');
    await type(field(f, 'body'), 'Thanks again!');
    await type(field(f, 'shortcut'), 'TY');
    const shortcut = field(f, 'shortcut')!;
    const describedBy = shortcut.getAttribute('aria-describedby') ?? '';
    const message = describedBy
      .split(' ')
      .map((id) => document.getElementById(id))
      .find((el) => el?.classList.contains('rr-error'));
    expect(text(message)).toContain('Shortcut "TY" is already used by the template "Thanks".');

    // Another tab takes "dm" behind the page's back (no change notice): only the storage layer can tell.
    await putTemplateRecord({
      id: 'other-tab',
      title: 'Private message',
      body: 'Please DM us.',
      shortcut: 'dm',
      language: 'en',
      tags: [],
      order: 5,
      createdAt: 1,
      updatedAt: 1,
      useCount: 0,
    });
    await type(field(f, 'shortcut'), 'dm');
    expect(text(f)).not.toContain('already used');
    await click(root.querySelector('[data-testid="template-save"]'));
    await waitFor(
      () => text(f).includes('Shortcut "dm" is already used by the template "Private message".'),
      'the refusal',
    );
    expect(shortcut.getAttribute('aria-invalid')).toBe('true');
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(['Thanks', 'Private message']);
  });

  it('deletes with an Undo notice that brings the template back', async () => {
    await emptyLibrary();
    await createTemplate({ title: 'First', body: 'One', language: 'en', tags: [] });
    await createTemplate({ title: 'Second', body: 'Two', language: 'en', tags: [] });
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => rows(root).length === 2, 'two rows');

    await click(button(root, 'Delete “First”'));
    const toast = await waitFor(() => root.querySelector('.rr-toast'), 'the undo notice');
    expect(text(toast)).toContain('Moved “First” to the trash.');
    expect(rows(root).map((r) => text(r.querySelector('h3')))).toEqual(['Second']);
    expect(text(root.querySelector('summary'))).toBe('Trash (1)');
    expect(text(root.querySelector('[data-testid="trash-row"]'))).toContain('30 days left');

    await click(button(root.querySelector('.rr-toast')!, 'Undo'));
    await waitFor(() => rows(root).length === 2, 'the restored row');
    expect(rows(root).map((r) => text(r.querySelector('h3')))).toEqual(['First', 'Second']);
    expect(text(root.querySelector('summary'))).toBe('Trash (0)');
    expect((await listTrash()).items).toEqual([]);
  });

  it('restores from the trash', async () => {
    await emptyLibrary();
    await createTemplate({ title: 'Old reply', body: 'Hello', language: 'en', tags: [] });
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => rows(root).length === 1, 'the row');
    await click(button(root, 'Delete “Old reply”'));
    await waitFor(() => rows(root).length === 0, 'no rows');

    await click(
      await waitFor(
        () => !button(root, 'Restore “Old reply”')?.disabled && button(root, 'Restore “Old reply”'),
        'Restore',
      ),
    );
    await waitFor(() => rows(root).length === 1, 'the restored row');
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(['Old reply']);
  });

  it('reorders with the up and down buttons, keeps focus on the moved template and renumbers Alt+N', async () => {
    await emptyLibrary();
    for (const title of ['A', 'B', 'C']) await createTemplate({ title, body: title, language: 'en', tags: [] });
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => rows(root).length === 3, 'three rows');
    const titles = () => rows(root).map((r) => text(r.querySelector('h3')));

    await click(button(root, 'Move “C” up'));
    await waitFor(() => titles().join() === 'A,C,B', 'C above B');
    await waitFor(() => document.activeElement?.getAttribute('aria-label') === 'Move “C” up', 'focus on the moved row');
    expect(text(rows(root)[1]?.querySelector('.rr-slot'))).toBe('Alt+2');

    await click(button(root, 'Move “A” down'));
    await waitFor(() => titles().join() === 'C,A,B', 'A below C');
    expect(button(root, 'Move “C” up')?.disabled).toBe(true);
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(['C', 'A', 'B']);
  });

  it('moves a template to the top in one action, from its row or from the notice after creating it', async () => {
    await emptyLibrary();
    for (const title of ['A', 'B', 'C']) await createTemplate({ title, body: title, language: 'en', tags: [] });
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => rows(root).length === 3, 'three rows');
    const titles = () => rows(root).map((r) => text(r.querySelector('h3')));
    expect(button(root, 'Move “A” to the top')?.disabled).toBe(true);

    await click(button(root, 'Move “C” to the top'));
    await waitFor(() => titles().join() === 'C,A,B', 'C first');
    expect(text(rows(root)[0]?.querySelector('.rr-slot'))).toBe('Alt+1');
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(['C', 'A', 'B']);

    // A new template lands last; the notice that says so moves it to number 1 in one click.
    const f = form(root);
    await type(field(f, 'title'), 'New');
    await type(field(f, 'body'), 'Brand new');
    await click(root.querySelector('[data-testid="template-save"]'));
    await waitFor(() => titles().join() === 'C,A,B,New', 'New last');
    const notice = await waitFor(() => root.querySelector('.rr-toast'), 'the notice');
    expect(text(notice)).toContain('Added “New” at position 4.');
    await click(button(notice as HTMLElement, 'Move to the top'));
    await waitFor(() => titles().join() === 'New,C,A,B', 'New first');
    expect((await listTemplates()).items.map((t) => t.title)).toEqual(['New', 'C', 'A', 'B']);
  });

  it('offers the starters of the languages not in the list, and adds one language in one click', async () => {
    await seedStarterTemplates({ uiLanguage: 'hu' });
    const languages = async () => [...new Set((await listTemplates()).items.map((t) => t.language))].sort();
    // A Hungarian interface starts with Hungarian and English, not all four languages.
    expect(await languages()).toEqual(['en', 'hu']);
    const root = await mount(<TemplatesSection toastMs={0} />);
    const card = await waitFor(() => root.querySelector('[data-testid="starter-languages"]'), 'the starter offer');
    const offered = () => Array.from(card.querySelectorAll('button'), (b) => b.getAttribute('data-lang'));
    await waitFor(() => offered().join() === 'bn,km', 'Bengali and Khmer offered');
    const before = (await listTemplates()).items.length;

    await click(card.querySelector('button[data-lang="km"]'));
    const khmer = STARTER_TEMPLATES.filter((t) => t.language === 'km').length;
    await waitFor(
      async () => (await listTemplates()).items.filter((t) => t.language === 'km').length === khmer,
      'every Khmer starter',
    );
    // Done adding (the buttons are enabled again), and Khmer is no longer offered.
    await waitFor(() => offered().join() === 'bn' && !card.querySelector('button:disabled'), 'only Bengali left');
    const after = (await listTemplates()).items;
    // Added after the user's own, none twice, and no shortcut taken from a template that had it.
    expect(after.slice(0, before).every((t) => t.language !== 'km')).toBe(true);
    const shortcuts = after.flatMap((t) => (t.shortcut ? [t.shortcut.toLowerCase()] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('queues quick presses: two presses of "up" move a template two places', async () => {
    await emptyLibrary();
    for (const title of ['A', 'B', 'C']) await createTemplate({ title, body: title, language: 'en', tags: [] });
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => rows(root).length === 3, 'three rows');
    const up = button(root, 'Move “C” up');
    await click(up);
    await click(up);
    await waitFor(async () => (await listTemplates()).items.map((t) => t.title).join() === 'C,A,B', 'C on top');
    await waitFor(
      () =>
        rows(root)
          .map((r) => text(r.querySelector('h3')))
          .join() === 'C,A,B',
      'C listed first',
    );
  });

  it('edits a template in place', async () => {
    await emptyLibrary();
    await createTemplate({ title: 'Greeting', body: 'Hello', shortcut: 'hi', language: 'en', tags: [] });
    const root = await mount(<TemplatesSection toastMs={0} />);
    await waitFor(() => rows(root).length === 1, 'the row');
    await click(button(root, 'Edit “Greeting”'));
    const edit = root.querySelector('[data-testid="template-edit-form"]')!;
    expect((field(edit, 'title') as HTMLInputElement).value).toBe('Greeting');
    await type(field(edit, 'body'), 'Hello {first_name}');
    await type(field(edit, 'shortcut'), '');
    await click(edit.querySelector('[data-testid="template-edit-save"]'));
    await waitFor(() => !root.querySelector('[data-testid="template-edit-form"]'), 'the form to close');
    const [t] = (await listTemplates()).items;
    expect(t?.body).toBe('Hello {first_name}');
    expect(t?.shortcut).toBeUndefined();
  });
});

describe('The template editor preview', () => {
  it('shows an optional part only when its variable has a value', async () => {
    await emptyLibrary();
    const body = 'Hi {first_name}, we will update you here.{agent? – {agent}}';
    for (const [agentName, expected] of [
      ['', 'Hi Anna, we will update you here.'],
      ['Kata', 'Hi Anna, we will update you here. – Kata'],
    ] as const) {
      const root = await mount(<TemplatesSection toastMs={0} agentName={agentName} />);
      await type(field(form(root), 'body'), body);
      const preview = root.querySelector('[data-testid="template-preview"] .rr-preview-text');
      await waitFor(() => preview?.textContent === expected, `the preview for agent "${agentName}"`);
      expect(root.querySelector('[data-testid="template-preview"]')?.textContent).toContain('{agent? – {agent}}');
    }
  });
});
