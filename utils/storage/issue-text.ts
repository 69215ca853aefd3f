// What a validation problem means to the user, as locale texts (utils/i18n renders them in the interface language):
// where it is ("template 3, title", "line 4, column “tags”") and what is wrong ("is required", "is longer than 200
// characters"). Pure: zod's issue shape in, UserText out; the English `message` of an error stays for logs.
import type { z } from 'zod';
import type { UserText } from './radar-error';
import type { RecordIssue } from './schemas';

type Segment = string | number;

/** Top-level lists of a backup file: each element is named by its 1-based place. */
const LIST_ITEMS: Record<string, string> = {
  templates: 'place_template',
  commentStates: 'place_comment_state',
  responseLog: 'place_response_entry',
};

/** Field names a user knows from the options page; other fields are shown as written in the file. */
const FIELDS: Record<string, string> = {
  title: 'field_title',
  body: 'field_body',
  text: 'field_body',
  shortcut: 'field_shortcut',
  language: 'field_language',
  tags: 'field_tags',
  id: 'field_id',
  order: 'field_order',
  settings: 'field_settings',
  format: 'field_format',
  formatVersion: 'field_format_version',
  exportedAt: 'field_exported_at',
  brand: 'field_brand',
  targets: 'field_targets',
  warnMinutes: 'field_warn_minutes',
  breachMinutes: 'field_breach_minutes',
  businessHours: 'field_business_hours',
  days: 'field_days',
  start: 'field_start',
  end: 'field_end',
  timeZone: 'field_time_zone',
  shortcuts: 'field_shortcuts',
  agentName: 'field_agent_name',
  sites: 'field_sites',
  labelWords: 'field_label_words',
  expandTrigger: 'field_expand_trigger',
  responseLogRetentionDays: 'field_retention_days',
};

function segmentText(segment: Segment, parent: Segment | undefined, csv: boolean): UserText {
  if (typeof segment === 'number') {
    const list = typeof parent === 'string' && Object.hasOwn(LIST_ITEMS, parent) ? LIST_ITEMS[parent] : undefined;
    return { key: list ?? 'place_item', params: { n: segment + 1 } };
  }
  if (csv) return { key: 'place_column', params: { name: segment } };
  // Own keys only: a hostile file's "__proto__" or "constructor" is a name like any other.
  const field = Object.hasOwn(FIELDS, segment) ? FIELDS[segment] : undefined;
  return field ? { key: field } : { key: 'place_field', params: { name: segment.slice(0, 100) } };
}

/**
 * ['templates', 2, 'title'] → "template 3, title"; with `line` (a CSV row) → "line 4, column “title”". A list
 * name followed by its index reads as one place ("template 3", not "templates, item 3"). Null for an empty path.
 */
export function placeText(path: ReadonlyArray<PropertyKey>, opts: { line?: number } = {}): UserText | null {
  const csv = opts.line !== undefined;
  const parts: UserText[] = csv ? [{ key: 'place_line', params: { line: opts.line as number } }] : [];
  const segments = path.filter((p): p is Segment => typeof p !== 'symbol');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const next = segments[i + 1];
    // "templates" then 2: only "template 3" is said.
    if (typeof segment === 'string' && typeof next === 'number' && Object.hasOwn(LIST_ITEMS, segment)) continue;
    parts.push(segmentText(segment, segments[i - 1], csv));
  }
  if (parts.length === 0) return null;
  return parts.reduce((outer, inner) => ({ key: 'place_in', params: { outer, inner } }));
}

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  number: 'problem_expected_number',
  int: 'problem_expected_number',
  string: 'problem_expected_text',
  boolean: 'problem_expected_yes_no',
  array: 'problem_expected_list',
  object: 'problem_expected_group',
};

