import { describe, expect, it, vi } from 'vitest';
import { Badge, type BadgeProps } from '../../../components/overlay/Badge';
import { applyLanguageSetting } from '../../../utils/i18n';
import { buttonsWith, click, mount } from './dom';

function props(over: Partial<BadgeProps> = {}): BadgeProps {
  return {
    state: 'unanswered',
    level: 'ok',
    ageText: '12 min',
    authorName: 'Ana Lima',
    isCurrent: false,
    insertStatus: null,
    onReply: vi.fn(),
    onOpenPicker: vi.fn(),
    pickerOpen: false,
    ...over,
  };
}

describe('Badge, unanswered', () => {
  it('shows how long the comment has waited and its level in words', () => {
    const m = mount(<Badge {...props({ level: 'breach', ageText: '72 min' })} />);
    const pill = m.$('.rr-age');
    expect(pill?.textContent).toContain('Waiting 72 min');
    expect(pill?.getAttribute('data-level')).toBe('breach');
    expect(pill?.querySelector('.rr-sr')?.textContent).toContain('Overdue');
  });

  it('gives each level its own word and icon shape, not only a colour', () => {
    const seen = (['ok', 'warn', 'breach'] as const).map((level) => {
      const m = mount(<Badge {...props({ level })} />);
      return {
        word: m.$('.rr-age .rr-sr')?.textContent,
        icon: m.$('.rr-age svg')?.getAttribute('class'),
      };
    });
    expect(new Set(seen.map((s) => s.word)).size).toBe(3);
    expect(new Set(seen.map((s) => s.icon)).size).toBe(3);
    expect(seen[1]?.word).toContain('Due soon');
  });

  it('calls onReply once per click on Reply, and names the author for screen readers', () => {
    const p = props();
    const m = mount(<Badge {...p} />);
    const [reply] = buttonsWith(m, 'Reply');
    expect(reply?.textContent).toBe('Reply to Ana Lima');
    click(reply!);
    expect(p.onReply).toHaveBeenCalledTimes(1);
    expect(p.onOpenPicker).not.toHaveBeenCalled();
  });

  it('has a Templates button that announces its popup and opens the picker', () => {
    const p = props();
    const m = mount(<Badge {...p} />);
    const [templates] = buttonsWith(m, 'Templates');
    expect(templates?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(templates?.getAttribute('aria-expanded')).toBe('false');
    click(templates!);
    expect(p.onOpenPicker).toHaveBeenCalledTimes(1);
    expect(p.onReply).not.toHaveBeenCalled();
  });

  it('says the picker is open (the picker itself opens in the layer above the page)', () => {
    const m = mount(<Badge {...props({ pickerOpen: true })} />);
    const [templates] = buttonsWith(m, 'Templates');
    expect(templates?.getAttribute('aria-expanded')).toBe('true');
  });

  it('carries the UI contract: reply, templates, done and snooze buttons', () => {
    const p = props({ onDone: vi.fn(), onSnooze: vi.fn() });
    const m = mount(<Badge {...p} />);
    const actions = m.$$('button[data-rr-action]').map((b) => b.getAttribute('data-rr-action'));
    expect(actions).toEqual(['reply', 'templates', 'done', 'snooze']);
    click(m.$('[data-rr-action="done"]')!);
    click(m.$('[data-rr-action="snooze"]')!);
    expect(p.onDone).toHaveBeenCalledTimes(1);
    expect(p.onSnooze).toHaveBeenCalledTimes(1);
  });

  it("names in Reply's tooltip the template it inserts and its Alt number", () => {
    const m = mount(<Badge {...props({ replyTemplate: { title: 'Order help', number: 3 } })} />);
    expect(m.$('[data-rr-action="reply"]')?.getAttribute('title')).toBe(
      "Open the site's reply box and insert “Order help” (Alt+3)",
    );
  });

  it('shows an insertion failure as an alert in the badge', () => {
    const m = mount(
      <Badge {...props({ insertStatus: { kind: 'failed', message: 'Could not insert', copied: true } })} />,
    );
    const alert = m.$('[role="alert"]');
    expect(alert?.textContent?.trim()).toBe('Could not insert The text is on your clipboard: paste it with Ctrl+V.');
  });

  it('says the clipboard note once, in the interface language (never by matching English words)', async () => {
    await applyLanguageSetting('hu');
    const message = 'Nem sikerült beilleszteni a választ (a válaszmező nem fogadta el a szöveget).';
    const m = mount(<Badge {...props({ insertStatus: { kind: 'failed', message, copied: true } })} />);
    const shown = m.$('[role="alert"]')?.textContent?.trim() ?? '';
    await applyLanguageSetting('auto');
    expect(shown).toBe(`${message} A szöveg a vágólapon van: illeszd be Ctrl+V-vel.`);
    expect(shown.match(/vágólap/g)).toHaveLength(1);
  });

  it('does not claim a copy that did not happen', () => {
    const m = mount(
      <Badge {...props({ insertStatus: { kind: 'failed', message: 'Could not insert', copied: false } })} />,
    );
    expect(m.$('[role="alert"]')?.textContent?.trim()).toBe('Could not insert');
  });

  it('reports progress in a status region and blocks a second Reply while inserting', () => {
    const m = mount(<Badge {...props({ insertStatus: { kind: 'working' } })} />);
    expect(m.$('[role="status"]')?.textContent).toBe('Inserting…');
    expect(buttonsWith(m, 'Reply')[0]?.disabled).toBe(true);
    m.rerender(<Badge {...props({ insertStatus: { kind: 'inserted' } })} />);
    expect(m.$('[role="status"]')?.textContent).toContain('Inserted');
    expect(buttonsWith(m, 'Reply')[0]?.disabled).toBe(false);
    expect(m.$('[role="alert"]')).toBeNull();
  });

  it('marks the current comment visibly', () => {
    const m = mount(<Badge {...props({ isCurrent: true })} />);
    expect(m.$('.rr-current')?.textContent).toBe('Current');
    m.rerender(<Badge {...props({ isCurrent: false })} />);
    expect(m.$('.rr-current')).toBeNull();
  });

  it('renders page text only as text', () => {
    const name = '<img src=x onerror=alert(1)><b>Eve</b>';
    const m = mount(<Badge {...props({ authorName: name })} />);
    expect(m.$('img')).toBeNull();
    expect(m.$('b')).toBeNull();
    expect(buttonsWith(m, 'Reply')[0]?.textContent).toBe(`Reply to ${name}`);
  });

  it('puts the theme on its root when given, and leaves it to the host otherwise', () => {
    expect(
      mount(<Badge {...props({ theme: 'dark' })} />)
        .$('.rr-root')
        ?.getAttribute('data-theme'),
    ).toBe('dark');
    expect(
      mount(<Badge {...props()} />)
        .$('.rr-root')
        ?.hasAttribute('data-theme'),
    ).toBe(false);
  });
});

describe('Badge, other states', () => {
  it.each(['answered', 'brand'] as const)('%s: a quiet tick with a spoken label and no buttons', (state) => {
    const m = mount(<Badge {...props({ state, level: 'breach' })} />);
    expect(m.$$('button')).toHaveLength(0);
    expect(m.$('.rr-age')).toBeNull();
    expect(m.$('.rr-quiet .rr-sr')?.textContent).toBe(state === 'answered' ? 'Answered' : 'By your brand');
    expect(m.text()).not.toContain('Waiting');
  });

  it.each([
    ['done', 'Done'],
    ['snoozed', 'Snoozed'],
    ['ignored', 'Ignored'],
  ] as const)('%s: small muted text "%s" and no buttons', (state, word) => {
    const m = mount(<Badge {...props({ state })} />);
    expect(m.$$('button')).toHaveLength(0);
    expect(m.text()).toBe(word);
  });
});
