// A refused import tells the user, in the interface language, where the problem is (line and column of a CSV,
// "template 3, title" of a backup) and what is wrong, and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../utils/core/settings';
import { applyLanguageSetting } from '../../../utils/i18n';
import { errorText } from '../../../utils/i18n/user-text';
import { csvToDrafts, parseCsv } from '../../../utils/storage/csv';
import { importJson, importTemplatesCsv, parseExportFile } from '../../../utils/storage/import-export';
import { placeText } from '../../../utils/storage/issue-text';
import { createTemplate, listTemplates, seedStarterTemplates } from '../../../utils/storage/templates';

const HEADER = 'title,body,shortcut,language,tags';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}

/** The error's text in each interface language, English first. */
async function inEachLanguage(err: unknown): Promise<Record<'en' | 'hu' | 'bn' | 'km', string>> {
  const out = {} as Record<'en' | 'hu' | 'bn' | 'km', string>;
  for (const locale of ['en', 'hu', 'bn', 'km'] as const) {
    await applyLanguageSetting(locale);
    out[locale] = errorText(err);
  }
  return out;
}

function backup(templates: unknown[]): string {
  const template = (i: number) => ({
    id: `t${i}`,
    title: `T${i}`,
    body: 'Hello',
    language: 'en',
    tags: [],
    order: i,
    createdAt: 1,
    updatedAt: 1,
    useCount: 0,
  });
  return JSON.stringify({
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2026-01-01T00:00:00.000Z',
    templates: templates.map((t, i) => ({ ...template(i), ...(t as object) })),
    settings: DEFAULT_SETTINGS,
    commentStates: [],
  });
}

afterEach(async () => {
  await applyLanguageSetting('auto');
});

describe('a field path in the user’s words', () => {
  it('names a backup’s list item by its place, then the field', async () => {
    await applyLanguageSetting('en');
    const { renderText } = await import('../../../utils/i18n/user-text');
    const say = (path: Array<string | number>, line?: number) =>
      renderText(placeText(path, line === undefined ? {} : { line }) ?? { key: 'nothing' });
    expect(say(['templates', 2, 'title'])).toBe('template 3, title');
    expect(say(['templates', 0, 'tags', 4])).toBe('template 1, tags, item 5');
    expect(say(['commentStates', 9, 'until'])).toBe('comment state 10, field “until”');
    expect(say(['settings', 'targets', 'warnMinutes'])).toBe('settings, response targets, warn after (minutes)');
    expect(say(['title'], 4)).toBe('line 4, column “title”');
    expect(placeText([])).toBeNull();
  });
});

describe('CSV import errors', () => {
  it('a missing title names the line and column in every language', async () => {
    const err = thrown(() => csvToDrafts(`${HEADER}\nThanks,Thank you!,,en,\n,Body only,,en,\n`));
    expect(await inEachLanguage(err)).toEqual({
      en: 'line 3, column “title”: is missing',
      hu: '3. sor, „title” oszlop: hiányzik',
      bn: 'লাইন ৩, “title” কলাম: নেই',
      km: 'បន្ទាត់ទី 3 ជួរឈរ «title»៖ ខ្វះ',
    });
  });

  it('a too-long title names its line and the limit, digits as the language writes them', async () => {
    const err = thrown(() => csvToDrafts(`${HEADER}\n${'x'.repeat(201)},Body,,en,\n`));
    const texts = await inEachLanguage(err);
    expect(texts.en).toBe('line 2, column “title”: is longer than 200 characters');
    expect(texts.hu).toBe('2. sor, „title” oszlop: hosszabb 200 karakternél');
    expect(texts.bn).toBe('লাইন ২, “title” কলাম: ২০০ অক্ষরের চেয়ে বড়');
  });

  it('a row with the wrong number of cells, an open quote, a stray quote, a bad header', async () => {
    const cells = thrown(() => csvToDrafts(`${HEADER}\nOnly,two\n`));
    expect((await inEachLanguage(cells)).en).toBe('line 2: 2 columns, expected 5');
    const open = thrown(() => parseCsv('a,b\n"open,c\nd,e\n'));
    expect((await inEachLanguage(open)).hu).toBe(
      '2. sor: egy idézőjeles mező nincs lezárva (hiányzik a záró idézőjel)',
    );
    const stray = thrown(() => parseCsv('"a"b,c\n'));
    expect((await inEachLanguage(stray)).en).toBe(
      'line 1: unexpected “b” after a closing quote (write two quotes for a quote inside a field)',
    );
    const header = thrown(() => csvToDrafts('name,text\nA,B\n'));
    expect((await inEachLanguage(header)).en).toBe(
      'line 1: the header must name the columns title, body, shortcut, language, tags (found: name, text)',
    );
  });

  it('a shortcut used twice names both lines, and nothing is imported', async () => {
    await seedStarterTemplates({ starters: [] });
    await createTemplate({ title: 'Mine', body: 'Only here', language: 'en', tags: [] });
    const before = await listTemplates();
    const err = await importTemplatesCsv(`${HEADER}\nA,Body a,ty,en,\nB,Body b,ty,en,\n`, { mode: 'merge' }).catch(
      (e: unknown) => e,
    );
    const texts = await inEachLanguage(err);
    expect(texts.en).toBe('line 3, column “shortcut”: the shortcut “ty” is also used on line 2');
    expect(texts.hu).toBe('3. sor, „shortcut” oszlop: a(z) „ty” rövidítés a(z) 2. sorban is szerepel');
    expect(await listTemplates()).toEqual(before);
  });
});

