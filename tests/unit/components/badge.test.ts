import { describe, expect, it } from 'vitest';
import type { BadgeContent } from '../../../components/overlay/badge-dom';
import { applyLanguageSetting } from '../../../utils/i18n';
import { buttonsWith, click, mountBadge } from './dom';

function props(over: Partial<BadgeContent> = {}): BadgeContent {
  return {
    state: 'unanswered',
    level: 'ok',
    ageText: '12 min',
    authorName: 'Ana Lima',
    isCurrent: false,
    insertStatus: null,
    pickerOpen: false,
    replyTemplate: null,
    ...over,
  };
}

describe('Badge, unanswered', () => {
  it('shows how long the comment has waited and its level in words', () => {
    const m = mountBadge(props({ level: 'breach', ageText: '72 min' }));
    const pill = m.$('.rr-age');
    expect(pill?.textContent).toContain('Waiting 72 min');
    expect(pill?.getAttribute('data-level')).toBe('breach');
    expect(pill?.getAttribute('role')).toBe('img');
    expect(pill?.getAttribute('aria-label')).toBe('Overdue: Waiting 72 min');
  });

  it('gives each level its own word and icon shape, not only a colour', () => {
    const seen = (['ok', 'warn', 'breach'] as const).map((level) => {
      const m = mountBadge(props({ level }));
      return {
        word: m.$('.rr-age')?.getAttribute('aria-label'),
        icon: m.$('.rr-age svg')?.getAttribute('class'),
      };
    });
    expect(new Set(seen.map((s) => s.word)).size).toBe(3);
    expect(new Set(seen.map((s) => s.icon)).size).toBe(3);
    expect(seen[1]?.word).toContain('Due soon');
  });

  it('asks for reply once per click on Reply, and names the author for screen readers', () => {
    const m = mountBadge(props());
    const [reply] = buttonsWith(m, 'Reply');
    expect(reply?.textContent).toBe('Reply');
    expect(reply?.getAttribute('aria-label')).toBe('Reply to Ana Lima');
    click(reply!);
    expect(m.actions).toEqual(['reply']);
  });

  it('names its buttons and its pill for screen readers by aria-label, with no hidden text boxes of its own', () => {
    const m = mountBadge(props({ level: 'warn', isCurrent: true }));
    const names = m.$$('button[data-rr-action]').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Reply to Ana Lima',
      'Templates for Ana Lima',
      'Done with Ana Lima',
      'Snooze Ana Lima for an hour',
    ]);
    expect(m.$('.rr-age')?.getAttribute('aria-label')).toBe('Due soon: Waiting 12 min');
    // What a screen-reader-only span cost: a positioned, clipped box (a layout object and a paint layer) each.
    expect(m.$$('.rr-sr')).toHaveLength(0);
    // Each icon is one path.
    const icons = m.$$('svg');
    expect(icons.length).toBeGreaterThan(2);
    for (const svg of icons) expect([...svg.children].map((c) => c.localName)).toEqual(['path']);
  });

  it('has a Templates button that announces its popup and opens the picker', () => {
    const m = mountBadge(props());
    const [templates] = buttonsWith(m, 'Templates');
    expect(templates?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(templates?.getAttribute('aria-expanded')).toBe('false');
    click(templates!);
    expect(m.actions).toEqual(['templates']);
  });

  it('says the picker is open (the picker itself opens in the layer above the page)', () => {
    const m = mountBadge(props({ pickerOpen: true }));
    const [templates] = buttonsWith(m, 'Templates');
    expect(templates?.getAttribute('aria-expanded')).toBe('true');
  });

  it('carries the UI contract: reply, templates, done and snooze buttons', () => {
    const m = mountBadge(props());
    const actions = m.$$('button[data-rr-action]').map((b) => b.getAttribute('data-rr-action'));
    expect(actions).toEqual(['reply', 'templates', 'done', 'snooze']);
    click(m.$('[data-rr-action="done"]')!);
    click(m.$('[data-rr-action="snooze"]')!);
    // A click on a button's icon is a click on the button.
    click(m.$('[data-rr-action="templates"] svg path'));
    click(m.$('[data-rr-action="reply"]'));
    // Beside the buttons: nothing.
    click(m.$('.rr-age'));
    expect(m.actions).toEqual(['done', 'snooze', 'templates', 'reply']);
  });

  it("names in Reply's tooltip the template it inserts and the keys bound to it", () => {
    const m = mountBadge(props({ replyTemplate: { title: 'Order help', keys: 'Ctrl+Shift+3' } }));
    expect(m.$('[data-rr-action="reply"]')?.getAttribute('title')).toBe(
      "Open the site's reply box and insert “Order help” (Ctrl+Shift+3)",
    );
    const unbound = mountBadge(props({ replyTemplate: { title: 'Order help', keys: null } }));
    expect(unbound.$('[data-rr-action="reply"]')?.getAttribute('title')).toBe(
      "Open the site's reply box and insert “Order help”",
    );
  });

  it('shows an insertion failure as an alert in the badge', () => {
    const m = mountBadge(props({ insertStatus: { kind: 'failed', message: 'Could not insert', copied: true } }));
    const alert = m.$('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('Could not insert The text is on your clipboard: paste it with Ctrl+V.');
  });

  it('says the clipboard note once, in the interface language (never by matching English words)', async () => {
    await applyLanguageSetting('hu');
    const message = 'Nem sikerült beilleszteni a választ (a válaszmező nem fogadta el a szöveget).';
    const m = mountBadge(props({ insertStatus: { kind: 'failed', message, copied: true } }));
    const shown = m.$('[role="alert"]')?.textContent?.trim() ?? '';
    await applyLanguageSetting('auto');
    expect(shown).toBe(`${message} A szöveg a vágólapon van: illeszd be Ctrl+V-vel.`);
    expect(shown.match(/vágólap/g)).toHaveLength(1);
  });

  it('does not claim a copy that did not happen', () => {
    const m = mountBadge(props({ insertStatus: { kind: 'failed', message: 'Could not insert', copied: false } }));
    expect(m.$('[role="alert"]')?.textContent?.trim()).toBe('Could not insert');
  });

  it('reports progress in a status region and blocks a second Reply while inserting', () => {
    const m = mountBadge(props({ insertStatus: { kind: 'working' } }));
    expect(m.$('[role="status"]')?.textContent).toBe('Inserting…');
    expect(buttonsWith(m, 'Reply')[0]?.disabled).toBe(true);
    click(buttonsWith(m, 'Reply')[0]!);
    expect(m.actions).toEqual([]);
    m.redraw(props({ insertStatus: { kind: 'inserted' } }));
    expect(m.$('[role="status"]')?.textContent).toContain('Inserted');
    expect(buttonsWith(m, 'Reply')[0]?.disabled).toBe(false);
    expect(m.$('[role="alert"]')).toBeNull();
  });

  it('marks the current comment visibly', () => {
    const m = mountBadge(props({ isCurrent: true }));
    expect(m.$('.rr-current')?.textContent).toBe('Current');
    m.redraw(props({ isCurrent: false }));
    expect(m.$('.rr-current')).toBeNull();
  });

  it('renders page text only as text', () => {
    const name = '<img src=x onerror=alert(1)><b>Eve</b>';
    const m = mountBadge(props({ authorName: name }));
    expect(m.$('img')).toBeNull();
    expect(m.$('b')).toBeNull();
    expect(buttonsWith(m, 'Reply')[0]?.getAttribute('aria-label')).toBe(`Reply to ${name}`);
  });

  it('puts the theme on its root when given, and leaves it to the host otherwise', () => {
    expect(
      mountBadge(props({ theme: 'dark' }))
        .$('.rr-root')
        ?.getAttribute('data-theme'),
    ).toBe('dark');
    expect(mountBadge(props()).$('.rr-root')?.hasAttribute('data-theme')).toBe(false);
  });
});

