// The badge's markup, pinned: the page contract and the looks (the overlay CSS styles exactly these classes and
// attributes). These snapshots were first written from the Preact badge this renderer replaced (issue #10), so
// the plain-DOM badge shows what it showed.
import { describe, expect, it } from 'vitest';
import { type BadgeContent, drawBadge } from '../../../components/overlay/badge-dom';

const base: BadgeContent = {
  state: 'unanswered',
  level: 'ok',
  ageText: '12 min',
  authorName: 'Ana <b>Lima</b>',
  isCurrent: false,
  insertStatus: null,
  pickerOpen: false,
  replyTemplate: null,
};
const cases: Array<[string, Partial<BadgeContent>]> = [
  ['unanswered', {}],
  ['due soon, dark', { level: 'warn', theme: 'dark' }],
  ['overdue, current, picker open', { level: 'breach', isCurrent: true, pickerOpen: true }],
  [
    'inserting, template with a number',
    { insertStatus: { kind: 'working' }, replyTemplate: { title: 'Order', keys: 'Alt+3' } },
  ],
  [
    'inserted, template without a number',
    { insertStatus: { kind: 'inserted' }, replyTemplate: { title: 'Order', keys: null } },
  ],
  ['failed, copied', { insertStatus: { kind: 'failed', message: 'Could not insert', copied: true } }],
  ['failed, not copied', { insertStatus: { kind: 'failed', message: 'x', copied: false } }],
  ['answered, light', { state: 'answered', theme: 'light' }],
  ['brand, current', { state: 'brand', isCurrent: true }],
  ['done', { state: 'done' }],
  ['snoozed', { state: 'snoozed' }],
  ['ignored, dark', { state: 'ignored', theme: 'dark' }],
];

function markup(content: BadgeContent): string {
  const mount = document.createElement('div');
  drawBadge(mount, content);
  return mount.innerHTML;
}

/** The tree as text with each element's attributes in name order (their order means nothing to CSS or the page). */
function shape(node: Node): string {
  if (node.nodeType !== Node.ELEMENT_NODE) return JSON.stringify(node.nodeValue);
  const el = node as Element;
  const attrs = el
    .getAttributeNames()
    .sort()
    .map((n) => `${n}=${JSON.stringify(el.getAttribute(n))}`);
  return `<${el.localName} ${attrs.join(' ')}>${[...el.childNodes].map(shape).join('')}</${el.localName}>`;
}

describe('the badge markup', () => {
  it.each(cases)('%s', (_name, over) => {
    expect(markup({ ...base, ...over })).toMatchSnapshot();
  });

  it('drawn again, shows what a fresh badge would, whatever it showed before', () => {
    for (const [, before] of cases) {
      for (const [, after] of cases) {
        const mount = document.createElement('div');
        drawBadge(mount, { ...base, ...before });
        drawBadge(mount, { ...base, ...after });
        const fresh = document.createElement('div');
        drawBadge(fresh, { ...base, ...after });
        expect(shape(mount)).toBe(shape(fresh));
      }
    }
  });

  it('keeps its buttons as they were while they are shown: a redraw only changes what differs', () => {
    const mount = document.createElement('div');
    drawBadge(mount, base);
    const buttons = () => [...mount.querySelectorAll('button[data-rr-action]')];
    const before = buttons();
    expect(before.map((b) => b.getAttribute('data-rr-action'))).toEqual(['reply', 'templates', 'done', 'snooze']);
    // A template saved in the options, an older age, the current mark and the picker: every badge is redrawn.
    drawBadge(mount, {
      ...base,
      ageText: '13 min',
      level: 'warn',
      isCurrent: true,
      pickerOpen: true,
      replyTemplate: { title: 'Order help', keys: 'Alt+1' },
    });
    expect(buttons()).toEqual(before);
    for (const [i, button] of buttons().entries()) expect(button).toBe(before[i]);
    expect(before[0]!.getAttribute('title')).toContain('Order help');
    expect(before[1]!.getAttribute('aria-expanded')).toBe('true');
    expect(mount.textContent).toContain('13 min');
    drawBadge(mount, { ...base, state: 'done' });
    expect(buttons()).toEqual([]);
    for (const button of before) expect(button.isConnected || mount.contains(button)).toBe(false);
  });
});
