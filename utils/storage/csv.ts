// Templates as CSV (RFC 4180) for people who keep their replies in a spreadsheet. Pure text in, text out: the
// database side is in import-templates-csv.ts. Errors name the line, as the user sees it in a text editor.
import { type Template, type TemplateDraft, TemplateDraftSchema } from '../core/template';
import { describeIssues, RadarError } from './errors';
import { issuesText, placeText } from './issue-text';
import type { UserText } from './radar-error';

export const CSV_COLUMNS = ['title', 'body', 'shortcut', 'language', 'tags'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
}

/**
 * A refused row: `problem` in English for logs, `text` for the user ("line 4, column “title”: is required" in the
 * interface language); `column` names the cell when the problem is in one.
 */
function fail(line: number, problem: string, text: UserText, column?: string): RadarError {
  const place = placeText(column === undefined ? [] : [column], { line }) as UserText;
  return new RadarError(
    'bad-request',
    `line ${line}: ${problem}`,
    column === undefined ? `line ${line}` : `line ${line}, ${column}`,
    { key: 'error_at', params: { place, problem: text } },
  );
}

/**
 * Split CSV text into records. Quoted fields may hold commas, quotes ("") and line breaks; CRLF, LF and a leading
 * BOM are accepted. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let inQuotes = false;
  let afterQuote = false;
  const endRecord = () => {
    cells.push(cell);
    const blank = cells.length === 1 && !afterQuote && (cells[0] ?? '').trim() === '';
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterQuote) {
      throw fail(line, `unexpected ${JSON.stringify(ch)} after a closing quote (write "" for a quote inside a field)`, {
        key: 'csv_after_quote',
        params: { char: ch ?? '' },
      });
    } else if (ch === '"' && cell === '') {
      inQuotes = true;
      quoteLine = line;
    } else {
      cell += ch;
    }
  }
  if (inQuotes) throw fail(quoteLine, 'a quoted field is never closed (missing ")', { key: 'csv_unclosed_quote' });
  if (cell !== '' || cells.length > 0 || afterQuote) endRecord();
  return records;
}

/**
 * Spreadsheet apps run a cell that begins with = + - @ (or a tab or CR before one) as a formula: `=HYPERLINK(…)` in
 * a shared template file would open as a link. The standard defence (OWASP, "CSV injection") is a leading
 * apostrophe, which spreadsheets show as text. A cell that already begins with an apostrophe gets one more, so
 * `unneutralizeCell` can take exactly one off and the round trip stays exact.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutralizeCell; a cell a person wrote as 'text (apostrophe, then an ordinary character) is kept as is. */
export function unneutralizeCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function quoteCell(raw: string): string {
  const value = neutralizeCell(raw);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180 text (CRLF between records) with a BOM so spreadsheet apps read non-Latin scripts right. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return `\uFEFF${rows.map((r) => r.map(quoteCell).join(',')).join('\r\n')}\r\n`;
}

export function templatesToCsv(templates: readonly Template[]): string {
  return toCsv([
    [...CSV_COLUMNS],
    ...templates.map((t) => [t.title, t.body, t.shortcut ?? '', t.language, t.tags.join('|')]),
  ]);
}

export interface CsvDraft {
  line: number;
  draft: TemplateDraft;
}

/** Read and validate every row; the first problem throws with its line, so nothing is half-imported. */
export function csvToDrafts(text: string): CsvDraft[] {
  const records = parseCsv(text);
  const header = records[0];
  if (!header)
    throw new RadarError(
      'bad-request',
      `The file is empty: expected a header line ${CSV_COLUMNS.join(',')}.`,
      undefined,
      {
        key: 'csv_empty',
        params: { header: CSV_COLUMNS.join(',') },
      },
    );
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = new Map<Column, number>();
  for (const col of CSV_COLUMNS) {
    const at = names.indexOf(col);
    if (at === -1 || names.lastIndexOf(col) !== at || names.length !== CSV_COLUMNS.length) {
      throw fail(
        header.line,
        `the header must name the columns ${CSV_COLUMNS.join(', ')} (found ${names.join(', ')})`,
        { key: 'csv_bad_header', params: { expected: CSV_COLUMNS.join(', '), found: names.join(', ').slice(0, 200) } },
      );
    }
    index.set(col, at);
  }
  const cellOf = (cells: string[], col: Column) =>
    unneutralizeCell(cells[index.get(col) ?? -1] ?? '').replace(/\r\n?/g, '\n');
  return records.slice(1).map(({ line, cells }) => {
    if (cells.length !== CSV_COLUMNS.length) {
      throw fail(line, `${cells.length} column${cells.length === 1 ? '' : 's'}, expected ${CSV_COLUMNS.length}`, {
        key: 'csv_column_count',
        params: { count: cells.length, expected: CSV_COLUMNS.length },
      });
    }
    const shortcut = cellOf(cells, 'shortcut').trim();
    const candidate = {
      title: cellOf(cells, 'title').trim(),
      body: cellOf(cells, 'body'),
      language: cellOf(cells, 'language').trim(),
      tags: cellOf(cells, 'tags')
        .split(/[|;]/)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
      ...(shortcut ? { shortcut } : {}),
    };
    // Empty cells are "required", not "too short".
    for (const col of ['title', 'body', 'language'] as const) {
      if (candidate[col] === '') throw fail(line, `${col}: required`, { key: 'problem_required' }, col);
    }
    const parsed = TemplateDraftSchema.safeParse(candidate);
    if (!parsed.success) {
      const { message, path } = describeIssues(parsed.error);
      throw new RadarError('bad-request', `line ${line}: ${message}`, `line ${line}, ${path ?? ''}`, {
        ...issuesText(parsed.error.issues, { line }),
      });
    }
    return { line, draft: parsed.data };
  });
}
