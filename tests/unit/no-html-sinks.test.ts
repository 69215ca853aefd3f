// Page text is only ever text. Any way of turning a string into markup is forbidden in the source, so a comment, a
// name or a template can never become HTML in our UI or in the site's reply box. (Biome has no rule for all of
// these sinks; this scan is the lint check.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..');
const SOURCE_DIRS = ['components', 'entrypoints', 'utils', 'tests/e2e/fixtures/src'];
const SINKS =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment)\b|document\.write(ln)?\s*\(|\bsrcdoc\b/;

function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|js|mjs)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name)),
  );
}

/** Each line of `text` that uses an HTML sink, as "path:line: code". */
function findHtmlSinks(path: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => SINKS.test(line))
    .map(({ line, i }) => `${path}:${i + 1}: ${line.trim()}`);
}

describe('HTML sinks', () => {
  it('none in the source: page text is only ever text', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => findHtmlSinks(relative(repo, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan finds each sink (so the check above can fail)', () => {
    const samples = [
      'el.innerHTML = comment.text;',
      'el.outerHTML = x;',
      "host.insertAdjacentHTML('beforeend', name);",
      'document.write(body);',
      '<div dangerouslySetInnerHTML={{ __html: t }} />',
      'range.createContextualFragment(s)',
      'frame.srcdoc = s;',
    ];
    for (const sample of samples) expect(findHtmlSinks('x.ts', sample), sample).toHaveLength(1);
    expect(findHtmlSinks('x.ts', 'el.textContent = comment.text;')).toEqual([]);
  });
});
