// What a content script tells the background about its tab, and how the toolbar badge shows it. Only counts, times
// and fixed words (enums) cross: nothing the page wrote. Pure (no browser APIs, no zod): content scripts bundle it.
import type { Level } from './age';
import type { Health, Platform } from './model';

/**
 * - `working`: one of the brand's posts is read (the count, oldest wait and health say how well);
 * - `not-brand`: a post, but not one of the brand's (the panel offers to adopt its author);
 * - `not-post`: a page of the site that shows no post (a feed, a profile, settings);
 * - `off`: the user switched Reply Radar off for this site.
 */
export const TAB_STATES = ['working', 'not-brand', 'not-post', 'off'] as const;
export type TabState = (typeof TAB_STATES)[number];

export interface TabReport {
  platform: Platform;
  state: TabState;
  /** Unanswered comments on the page (0 unless working). */
  unanswered: number;
  /** When the longest-waiting unanswered comment was posted (epoch ms), or null when none waits. */
  oldestPostedAt: number | null;
  /** The worst level among the unanswered comments (`ok` when none waits). */
  worst: Level;
  health: Health;
}

/** The page's view, reduced to what the report needs (see utils/overlay/view-model.ts). */
export interface ReportableView {
  tracked: boolean;
  notTrackedReason?: 'not-brand-post' | 'not-a-post' | 'site-off';
  health: Health;
  queue: ReadonlyArray<{ level: Level; comment: { postedAt: number } }>;
}

const LEVEL_RANK: Record<Level, number> = { ok: 0, warn: 1, breach: 2 };

/** The report for a page with no view (`view` null): the site is off, or the page shows no post. */
export function tabReportOf(platform: Platform, view: ReportableView | null, siteOn: boolean): TabReport {
  const quiet = { platform, unanswered: 0, oldestPostedAt: null, worst: 'ok' as Level, health: 'ok' as Health };
  if (!siteOn || view?.notTrackedReason === 'site-off') return { ...quiet, state: 'off' };
  if (!view || view.notTrackedReason === 'not-a-post') return { ...quiet, state: 'not-post' };
  if (!view.tracked) return { ...quiet, state: 'not-brand' };
  let worst: Level = 'ok';
  let oldest: number | null = null;
  for (const { level, comment } of view.queue) {
    if (LEVEL_RANK[level] > LEVEL_RANK[worst]) worst = level;
    if (Number.isFinite(comment.postedAt) && (oldest === null || comment.postedAt < oldest)) oldest = comment.postedAt;
  }
  return {
    platform,
    state: 'working',
    unanswered: view.queue.length,
    oldestPostedAt: oldest,
    worst,
    health: view.health,
  };
}

export function sameTabReport(a: TabReport | null, b: TabReport): boolean {
  return (
    a !== null &&
    a.platform === b.platform &&
    a.state === b.state &&
    a.unanswered === b.unanswered &&
    a.oldestPostedAt === b.oldestPostedAt &&
    a.worst === b.worst &&
    a.health === b.health
  );
}

/** The toolbar badge for a tab: its unanswered count, never a false "all answered". */
export interface BadgeLook {
  text: string;
  /** Which of the overlay's level colours: the worst wait, or `breach` when the page cannot be read. */
  level: Level;
}

export function badgeFor(report: TabReport | null): BadgeLook {
  if (report?.state !== 'working') return { text: '', level: 'ok' };
  // Broken: the count means nothing. Incomplete: at least this many (part of the conversation is hidden).
  if (report.health === 'broken') return { text: '!', level: 'breach' };
  if (report.unanswered > 99) return { text: '99+', level: report.worst };
  if (report.health === 'incomplete') {
    return report.unanswered === 0
      ? { text: '?', level: 'warn' }
      : { text: `${report.unanswered}+`, level: report.worst };
  }
  return { text: String(report.unanswered), level: report.worst };
}
