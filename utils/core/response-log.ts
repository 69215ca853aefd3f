// The response log's records and the rules that keep them honest: one entry per customer comment, the earliest
// known answer is its first response, and a comment first seen already answered counts only when the answer's own
// time is known. Pure (no storage, no DOM): the background applies these rules, the import and the metrics reuse them.
import { z } from 'zod';
import { levelFor, waitingMs } from './age';
import { PlatformSchema, PrecisionSchema } from './model';
import { isSitePermalink, MAX_PERMALINK_LENGTH } from './permalink';
import { type BusinessHours, LabelKindSchema, type Targets } from './settings';

export const ResponseLevelSchema = z.enum(['ok', 'warn', 'breach']);

const Instant = z.number().finite();
const Duration = z.number().finite().nonnegative();
/** Only links back to the sites Reply Radar reads: a stored link is clicked on the dashboard. */
export const PermalinkSchema = z
  .string()
  .max(MAX_PERMALINK_LENGTH)
  .refine(isSitePermalink, 'must be an https link to x.com, twitter.com, facebook.com or instagram.com');

/** Who answered, as the page names them: a handle, a display name or a signature; bounded, shown as text only. */
const Name = z.string().trim().min(1).max(100);

export const AnswerSourceSchema = z.enum(['site', 'seen']);
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

export const ResponseLogEntrySchema = z.object({
  /** `platform:id` of the customer comment. */
  key: z.string().min(1).max(200),
  platform: PlatformSchema,
  postId: z.string().min(1).max(200),
  /** When the customer posted (epoch ms), and how exactly the site said so (absent in old records: exact). */
  postedAt: Instant,
  precision: PrecisionSchema.optional(),
  permalink: PermalinkSchema.optional(),
  labels: z.array(LabelKindSchema).max(3).optional(),
  /** When Reply Radar first and last saw the comment. */
  firstSeenAt: Instant.optional(),
  lastSeenAt: Instant.optional(),
  /** The first answer: absent while the comment still waits (the backlog). */
  answeredAt: Instant.optional(),
  /** `site`: the answer's own time on the page; `seen`: when Reply Radar first saw the answer (no time shown). */
  answerSource: AnswerSourceSchema.optional(),
  answerPrecision: PrecisionSchema.optional(),
  answeredBy: Name.optional(),
  /** The team member who signed the answer ({agent} in the templates). */
  agent: Name.optional(),
  /** First-response time on the wall clock, and counting only business hours (as set when it was recorded). */
  responseMs: Duration.optional(),
  businessMs: Duration.optional(),
  /** How the answer compared with the targets when it was recorded. */
  level: ResponseLevelSchema.optional(),
});
export type ResponseLogEntry = z.infer<typeof ResponseLogEntrySchema>;

/** What the overlay tells the background about one customer comment it shows. */
export const ResponseObservationSchema = z.object({
  key: z.string().min(1).max(200),
  platform: PlatformSchema,
  postId: z.string().min(1).max(200),
  postedAt: Instant,
  precision: PrecisionSchema,
  permalink: PermalinkSchema.optional(),
  labels: z.array(LabelKindSchema).max(3),
  /** waiting: no answer yet; answered: the brand answered; dismissed: marked done or ignored without an answer. */
  status: z.enum(['waiting', 'answered', 'dismissed']),
  answer: z
    .object({
      at: Instant,
      source: AnswerSourceSchema,
      precision: PrecisionSchema,
      by: Name.optional(),
      agent: Name.optional(),
    })
    .optional(),
});
export type ResponseObservation = z.infer<typeof ResponseObservationSchema>;

export interface DurationRules {
  hours: BusinessHours;
  targets: Targets;
}

/** The entry with its response times and level filled from its two instants (never negative: approx times). */
export function withDurations(entry: ResponseLogEntry, rules: DurationRules): ResponseLogEntry {
  if (entry.answeredAt === undefined) {
    const { responseMs: _r, businessMs: _b, level: _l, ...waiting } = entry;
    return waiting;
  }
  const responseMs = Math.max(0, entry.answeredAt - entry.postedAt);
  const businessMs = Math.min(responseMs, waitingMs(entry.postedAt, entry.answeredAt, rules.hours));
  return { ...entry, responseMs, businessMs, level: levelFor(businessMs, rules.targets) };
}

