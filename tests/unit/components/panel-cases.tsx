// The queue panel's states whose markup is pinned (panel-markup tests): one of each branch of its view.
import { vi } from 'vitest';
import type { QueuePanelProps } from '../../../components/overlay/QueuePanel';
import { UndoToast } from '../../../components/overlay/UndoToast';
import { basePanelProps, type QueueItemFields, queueItem } from './panel-props';

const anaFields: QueueItemFields = {
  key: 'x:1',
  authorName: 'Ana <b>Lima</b>',
  handle: 'analima',
  snippet: 'Where is my order?\n It has   been two weeks.',
  ageText: '2 h',
  level: 'breach',
  labels: ['question', 'order'],
};
const ana = queueItem(anaFields);
const benFields: QueueItemFields = {
  key: 'x:2',
  authorName: 'Ben',
  handle: 'profile.php?id=100',
  snippet: 'This is the worst service ever',
  ageText: '40 min',
  level: 'warn',
  labels: ['complaint'],
};
const ben = queueItem(benFields);
const spamFields: QueueItemFields = {
  key: 'x:3',
  authorName: 'Bot',
  handle: 'bot',
  snippet: 'https://bit.ly/x',
  ageText: '3 min',
  level: 'ok',
  labels: [],
  spam: true,
};
const spam = queueItem(spamFields);
const many = Array.from({ length: 300 }, (_, i) =>
  queueItem({ ...benFields, key: `x:${10 + i}`, authorName: `C${i}` }),
);

export function panelProps(over: Partial<QueuePanelProps> = {}): QueuePanelProps {
  return {
    ...basePanelProps([ana, ben, spam]),
    onTrackAll: vi.fn(),
    onIgnore: vi.fn(),
    onRestore: vi.fn(),
    currentKey: null,
    ...over,
  };
}

export const PANEL_CASES: Array<[string, Partial<QueuePanelProps>]> = [
  ['three waiting, one spam', {}],
  ['current, dark', { currentKey: 'x:2', theme: 'dark' }],
  ['filtered to questions', { labelFilter: 'question' }],
  ['filtered to nothing', { labelFilter: 'complaint', items: [ana] }],
  ['all answered', { items: [] }],
  ['problems', { problems: ['A', 'B', 'A'] }],
  [
    'incomplete',
    {
      items: [],
      health: 'incomplete',
      collapsedHints: ['Show 1', 'Show 2', 'Show 3', 'Show 4', 'Show 5'],
      problems: ['P'],
    },
  ],
  ['incomplete, more below', { health: 'incomplete', moreBelow: true }],
  ['broken', { items: [], health: 'broken', problems: ['No list'] }],
  [
    'not the brand’s post',
    { items: [], tracked: false, notTrackedReason: 'not-brand-post', adoptBrand: { name: 'Acme', onAdopt: vi.fn() } },
  ],
  ['site off', { items: [], tracked: false, notTrackedReason: 'site-off' }],
  ['adoptable, tracked', { adoptBrand: { name: 'Jane', onAdopt: vi.fn() } }],
  [
    'handled lists',
    {
      handled: {
        done: [{ key: 'x:9', authorName: 'Tom', snippet: 'Old blend' }],
        snoozed: [],
        ignored: [{ key: 'x:8', authorName: 'Bot', snippet: 'spam' }],
      },
    },
  ],
  ['toast', { toast: <UndoToast kind="snoozed" name="Tom" onUndo={vi.fn()} /> }],
  ['collapsed', { collapsed: true, health: 'incomplete' }],
  ['collapsed, nothing waiting', { collapsed: true, items: [] }],
  ['collapsed, off', { collapsed: true, tracked: false, toast: <UndoToast kind="done" name="Tom" onUndo={vi.fn()} /> }],
  ['300 waiting', { items: many, labelCounts: { question: 0, complaint: 300, order: 0 } }],
];
