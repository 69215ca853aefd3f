// The page shares the DOM with our shadow roots (they are open: the page contract and the tests read them). Page
// script can dispatch clicks and keys on our buttons; none of them may do anything. Each case below also makes the
// same action as a person, so the test fails if the control stops working altogether.
import { describe, expect, it, vi } from 'vitest';
import type { BadgeContent } from '../../../components/overlay/badge-dom';
import type { QueuePanelProps } from '../../../components/overlay/QueuePanel';
import { TemplatePicker } from '../../../components/overlay/TemplatePicker';
import type { Template } from '../../../utils/core/template';
import { isTrustedEvent, trusted } from '../../../utils/overlay/trusted';
import { asTrusted, buttonsWith, click, forgedClick, mount, mountBadge, mountPanel, press } from './dom';
import { basePanelProps, queueItem } from './panel-props';

const template: Template = {
  id: 't1',
  title: 'Thanks',
  body: 'Thank you, {name}!',
  language: 'en',
  tags: [],
  order: 1,
  createdAt: 0,
  updatedAt: 0,
  useCount: 0,
};

function badgeContent(): BadgeContent {
  return {
    state: 'unanswered',
    level: 'ok',
    ageText: '3 min',
    authorName: 'Ana',
    isCurrent: false,
    insertStatus: null,
    pickerOpen: false,
    replyTemplate: null,
  };
}

function panelProps(over: Partial<QueuePanelProps> = {}): QueuePanelProps {
  const ana = queueItem({
    key: 'x:1',
    authorName: 'Ana',
    handle: 'ana',
    snippet: 'Where is my order?',
    ageText: '3 min',
    level: 'ok',
    labels: ['question'],
  });
  return { ...basePanelProps([ana]), onTrackAll: vi.fn(), ...over };
}

describe('trusted()', () => {
  it('runs the handler only for events the browser marked as a person’s', () => {
    const handler = vi.fn(() => 'ran');
    const guarded = trusted(handler);
    expect(guarded(new Event('click'))).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
    expect(guarded(asTrusted(new Event('click')))).toBe('ran');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(isTrustedEvent(null)).toBe(false);
  });
});

describe('forged events on the badge', () => {
  it('neither reply, open the picker, mark done nor snooze; a person’s clicks do', () => {
    const m = mountBadge(badgeContent());
    const names = ['reply', 'templates', 'done', 'snooze'];
    const buttons = names.map((a) => m.$(`[data-rr-action="${a}"]`));
    for (const button of buttons) forgedClick(button);
    expect(m.actions).toEqual([]);
    for (const button of buttons) click(button);
    expect(m.actions).toEqual(names);
  });
});

describe('forged events on the queue panel', () => {
  it('change no setting, select nothing and reply to nothing', () => {
    const p = panelProps();
    const m = mountPanel(p);
    const buttons = m.$$<HTMLButtonElement>('button');
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    for (const b of buttons) forgedClick(b);
    for (const handler of [p.onToggleCollapsed, p.onSelect, p.onReply, p.onLabelFilter]) {
      expect(handler).not.toHaveBeenCalled();
    }
    click(m.$('button.rr-item-main'));
    click(buttonsWith(m, 'Reply')[0]!);
    click(m.$('button[aria-label="Hide the queue"]'));
    click(buttonsWith(m, 'Questions')[0]!);
    expect(p.onSelect).toHaveBeenCalledWith('x:1');
    expect(p.onReply).toHaveBeenCalledWith('x:1');
    expect(p.onToggleCollapsed).toHaveBeenCalledTimes(1);
    expect(p.onLabelFilter).toHaveBeenCalledWith('question');
  });

  it('do not turn on "Track all posts" or expand the collapsed pill', () => {
    const p = panelProps({ tracked: false, notTrackedReason: 'not-brand-post' });
    const m = mountPanel(p);
    const [track] = buttonsWith(m, 'Track all posts');
    forgedClick(track!);
    expect(p.onTrackAll).not.toHaveBeenCalled();
    click(track!);
    expect(p.onTrackAll).toHaveBeenCalledTimes(1);

    const c = panelProps({ collapsed: true });
    const mini = mountPanel(c);
    forgedClick(mini.$('button.rr-mini'));
    expect(c.onToggleCollapsed).not.toHaveBeenCalled();
    click(mini.$('button.rr-mini'));
    expect(c.onToggleCollapsed).toHaveBeenCalledTimes(1);
  });
});

describe('forged events on the template picker', () => {
  it('pick nothing by digit, Enter or click, and do not close it', () => {
    const onPick = vi.fn();
    const onClose = vi.fn();
    const m = mount(<TemplatePicker templates={[template]} suggestedIds={[]} onPick={onPick} onClose={onClose} />);
    const input = m.$('input');
    press(input, '1', {}, 'keydown', true);
    press(input, 'Enter', {}, 'keydown', true);
    press(input, 'Escape', {}, 'keydown', true);
    forgedClick(m.$('[role="option"]'));
    forgedClick(m.$('button[aria-label="Close templates"]'));
    expect(onPick).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    press(input, '1');
    expect(onPick).toHaveBeenCalledWith(template);
    click(m.$('button[aria-label="Close templates"]'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