describe('Badge, other states', () => {
  it.each(['answered', 'brand'] as const)('%s: a quiet tick with a spoken label and no buttons', (state) => {
    const m = mountBadge(props({ state, level: 'breach' }));
    expect(m.$$('button')).toHaveLength(0);
    expect(m.$('.rr-age')).toBeNull();
    expect(m.$('.rr-quiet[role="img"]')?.getAttribute('aria-label')).toBe(
      state === 'answered' ? 'Answered' : 'By your brand',
    );
    expect(m.text()).not.toContain('Waiting');
  });

  it.each([
    ['done', 'Done'],
    ['snoozed', 'Snoozed'],
    ['ignored', 'Ignored'],
  ] as const)('%s: small muted text "%s" and no buttons', (state, word) => {
    const m = mountBadge(props({ state }));
    expect(m.$$('button')).toHaveLength(0);
    expect(m.text()).toBe(word);
  });
});

describe('Badge, drawn again', () => {
  it('keeps the focus on the same button when something else changes, and shows only the new content', () => {
    const m = mountBadge(props());
    m.$<HTMLButtonElement>('[data-rr-action="templates"]')?.focus();
    m.redraw(props({ pickerOpen: true, isCurrent: true, level: 'warn', ageText: '40 min' }));
    const templates = m.$<HTMLButtonElement>('[data-rr-action="templates"]');
    expect(m.root.activeElement).toBe(templates);
    expect(templates?.getAttribute('aria-expanded')).toBe('true');
    expect(m.$('.rr-current')?.textContent).toBe('Current');
    expect(m.$('.rr-age')?.textContent).toContain('Waiting 40 min');
    const fresh = mountBadge(props({ pickerOpen: true, isCurrent: true, level: 'warn', ageText: '40 min' }));
    expect(m.mount.innerHTML).toBe(fresh.mount.innerHTML);
    m.redraw(props({ state: 'done' }));
    expect(m.$$('button')).toHaveLength(0);
    expect(m.text()).toBe('Done');
  });
});
