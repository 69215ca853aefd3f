// The response log's raw entries as CSV, for a spreadsheet. Pure text; names and links came from web pages: toCsv
// neutralizes every formula-leading cell.
import type { ResponseLogEntry } from '../core/response-log';
import { toCsv } from './csv';

export const RESPONSE_CSV_COLUMNS = [
  'comment',
  'platform',
  'post',
  'link',
  'posted_at',
  'posted_precision',
  'answered_at',
  'answer_time_from',
  'answer_precision',
  'answered_by',
  'agent',
  'response_minutes',
  'business_minutes',
  'level',
  'labels',
  'first_seen_at',
] as const;

const iso = (at: number | undefined) => (at === undefined ? '' : new Date(at).toISOString());
const minutes = (ms: number | undefined) => (ms === undefined ? '' : (ms / 60_000).toFixed(1));

export function responseLogToCsv(entries: readonly ResponseLogEntry[]): string {
  const rows = entries.map((e) => [
    e.key,
    e.platform,
    e.postId,
    e.permalink ?? '',
    iso(e.postedAt),
    e.precision ?? 'exact',
    iso(e.answeredAt),
    e.answerSource ?? '',
    e.answerPrecision ?? '',
    e.answeredBy ?? '',
    e.agent ?? '',
    minutes(e.responseMs),
    minutes(e.businessMs),
    e.level ?? '',
    (e.labels ?? []).join('|'),
    iso(e.firstSeenAt),
  ]);
  return toCsv([[...RESPONSE_CSV_COLUMNS], ...rows]);
}