export type ObservationResult = { kind: 'unchanged' } | { kind: 'put'; entry: ResponseLogEntry } | { kind: 'delete' };

/**
 * Apply one observation to what is stored under its key (`now`: when the background received it).
 * - A waiting comment is added to the backlog; seen again it only refreshes lastSeenAt.
 * - An answer is recorded when its time is known, or when Reply Radar saw the comment waiting before (then the
 *   moment it first saw the answer is the best it knows). A comment first seen already answered, with no time on
 *   the answer, is not recorded: its response time is unknown.
 * - An answer already recorded changes only for an earlier one (a later-seen but earlier-dated answer corrects it).
 * - A comment dismissed (done, ignored) without an answer leaves the backlog.
 */
export function applyObservation(
  existing: ResponseLogEntry | undefined,
  obs: ResponseObservation,
  now: number,
  rules: DurationRules,
): ObservationResult {
  const seen = now;
  if (obs.status === 'dismissed') {
    return existing && existing.answeredAt === undefined ? { kind: 'delete' } : { kind: 'unchanged' };
  }
  const base: ResponseLogEntry = existing ?? {
    key: obs.key,
    platform: obs.platform,
    postId: obs.postId,
    postedAt: obs.postedAt,
    precision: obs.precision,
    labels: obs.labels,
    firstSeenAt: seen,
    ...(obs.permalink ? { permalink: obs.permalink } : {}),
  };
  if (obs.status === 'waiting' || !obs.answer) {
    if (existing?.answeredAt !== undefined) return { kind: 'unchanged' };
    // Refresh the last sighting at most every minute: a page re-read must not rewrite the record each time.
    if (existing && existing.lastSeenAt !== undefined && seen - existing.lastSeenAt < 60_000) {
      return { kind: 'unchanged' };
    }
    return { kind: 'put', entry: { ...base, lastSeenAt: seen } };
  }
  const answer = obs.answer;
  // A time Reply Radar only saw cannot lie in the future of the background's clock.
  const at = answer.source === 'seen' ? Math.min(answer.at, now) : answer.at;
  if (existing?.answeredAt !== undefined && existing.answeredAt <= at) return { kind: 'unchanged' };
  if (!existing && answer.source === 'seen') return { kind: 'unchanged' };
  const answered: ResponseLogEntry = {
    ...base,
    lastSeenAt: seen,
    answeredAt: at,
    answerSource: answer.source,
    answerPrecision: answer.precision,
  };
  delete answered.answeredBy;
  delete answered.agent;
  if (answer.by) answered.answeredBy = answer.by;
  if (answer.agent) answered.agent = answer.agent;
  return { kind: 'put', entry: withDurations(answered, rules) };
}

/**
 * Two records of the same comment (an import, a log read twice) as one: the earliest answer counts, the first
 * sighting is the earliest one, the last the latest. `a` is the one kept where nothing else decides.
 */
export function mergeEntries(a: ResponseLogEntry, b: ResponseLogEntry): ResponseLogEntry {
  const answerFrom = pickAnswer(a, b);
  const merged: ResponseLogEntry = { ...(answerFrom === b ? b : a) };
  const first = minDefined(a.firstSeenAt, b.firstSeenAt);
  const last = maxDefined(a.lastSeenAt, b.lastSeenAt);
  if (first !== undefined) merged.firstSeenAt = first;
  if (last !== undefined) merged.lastSeenAt = last;
  return merged;
}

function pickAnswer(a: ResponseLogEntry, b: ResponseLogEntry): ResponseLogEntry {
  if (b.answeredAt === undefined) return a;
  if (a.answeredAt === undefined) return b;
  return b.answeredAt < a.answeredAt ? b : a;
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** The instant that decides when an entry has aged out of the retention period. */
export function retentionInstant(entry: ResponseLogEntry): number {
  return entry.answeredAt ?? entry.lastSeenAt ?? entry.postedAt;
}
