import { describe, expect, it, vi } from 'vitest';
import { arrangeTemplates, TemplatePicker, type TemplatePickerProps } from '../../../components/overlay/TemplatePicker';
import type { Template } from '../../../utils/core/template';
import { click, type Mounted, mount, press, typeInto } from './dom';

let n = 0;
function tpl(over: Partial<Template> & { title: string }): Template {
  n += 1;
  return {
    id: `t${n}`,
    body: `Body of ${over.title}`,
    language: 'en',
    tags: [],
    order: n,
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
    ...over,
  };
}

const thanks = tpl({ id: 'thanks', title: 'Thanks', body: 'Thank you for your message, {name}!', shortcut: 'ty' });
const refund = tpl({ id: 'refund', title: 'Refund policy', body: 'Refunds take up to 14 days.', shortcut: 'rf' });
const reclamation = tpl({
  id: 'reclamation',
  title: 'Réclamation reçue',
  body: 'Nous avons bien reçu votre réclamation.',
  language: 'fr',
});
const cafe = tpl({ id: 'cafe', title: 'Opening hours', body: 'Our CAFÉ opens at 8.', shortcut: 'hrs' });
const trashed = tpl({ id: 'trashed', title: 'Old thanks', body: 'Thanks, old.', deletedAt: 1 });
const ALL = [thanks, refund, reclamation, cafe, trashed];

