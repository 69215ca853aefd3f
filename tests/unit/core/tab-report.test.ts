import { describe, expect, it } from 'vitest';
import { badgeFor, type ReportableView, sameTabReport, tabReportOf } from '../../../utils/core/tab-report';

const waiting = (level: 'ok' | 'warn' | 'breach', postedAt: number) => ({ level, comment: { postedAt } });
const view = (over: Partial<ReportableView> = {}): ReportableView => ({
  tracked: true,
  health: 'ok',
  queue: [waiting('warn', 2_000), waiting('breach', 1_000), waiting('ok', 3_000)],
  ...over,
});

describe('tabReportOf', () => {
  it('counts the unanswered comments, finds the oldest and the worst level', () => {
    expect(tabReportOf('x', view(), true)).toEqual({
      platform: 'x',
      state: 'working',
      unanswered: 3,
      oldestPostedAt: 1_000,
      worst: 'breach',
      health: 'ok',
    });
  });

  it('says when nothing waits: no oldest, level ok', () => {
    expect(tabReportOf('facebook', view({ queue: [] }), true)).toMatchObject({
      state: 'working',
      unanswered: 0,
      oldestPostedAt: null,
      worst: 'ok',
    });
  });

  it('tells apart a site switched off, a page with no post and a post that is not the brand’s', () => {
    expect(tabReportOf('x', view(), false).state).toBe('off');
    expect(tabReportOf('x', null, false).state).toBe('off');
    expect(tabReportOf('x', null, true).state).toBe('not-post');
    expect(tabReportOf('x', view({ tracked: false, notTrackedReason: 'not-a-post' }), true).state).toBe('not-post');
    const notBrand = tabReportOf('instagram', view({ tracked: false, notTrackedReason: 'not-brand-post' }), true);
    expect(notBrand).toMatchObject({ state: 'not-brand', unanswered: 0, oldestPostedAt: null });
  });

  it('carries the health of a page it reads', () => {
    expect(tabReportOf('x', view({ health: 'broken', queue: [] }), true)).toMatchObject({ health: 'broken' });
  });
});

describe('badgeFor', () => {
  const report = tabReportOf('x', view(), true);
  it('shows the count coloured by the worst level', () => {
    expect(badgeFor(report)).toEqual({ text: '3', level: 'breach' });
    expect(badgeFor({ ...report, unanswered: 0, worst: 'ok' })).toEqual({ text: '0', level: 'ok' });
    expect(badgeFor({ ...report, unanswered: 250 })).toEqual({ text: '99+', level: 'breach' });
  });

  it('never shows a false "all answered": broken is "!", incomplete is "at least"', () => {
    expect(badgeFor({ ...report, health: 'broken' })).toEqual({ text: '!', level: 'breach' });
    expect(badgeFor({ ...report, health: 'incomplete' })).toEqual({ text: '3+', level: 'breach' });
    expect(badgeFor({ ...report, health: 'incomplete', unanswered: 0, worst: 'ok' })).toEqual({
      text: '?',
      level: 'warn',
    });
  });

  it('is empty where Reply Radar is not working', () => {
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor(tabReportOf('x', null, false)).text).toBe('');
    expect(badgeFor(tabReportOf('x', null, true)).text).toBe('');
  });
});

describe('sameTabReport', () => {
  it('compares every field', () => {
    const a = tabReportOf('x', view(), true);
    expect(sameTabReport(null, a)).toBe(false);
    expect(sameTabReport(a, { ...a })).toBe(true);
    expect(sameTabReport(a, { ...a, oldestPostedAt: 5 })).toBe(false);
    expect(sameTabReport(a, { ...a, health: 'incomplete' })).toBe(false);
  });
});
