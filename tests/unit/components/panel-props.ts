// The queue panel's props every panel test starts from: a tracked, healthy X post, light theme, no filter, spied
// callbacks. Each test adds what it is about (its items, the optional callbacks whose buttons it checks).
import { vi } from 'vitest';
import type { QueueItemView, QueuePanelProps } from '../../../components/overlay/QueuePanel';

/** A queue row as the tests write it (flat); the panel takes the overlay's comment view, whose comment holds these. */
export interface QueueItemFields {
  key: string;
  authorName: string;
  handle: string;
  snippet: string;
  ageText: string;
  level: QueueItemView['level'];
  labels: QueueItemView['labels'];
  spam?: boolean;
}

export function queueItem({ authorName, handle, snippet, ...rest }: QueueItemFields): QueueItemView {
  return { ...rest, comment: { author: { displayName: authorName, handle }, text: snippet } };
}

export function basePanelProps(items: QueueItemView[]): QueuePanelProps {
  return {
    items,
    health: 'ok',
    problems: [],
    collapsedHints: [],
    tracked: true,
    collapsed: false,
    onToggleCollapsed: vi.fn(),
    onSelect: vi.fn(),
    onReply: vi.fn(),
    labelFilter: 'all',
    onLabelFilter: vi.fn(),
    theme: 'light',
    platformName: 'X',
  };
}