describe('JSON import errors', () => {
  it('a template’s missing title reads “template 3, title: is missing” in the user’s language', async () => {
    const err = thrown(() => parseExportFile(backup([{}, {}, { title: undefined }])));
    expect(await inEachLanguage(err)).toEqual({
      en: 'template 3, title: is missing',
      hu: '3. sablon, cím: hiányzik',
      bn: 'টেমপ্লেট ৩, শিরোনাম: নেই',
      km: 'គំរូទី 3 ចំណងជើង៖ ខ្វះ',
    });
  });

  it('more problems are counted, with a plural that fits the number', async () => {
    const err = thrown(() => parseExportFile(backup([{ title: 5 }, { body: '' }, { order: 'first' }])));
    await applyLanguageSetting('en');
    expect(errorText(err)).toBe('template 1, title: should be text (and 2 more problems)');
    const one = thrown(() => parseExportFile(backup([{ title: 5 }, { body: '' }])));
    expect(errorText(one)).toBe('template 1, title: should be text (and 1 more problem)');
  });

  it('a duplicated id names both templates', async () => {
    const err = thrown(() => parseExportFile(backup([{ id: 'same' }, {}, { id: 'same' }])));
    expect((await inEachLanguage(err)).en).toBe('template 3, id: “same” is also used by template 1');
  });

  it('not JSON, not ours, an unknown version, an empty file', async () => {
    const texts = async (text: string) => inEachLanguage(thrown(() => parseExportFile(text)));
    expect((await texts('{\n  "a": 1,\n  oops\n}')).en).toMatch(/^The file is not valid JSON/);
    expect((await texts('{"hello":"world"}')).hu).toBe(
      'Ez nem Reply Radar-export (a „format” értéke nem „reply-radar”).',
    );
    expect((await texts('{"format":"reply-radar","formatVersion":9}')).en).toBe(
      'This export’s format version 9 is not supported (this version of Reply Radar reads 1 to 2).',
    );
    expect((await texts('   ')).bn).toBe('ফাইলটি খালি।');
  });

  it('a forbidden key names where it is', async () => {
    const err = thrown(() =>
      parseExportFile('{"format":"reply-radar","formatVersion":2,"templates":[{"__proto__":{"x":1}}]}'),
    );
    expect((await inEachLanguage(err)).en).toBe('template 1, field “__proto__”: the key “__proto__” is not allowed');
  });

  it('a refused import changes nothing, and says so in the user’s language', async () => {
    await seedStarterTemplates({ starters: [] });
    await createTemplate({ title: 'Mine', body: 'Only here', language: 'en', tags: [] });
    const before = await listTemplates();
    const err = await importJson(backup([{}, { language: '' }]), { mode: 'replace' }).catch((e: unknown) => e);
    expect((await inEachLanguage(err)).hu).toBe('2. sablon, nyelv: rövidebb 2 karakternél');
    expect(await listTemplates()).toEqual(before);
  });
});