/** What is wrong, without the place: "is required", "is longer than 200 characters", "is not a number". */
export function problemText(issue: Issue): UserText {
  switch (issue.code) {
    case 'invalid_type':
      // zod drops `input` from reported issues; errors.ts's error map words a missing value as "required".
      if (issue.message === 'required' || /received undefined/.test(issue.message)) return { key: 'problem_required' };
      return { key: (Object.hasOwn(EXPECTED, issue.expected) && EXPECTED[issue.expected]) || 'problem_invalid' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { key: 'problem_empty' } : { key: 'problem_too_short', params: { min } };
      if (issue.origin === 'array') return { key: 'problem_too_few', params: { min } };
      if (issue.origin === 'number' || issue.origin === 'int') return { key: 'problem_too_low', params: { min } };
      return { key: 'problem_invalid' };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'problem_too_long', params: { max } };
      if (issue.origin === 'array') return { key: 'problem_too_many', params: { max } };
      if (issue.origin === 'number' || issue.origin === 'int') return { key: 'problem_too_high', params: { max } };
      return { key: 'problem_invalid' };
    }
    case 'invalid_format': {
      const field = issue.path[issue.path.length - 1];
      if (field === 'shortcut') return { key: 'problem_shortcut_spaces' };
      if (field === 'start' || field === 'end') return { key: 'problem_time_format' };
      return { key: 'problem_bad_format' };
    }
    case 'custom':
      if (issue.path[issue.path.length - 1] === 'targets' || issue.message === 'warn must come before breach')
        return { key: 'problem_warn_before_breach' };
      return { key: 'problem_invalid' };
    case 'invalid_value':
      return { key: 'problem_not_allowed' };
    default:
      return { key: 'problem_invalid' };
  }
}

/**
 * The first issue as a sentence: "template 3, title: is required", plus how many more problems the file has.
 * `where` goes before the issue's own path (e.g. the list the value came from); `line` names a CSV row.
 */
export function issuesText(
  issues: readonly Issue[],
  opts: { where?: ReadonlyArray<PropertyKey>; line?: number } = {},
): UserText {
  const first = issues[0];
  if (!first) return { key: 'problem_invalid' };
  const problem = problemText(first);
  const place = placeText([...(opts.where ?? []), ...first.path], opts.line === undefined ? {} : { line: opts.line });
  const text: UserText = place ? { key: 'error_at', params: { place, problem } } : problem;
  const more = issues.length - 1;
  return more > 0 ? { key: 'error_with_more', params: { first: text, count: more } } : text;
}

/** Problem codes a stored record may carry (each is the locale text `problem_<code>`); anything else reads as invalid. */
const RECORD_CODES = new Set([
  'required',
  'empty',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_low',
  'too_high',
  'expected_number',
  'expected_text',
  'expected_yes_no',
  'expected_list',
  'expected_group',
  'invalid',
  'not_allowed',
  'bad_format',
  'shortcut_spaces',
  'time_format',
  'warn_before_breach',
  // Comment-state chunks (state-chunks.ts) and a state filed under another comment's key.
  'chunk_not_text',
  'chunk_not_json',
  'chunk_not_list',
  'chunk_bad_pair',
  'stored_under_other_key',
]);

/** zod's issues → the wordless problem kept with a damaged record (its first issue, and how many more). */
export function recordIssue(issues: readonly Issue[]): RecordIssue {
  const first = issues[0];
  if (!first) return { code: 'invalid', path: [] };
  const problem = problemText(first);
  const issue: RecordIssue = {
    code: problem.key.replace(/^problem_/, ''),
    path: first.path
      .filter((p): p is Segment => typeof p !== 'symbol')
      .slice(0, 20)
      .map((p) => (typeof p === 'string' ? p.slice(0, 100) : p)),
  };
  const params = Object.entries(problem.params ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  if (params.length > 0) issue.params = Object.fromEntries(params);
  if (issues.length > 1) issue.more = issues.length - 1;
  return issue;
}

/**
 * A damaged record's problem in the interface language: "title: is not text". A record reported before problems
 * were kept without words has only zod's English sentence; it is shown as such, introduced in the user's language.
 */
export function recordProblemText(record: { problem: string; issue?: RecordIssue | undefined }): UserText {
  const issue = record.issue;
  if (!issue) return { key: 'data_damaged_legacy', params: { detail: record.problem.slice(0, 300) } };
  const code = RECORD_CODES.has(issue.code) ? issue.code : 'invalid';
  const problem: UserText = issue.params
    ? { key: `problem_${code}`, params: issue.params }
    : { key: `problem_${code}` };
  const place = placeText(issue.path);
  const text: UserText = place ? { key: 'error_at', params: { place, problem } } : problem;
  return issue.more ? { key: 'error_with_more', params: { first: text, count: issue.more } } : text;
}
