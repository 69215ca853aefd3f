// The largest JSON backup Reply Radar accepts: 2,000 templates and as many comment states as fit under the 10 MB
// limit. Shared by the import bench (fake-indexeddb) and the options-page measurement in Chromium.
import { DEFAULT_SETTINGS } from '../../utils/core/settings';
import { MAX_IMPORT_BYTES } from '../../utils/storage/import-export';

export function exportFile(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    format: 'reply-radar',
    formatVersion: 2,
    exportedAt: '2024-05-01T10:00:00.000Z',
    templates: [],
    settings: DEFAULT_SETTINGS,
    commentStates: [],
    ...extra,
  };
}

/** As many comment states as fit under the 10 MB limit, plus 2,000 templates: the largest file accepted. */
export function largestImportFile(): string {
  return largestImportText({ settings: DEFAULT_SETTINGS, maxBytes: MAX_IMPORT_BYTES });
}

/**
 * largestImportFile's text from the settings and the limit, self-contained (no imports, no closures) so a browser
 * can run it in a page too: the Firefox import bench makes the file there instead of sending 10 MB over WebDriver
 * BiDi, whose remote agent is slow with such arguments.
 */
export function largestImportText({ settings, maxBytes }: { settings: unknown; maxBytes: number }): string {
  const templates = Array.from({ length: 2000 }, (_, i) => ({
    id: `t${i}`,
    title: `Template ${i}`,
    body: `Thank you {first_name}, template ${i}. `.repeat(8),
    language: 'en',
    tags: ['a'],
    shortcut: `s${i}`,
    order: i,
    createdAt: 1,
    updatedAt: 1,
    useCount: 0,
  }));
  const states: unknown[] = [];
  for (let n = 200_000; ; n -= 10_000) {
    states.length = 0;
    for (let i = 0; i < n; i++)
      states.push({ key: `x:18${String(i).padStart(17, '0')}`, state: 'done', at: 1_700_000_000_000 });
    const text = JSON.stringify({
      format: 'reply-radar',
      formatVersion: 2,
      exportedAt: '2024-05-01T10:00:00.000Z',
      templates,
      settings,
      commentStates: states,
    });
    if (text.length < maxBytes) return text;
  }
}
