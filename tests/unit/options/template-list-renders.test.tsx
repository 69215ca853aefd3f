// The template list draws again only what changed: a settings change (typed on the page, or the file's settings after
// a replace import) draws no template row, at 20 templates and at 200; a reload of the same list draws none either.
// Counted, never timed: each drawing of a TemplateRow is seen by Preact's `diffed` hook.
import { options, render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { keepUnchanged, sameTemplate } from '../../../components/options/TemplateList';
import { TemplateRow } from '../../../components/options/TemplateRow';
import { TemplatesSection } from '../../../components/options/TemplatesSection';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/core/settings';
import type { Template } from '../../../utils/core/template';
import { openRadarDb } from '../../../utils/storage/db';
import { bumpTemplatesRevision } from '../../../utils/storage/revisions';
import { writeSettings } from '../../../utils/storage/settings';
import { writeTemplates } from '../../../utils/storage/template-store';
import { seedStarterTemplates } from '../../../utils/storage/templates';
import { mount, settle, type, waitFor } from './harness';

function template(i: number): Template {
  return {
    id: `t${i}`,
    title: `Template ${i}`,
    body: `Thank you {first_name}, template ${i}.`,
    language: 'en',
    tags: ['a'],
    shortcut: `s${i}`,
    order: i,
    createdAt: 1,
    updatedAt: 1,
    useCount: 0,
  };
}

/** `count` templates, written in one transaction (as an import leaves them). */
async function library(count: number): Promise<void> {
  await seedStarterTemplates({ starters: [] });
  const db = await openRadarDb();
  const tx = db.transaction(['templateChunks', 'quarantine'], 'readwrite');
  await writeTemplates(tx, new Map(Array.from({ length: count }, (_, i) => [template(i).id, template(i)])));
  await tx.done;
}

let rowRenders = 0;
let previousDiffed: typeof options.diffed;
beforeEach(() => {
  rowRenders = 0;
  previousDiffed = options.diffed;
  options.diffed = (vnode: VNode) => {
    if (vnode.type === TemplateRow) rowRenders++;
    previousDiffed?.(vnode);
  };
});
afterEach(() => {
  options.diffed = previousDiffed;
});

const rows = (root: HTMLElement) => root.querySelectorAll('[data-testid="template-row"]').length;

describe('Template list drawing', { timeout: 60_000 }, () => {
  for (const size of [20, 200]) {
    it(`draws each of ${size} rows once, then none when a setting is typed or the settings are replaced`, async () => {
      await library(size);
      const root = await mount(<OptionsApp saveDelayMs={0} toastMs={0} />);
      await waitFor(() => rows(root) === size && root.querySelector('#targets'), 'the list and the settings');
      await settle();
      // Drawn once each when the list arrived (the first frame showed "Loading").
      expect(rowRenders).toBe(size);

      rowRenders = 0;
      await type(root.querySelector('[name="agentName"]'), 'Dana');
      await settle();
      expect(rowRenders).toBe(0);

      // Another tab (or a replace import) writes different settings: the page takes them, no row draws again.
      const next: Settings = { ...DEFAULT_SETTINGS, agentName: 'Robin', language: 'en', expandTrigger: ';' };
      await writeSettings(next);
      await waitFor(
        () => (root.querySelector('[name="agentName"]') as HTMLInputElement | null)?.value === 'Robin',
        'the new settings',
      );
      await settle();
      expect(rowRenders).toBe(0);

      // The same list read again (an import that rewrote the templates as they were): no row draws again.
      await bumpTemplatesRevision();
      await settle();
      await settle();
      expect(rowRenders).toBe(0);
      expect(rows(root)).toBe(size);
    });
  }

  it('draws only the nine Alt+N rows when the slot chords change, at 20 and at 200 templates', async () => {
    for (const size of [20, 200]) {
      await library(size);
      const shortcuts = DEFAULT_SETTINGS.shortcuts;
      const root = await mount(<TemplatesSection toastMs={0} shortcuts={shortcuts} />);
      await waitFor(() => rows(root) === size, 'the list');
      rowRenders = 0;
      // Same values in a new object (every settings change makes one): nothing to draw.
      const parent = root;
      await act(() => render(<TemplatesSection toastMs={0} shortcuts={structuredClone(shortcuts)} />, parent));
      expect(rowRenders).toBe(0);
      const rebound = {
        ...structuredClone(shortcuts),
        template3: { code: 'KeyQ', alt: true, ctrl: false, shift: false, meta: false },
      };
      await act(() => render(<TemplatesSection toastMs={0} shortcuts={rebound} agentName="Kim" />, parent));
      // The slot chords are one array: all nine slot rows take the new one, the rest stay as drawn.
      expect(rowRenders).toBe(9);
      expect(parent.textContent).toContain('Alt+Q');
      await act(() => render(null, parent));
    }
  });
});

describe('keepUnchanged', () => {
  it('keeps the shown objects (and the shown array when nothing changed)', () => {
    const shown = [template(0), template(1), template(2)];
    const again = shown.map((t) => structuredClone(t));
    expect(keepUnchanged(shown, again)).toBe(shown);
    const edited = [again[0]!, { ...again[1]!, tags: ['b'] }, again[2]!];
    const kept = keepUnchanged(shown, edited);
    expect(kept).not.toBe(shown);
    expect(kept[0]).toBe(shown[0]);
    expect(kept[1]).toBe(edited[1]);
    expect(kept[2]).toBe(shown[2]);
    // A new order is a new array of the same objects.
    const reordered = keepUnchanged(shown, [again[2]!, again[0]!, again[1]!]);
    expect(reordered).toEqual([shown[2], shown[0], shown[1]]);
    expect(reordered[0]).toBe(shown[2]);
  });

  it('tells templates apart by any field, tags item by item, and a field present in one only', () => {
    const a = template(0);
    expect(sameTemplate(a, structuredClone(a))).toBe(true);
    expect(sameTemplate(a, { ...a, useCount: 1 })).toBe(false);
    expect(sameTemplate(a, { ...a, tags: ['a', 'b'] })).toBe(false);
    expect(sameTemplate(a, { ...a, lastUsedAt: 5 })).toBe(false);
    const { shortcut: _s, ...withoutShortcut } = a;
    expect(sameTemplate(a, { ...withoutShortcut, lastUsedAt: 5 } as Template)).toBe(false);
  });
});