function setup(over: Partial<TemplatePickerProps> = {}) {
  const p: TemplatePickerProps = {
    templates: ALL,
    suggestedIds: [],
    onPick: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  const m = mount(<TemplatePicker {...p} />);
  return { p, m, input: () => m.$<HTMLInputElement>('input') };
}

const titles = (m: Mounted) => m.$$('[role="option"] .rr-option-title').map((e) => e.textContent);

describe('TemplatePicker', () => {
  it('lists the live templates with title, shortcut, language and a one-line preview', () => {
    const { m } = setup({ previewFor: (t) => `${t.body}\n\nAcme team` });
    expect(titles(m)).toEqual(['Thanks', 'Refund policy', 'Réclamation reçue', 'Opening hours']);
    const first = m.$('[role="option"]');
    expect(first?.textContent).toContain('ty');
    expect(first?.querySelector('.rr-option-meta')?.textContent).toContain('en');
    expect(first?.querySelector('.rr-option-preview')?.textContent).toBe(
      'Thank you for your message, {name}! Acme team',
    );
  });

  it('focuses the search box when it opens', () => {
    const { m, input } = setup();
    expect(m.root.activeElement).toBe(input());
  });

  it.each([
    ['title', 'refund', ['Refund policy']],
    ['body', '14 days', ['Refund policy']],
    ['shortcut', 'hrs', ['Opening hours']],
    ['accents in the title, typed without', 'reclamation', ['Réclamation reçue']],
    ['accents in the query, not in the text', 'THÁNK', ['Thanks']],
    ['accents and case in the body', 'cafe', ['Opening hours']],
    ['several words, all must match', 'thank name', ['Thanks']],
  ])('filters by %s', (_what, query, expected) => {
    const { m, input } = setup();
    typeInto(input(), query);
    expect(titles(m)).toEqual(expected);
  });

  it('never shows trashed templates', () => {
    const { m, input } = setup();
    typeInto(input(), 'old');
    expect(titles(m)).toEqual([]);
    expect(m.text()).toContain('No templates match');
  });

  it('says when there are no templates at all', () => {
    const { m } = setup({ templates: [trashed] });
    expect(m.text()).toContain("No templates yet — add them in Reply Radar's options");
    expect(m.$('[role="listbox"]')).toBeNull();
  });

  it('puts suggested templates first under a "Suggested" heading', () => {
    const { m } = setup({ suggestedIds: ['cafe', 'refund'] });
    expect(titles(m)).toEqual(['Opening hours', 'Refund policy', 'Thanks', 'Réclamation reçue']);
    const headings = m.$$('.rr-picker-heading').map((h) => h.textContent);
    expect(headings).toEqual(['Suggested', 'Other templates']);
    const suggestedGroup = m.$('[role="group"]');
    expect(suggestedGroup?.querySelectorAll('[role="option"]')).toHaveLength(2);
  });

  it('numbers every template by the saved order (the Alt+1…9 numbers), wherever it is listed', () => {
    const { p, m, input } = setup({ suggestedIds: ['cafe'] });
    const nums = m.$$('[role="option"] .rr-option-num').map((e) => e.textContent);
    // Listed: Opening hours (suggested), then Thanks, Refund policy, Réclamation reçue.
    expect(nums).toEqual(['4', '1', '2', '3']);
    press(input(), '1');
    expect(p.onPick).toHaveBeenLastCalledWith(thanks);
    press(input(), '4');
    expect(p.onPick).toHaveBeenLastCalledWith(cafe);
  });

  it('keeps the numbers while filtering', () => {
    const { p, m, input } = setup();
    typeInto(input(), 're');
    expect(titles(m)).toEqual(['Refund policy', 'Réclamation reçue']);
    expect(m.$$('[role="option"] .rr-option-num').map((e) => e.textContent)).toEqual(['2', '3']);
    press(input(), '3');
    expect(p.onPick).toHaveBeenCalledWith(reclamation);
  });

  it('marks the template the Reply button inserts, and carries the picker contract attribute', () => {
    const { m } = setup({ replyId: 'refund' });
    expect(m.$('[data-rr-picker]')).not.toBeNull();
    const marked = m.$$('[role="option"]').filter((o) => o.querySelector('.rr-option-reply'));
    expect(marked.map((o) => o.querySelector('.rr-option-title')?.textContent)).toEqual(['Refund policy']);
  });

  it('ignores a digit beyond the list and does not type it', () => {
    const { p, input } = setup();
    const e = press(input(), '9');
    expect(p.onPick).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(true);
  });

  it('moves with the arrow keys and picks with Enter', () => {
    const { p, m, input } = setup();
    const activeTitle = () =>
      m.root.getElementById(input()!.getAttribute('aria-activedescendant')!)?.querySelector('.rr-option-title')
        ?.textContent;
    expect(activeTitle()).toBe('Thanks');
    press(input(), 'ArrowDown');
    press(input(), 'ArrowDown');
    expect(activeTitle()).toBe('Réclamation reçue');
    expect(m.$('[aria-selected="true"] .rr-option-title')?.textContent).toBe('Réclamation reçue');
    press(input(), 'ArrowUp');
    press(input(), 'Enter');
    expect(p.onPick).toHaveBeenCalledWith(refund);
  });

  it('picks a template on click', () => {
    const { p, m } = setup();
    click(m.$$('[role="option"]')[3]!);
    expect(p.onPick).toHaveBeenCalledWith(cafe);
  });

  it('closes on Escape and on the close button', () => {
    const { p, m, input } = setup();
    press(input(), 'Escape');
    expect(p.onClose).toHaveBeenCalledTimes(1);
    click(m.$('button[aria-label="Close templates"]'));
    expect(p.onClose).toHaveBeenCalledTimes(2);
    expect(p.onPick).not.toHaveBeenCalled();
  });

  it('keeps every keystroke away from the site', () => {
    const { m, input } = setup();
    const reached: string[] = [];
    const listener = (e: Event) => reached.push(`${e.type}:${(e as KeyboardEvent).key}`);
    for (const type of ['keydown', 'keypress', 'keyup']) {
      document.addEventListener(type, listener);
      m.host.addEventListener(type, listener);
    }
    try {
      for (const key of ['j', 'k', 'r', 'n', '/', '?', 'Escape', 'ArrowDown', '1']) {
        for (const type of ['keydown', 'keypress', 'keyup']) {
          press(input(), key, {}, type);
          press(m.$('[role="option"]'), key, {}, type);
        }
      }
      // Sanity: the same event from outside the picker does reach the document.
      expect(reached).toEqual([]);
      press(m.mount, 'j');
      expect(reached).toContain('keydown:j');
    } finally {
      for (const type of ['keydown', 'keypress', 'keyup']) {
        document.removeEventListener(type, listener);
        m.host.removeEventListener(type, listener);
      }
    }
  });

  it('does not act on keys while an IME composes', () => {
    const { p, input } = setup();
    press(input(), '1', { isComposing: true });
    press(input(), 'Enter', { isComposing: true });
    expect(p.onPick).not.toHaveBeenCalled();
  });

  it('renders template text only as text', () => {
    const evil = tpl({ id: 'evil', title: '<img src=x onerror=alert(1)>', body: '<b>bold</b>' });
    const { m } = setup({ templates: [evil] });
    expect(m.$('img')).toBeNull();
    expect(m.$('b')).toBeNull();
    expect(titles(m)).toEqual(['<img src=x onerror=alert(1)>']);
  });
});

describe('arrangeTemplates', () => {
  it('drops suggested ids that are trashed, unknown or repeated', () => {
    const { suggested, rest } = arrangeTemplates(ALL, ['trashed', 'nope', 'refund', 'refund'], '');
    expect(suggested.map((t) => t.id)).toEqual(['refund']);
    expect(rest.map((t) => t.id)).toEqual(['thanks', 'reclamation', 'cafe']);
  });

  it('orders the rest by the user order', () => {
    const a = tpl({ title: 'A', order: 3 });
    const b = tpl({ title: 'B', order: 1 });
    expect(arrangeTemplates([a, b], [], '').rest.map((t) => t.title)).toEqual(['B', 'A']);
  });
});
