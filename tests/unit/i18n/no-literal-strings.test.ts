// UI components show words only through the locale files (t / tn): a word written inline would stay English in
// every language. A reviewed exception carries `// i18n-ignore: why` on its line or the line above.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralStrings, looksLikeWords } from './literal-strings';

const repo = join(import.meta.dirname, '../../..');
/** Components still being moved to the locale files; this list only shrinks. */
const NOT_YET: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(repo, join(e.parentPath, e.name)))
    .filter((f) => !/(^|\/)styles\.ts$/.test(f));
}

describe('no literal strings in UI components', () => {
  const files = sourceFiles('components').filter((f) => !NOT_YET.some((prefix) => f.startsWith(prefix)));

  it('finds the components', () => {
    expect(sourceFiles('components').length).toBeGreaterThan(10);
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

  it('lets codes, class lists and brand names through', () => {
    for (const text of ['rr-button rr-button--primary', 'KeyJ', 'Facebook', 'input, textarea', 'x:123'])
      expect(looksLikeWords(text), text).toBe(false);
    for (const text of ['Saved', 'Open options', 'Várakozik', 'অপেক্ষায়']) expect(looksLikeWords(text), text).toBe(true);
  });
});
