// Words a person reads come only from the locale files (t / tn): a word written inline would stay English in every
// language. Checked in every file of the extension's code — components, entrypoints (pages, background, content
// scripts) and utils (overlay, i18n, insertion, messaging, storage, core) — except the files below, whose strings
// are what Reply Radar reads, not what it says. A reviewed exception carries `// i18n-ignore: why` on its line or the
// line above, or sits between `// i18n-ignore-start: why` and `// i18n-ignore-end`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralStrings, looksLikeWords } from './literal-strings';

const repo = join(import.meta.dirname, '../../..');
const ROOTS = ['components', 'entrypoints', 'utils'];

/** Files (or folders, ending in /) of data for reading pages and texts, never shown as the interface's words. */
const READING_DATA: Record<string, string> = {
  'utils/sites/':
    "the site adapters: selectors and the sites' own words; their problems are checked by problems-language",
  'utils/core/labels.ts': 'words that mark a comment as a question, complaint or order, in many languages',
  'utils/core/label-match.ts': 'patterns for matching label words',
  'utils/core/relative-time.ts': 'the sites\' own time words ("5 min", "5 perce") in many languages',
  'utils/core/relative-time-words.ts': "the sites' own time words, sent to the content scripts by the background",
  'utils/core/time-text.ts': "normalising the sites' time texts",
  'utils/core/x-tlds.ts': 'top-level domains, to read links in posts',
  'utils/core/x-links.ts': "patterns of X's links",
  'utils/core/name-lists.ts': "first names, surnames and titles, to read a commenter's first name",
  'utils/core/names.ts': 'name particles, to read a first name',
  'utils/core/mention.ts': 'the @mention pattern',
  'utils/core/detect-language.ts': "marker words of each language, to guess a comment's language",
  'utils/storage/starter-templates.ts': 'starter templates: content written in each language, one set per language',
};
/** Components still being moved to the locale files; this list only shrinks. */
const NOT_YET: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(repo, join(e.parentPath, e.name)))
    .filter((f) => !/(^|\/)styles\.ts$/.test(f));
}

const excluded = (file: string) =>
  Object.keys(READING_DATA).some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry)) ||
  NOT_YET.some((prefix) => file.startsWith(prefix));

describe('no literal strings in the extension’s code', () => {
  const files = ROOTS.flatMap(sourceFiles).filter((f) => !excluded(f));

  it('finds the code that builds the interface', () => {
    expect(sourceFiles('components').length).toBeGreaterThan(10);
    for (const dir of ['entrypoints/options', 'entrypoints/popup', 'utils/overlay', 'utils/i18n', 'utils/storage'])
      expect(
        files.some((f) => f.startsWith(`${dir}/`)),
        dir,
      ).toBe(true);
  });

  it('leaves out only files that exist, each for a stated reason', () => {
    for (const [entry, why] of Object.entries(READING_DATA)) {
      expect(existsSync(join(repo, entry)), entry).toBe(true);
      expect(why.length, entry).toBeGreaterThan(10);
    }
  });

  it.each(files)('%s', (file) => {
    const findings = findLiteralStrings(file, readFileSync(join(repo, file), 'utf8'));
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('would catch JSX text, text attributes and prose in expressions', () => {
    const found = findLiteralStrings(
      'probe.tsx',
      `export const A = () => <p title="Close the panel" class="rr-x">Saved {ok ? 'Not saved' : name}</p>;`,
    ).map((f) => f.text);
    expect(found).toEqual(['Close the panel', 'Saved', 'Not saved']);
  });

  it('would catch prose outside components: lowercase sentences, a page title, a label built in a module', () => {
    const found = findLiteralStrings(
      'probe.ts',
      `document.title = 'Reply Radar options';
       export const hint = \`could not save \${name}\`;
       const why = { reason: 'The box is gone', say: { key: 'insert_box_gone' } };
       console.warn('Logged, not shown');
       throw new Error('For logs only');`,
    ).map((f) => f.text);
    expect(found).toEqual(['Reply Radar options', 'could not save']);
  });

  it('lets codes, class lists and brand names through', () => {
    for (const text of [
      'rr-button rr-button--primary',
      'KeyJ',
      'Facebook',
      'input, textarea',
      'x:123',
      '{agent}',
      'position:fixed;right:16px;',
      '[data-rr-state="unanswered"] { outline: 1px solid red !important; }',
    ])
      expect(looksLikeWords(text), text).toBe(false);
    for (const text of ['Saved', 'Open options', 'Várakozik', 'অপেক্ষায়']) expect(looksLikeWords(text), text).toBe(true);
  });
});
