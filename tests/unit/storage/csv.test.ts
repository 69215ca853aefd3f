import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../../utils/core/template';
import { csvToDrafts, neutralizeCell, parseCsv, templatesToCsv } from '../../../utils/storage/csv';

const HEADER = 'title,body,shortcut,language,tags';

function errorOf(fn: () => unknown): { message: string; path?: string } {
  try {
    fn();
  } catch (err) {
    return err as { message: string; path?: string };
  }
  throw new Error('expected an error');
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = 'a,"b, c","say ""hi"""\r\n"multi\r\nline",x,y\n\nlast,row,here';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b, c', 'say "hi"'] },
      { line: 2, cells: ['multi\r\nline', 'x', 'y'] },
      { line: 5, cells: ['last', 'row', 'here'] },
    ]);
  });

  it('accepts a BOM, a lone CR and empty fields', () => {
    expect(parseCsv('\uFEFFa,,c\rd,"",f\r\n')).toEqual([
      { line: 1, cells: ['a', '', 'c'] },
      { line: 2, cells: ['d', '', 'f'] },
    ]);
  });

  it('names the line of an unterminated quote', () => {
    expect(errorOf(() => parseCsv('a,b\n"open,c\nd,e\n')).message).toBe(
      'line 2: a quoted field is never closed (missing ")',
    );
  });

  it('refuses text after a closing quote', () => {
    expect(errorOf(() => parseCsv('a,"b"x,c')).message).toMatch(/^line 1: unexpected "x" after a closing quote/);
  });
});

describe('csvToDrafts', () => {
  it('turns rows into drafts: tags split on | or ;, empty shortcut dropped, CRLF in bodies made LF', () => {
    const text = `${HEADER}\r\nThanks,"Thank you!\r\nSee you",ty,en,thanks|happy; vip\r\nSorry,We are sorry.,,hu,\r\n`;
    expect(csvToDrafts(text)).toEqual([
      {
        line: 2,
        draft: {
          title: 'Thanks',
          body: 'Thank you!\nSee you',
          shortcut: 'ty',
          language: 'en',
          tags: ['thanks', 'happy', 'vip'],
        },
      },
      { line: 4, draft: { title: 'Sorry', body: 'We are sorry.', language: 'hu', tags: [] } },
    ]);
  });

  it('accepts the columns in any order', () => {
    const drafts = csvToDrafts('language,tags,title,shortcut,body\nen,,T,,B\n');
    expect(drafts[0]?.draft).toEqual({ title: 'T', body: 'B', language: 'en', tags: [] });
  });

  it('names the line and the column count of a short row', () => {
    const text = `${HEADER}\nA,B,,en,\nC,D,,en,\nE,F,G\n`;
    expect(errorOf(() => csvToDrafts(text))).toMatchObject({
      message: 'line 4: 3 columns, expected 5',
      path: 'line 4',
    });
  });

  it('names the line and the field of an empty required cell', () => {
    expect(errorOf(() => csvToDrafts(`${HEADER}\nA,,,en,\n`)).message).toBe('line 2: body: required');
  });

  it('refuses a wrong header and an empty file', () => {
    expect(errorOf(() => csvToDrafts('name,text\nA,B\n')).message).toMatch(/^line 1: the header must name the columns/);
    expect(errorOf(() => csvToDrafts('')).message).toMatch(/^The file is empty/);
    expect(errorOf(() => csvToDrafts('\uFEFF\r\n')).message).toMatch(/^The file is empty/);
  });
});

describe('templatesToCsv', () => {
  it('writes what csvToDrafts reads back, quotes and line breaks included', () => {
    const t = (title: string, body: string, extra: Partial<Template> = {}): Template => ({
      id: title,
      title,
      body,
      language: 'bn',
      tags: ['a', 'b'],
      order: 0,
      createdAt: 0,
      updatedAt: 0,
      useCount: 0,
      ...extra,
    });
    const templates = [t('Quote "this"', 'Line one,\nline two', { shortcut: 'q' }), t(' padded ', 'ধন্যবাদ')];
    const text = templatesToCsv(templates);
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csvToDrafts(text).map((r) => r.draft)).toEqual([
      { title: 'Quote "this"', body: 'Line one,\nline two', shortcut: 'q', language: 'bn', tags: ['a', 'b'] },
      { title: 'padded', body: 'ধন্যবাদ', language: 'bn', tags: ['a', 'b'] },
    ]);
  });
});

describe('formula injection (cells a spreadsheet would run)', () => {
  const tpl = (title: string, body: string): Template => ({
    id: 'x',
    title,
    body,
    language: 'en',
    tags: [],
    order: 0,
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
  });
  const DANGEROUS = ['=HYPERLINK("https://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', "'=1+1"];

  it('writes every cell that begins with = + - @ tab CR (or an apostrophe) behind an apostrophe', () => {
    for (const body of [...DANGEROUS, '\r=1+1']) {
      const cells = parseCsv(templatesToCsv([tpl('Title', body)]))[1]?.cells ?? [];
      expect(cells[1]?.startsWith("'")).toBe(true);
      expect(cells[1]).toBe(`'${body}`);
    }
    expect(parseCsv(templatesToCsv([tpl('=cmd|calc', 'Hi')]))[1]?.cells[0]).toBe("'=cmd|calc");
    expect(neutralizeCell('Thanks, {name}')).toBe('Thanks, {name}');
  });

  it('reads them back exactly', () => {
    const back = csvToDrafts(templatesToCsv(DANGEROUS.map((b) => tpl('T', b)))).map((r) => r.draft.body);
    expect(back).toEqual(DANGEROUS);
  });

  it('keeps a person’s own leading apostrophe in a hand-written file', () => {
    const [row] = csvToDrafts(`${HEADER}\r\nT,'tis the season,,en,\r\n`);
    expect(row?.draft.body).toBe("'tis the season");
  });

  it('round-trips any body exactly (property)', () => {
    const start = fc.constantFrom('', '=', '+', '-', '@', '\t', "'", "''", "'=", ' ');
    const body = fc
      .tuple(start, fc.string({ maxLength: 40 }))
      .map(([a, b]) => (a + b).replace(/\r/g, ''))
      .filter((b) => b.length > 0);
    fc.assert(
      fc.property(body, (b) => {
        const [row] = csvToDrafts(templatesToCsv([tpl('T', b)]));
        expect(row?.draft.body).toBe(b);
      }),
      { numRuns: 500 },
    );
  });
});
