// The import's checks without zod (quickTemplate, quickState) against the zod schemas they stand for: whatever they
// pass, zod passes as the very same value (so skipping zod changes no verdict and no record), and on the usual shapes
// (no extra fields, text without surrogates) they give zod's verdict exactly, so the import rarely falls back to zod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualStateSchema } from '../../../utils/core/model';
import { TemplateSchema } from '../../../utils/core/template';
import { quickTemplate } from '../../../utils/storage/quick-template';
import { quickState } from '../../../utils/storage/state-chunks';

/** Text of every kind (astral characters, lone surrogates) or of the usual kind, around a limit. */
const textNear = (limit: number, usual: boolean) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: 0, maxLength: 3, unit: usual ? 'grapheme-ascii' : 'binary' }) },
    fc.string({ minLength: Math.max(0, limit - 2), maxLength: limit + 2, unit: usual ? 'grapheme-ascii' : 'binary' }),
    ...(usual ? [] : [fc.constantFrom(' a', 'a b', '\u00a0x', '𝒳', '\ud800', 'ab\ud800')]),
  );
const number = fc.oneof(
  fc.integer({ min: -5, max: 1e6 }),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 1, 2 ** 60, -0, 0.5),
);
const anything = fc.oneof(number, fc.string(), fc.constant(null), fc.constant(undefined), fc.array(fc.string()));

function template(usual: boolean) {
  const field = <T>(good: fc.Arbitrary<T>) => (usual ? good : fc.oneof({ weight: 4, arbitrary: good }, anything));
  return fc
    .record(
      {
        id: field(textNear(200, usual)),
        title: field(textNear(200, usual)),
        body: field(textNear(10_000, usual)),
        shortcut: field(textNear(32, usual)),
        language: field(textNear(35, usual)),
        tags: field(fc.array(textNear(64, usual), { maxLength: 52 })),
        order: field(number),
        createdAt: field(number),
        updatedAt: field(number),
        useCount: field(number),
        lastUsedAt: field(number),
        deletedAt: field(number),
        ...(usual ? {} : { extra: anything }),
      },
      {
        requiredKeys: usual
          ? ['id', 'title', 'body', 'language', 'tags', 'order', 'createdAt', 'updatedAt', 'useCount']
          : [],
      },
    )
    .map((t) => t as Record<string, unknown>);
}

describe('quickTemplate against TemplateSchema', () => {
  it('passes only what zod passes, as the same value', () => {
    fc.assert(
      fc.property(template(false), (t) => {
        if (!quickTemplate(t)) return;
        const parsed = TemplateSchema.safeParse(t);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(t);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('gives zod’s verdict on the usual shapes', () => {
    let passed = 0;
    fc.assert(
      fc.property(template(true), (t) => {
        const zod = TemplateSchema.safeParse(t).success;
        expect(quickTemplate(t)).toBe(zod);
        if (zod) passed++;
      }),
      { numRuns: 1000 },
    );
    // Not a vacuous check: many of them are valid templates.
    expect(passed).toBeGreaterThan(20);
  }, 30_000);
});

describe('quickState against ManualStateSchema', () => {
  const state = (usual: boolean) =>
    fc
      .record(
        {
          key: usual ? textNear(200, true) : fc.oneof(textNear(200, false), anything),
          state: usual ? fc.constantFrom('done', 'ignored', 'snoozed') : fc.oneof(fc.string(), anything),
          at: usual ? number : fc.oneof(number, anything),
          until: usual ? number : fc.oneof(number, anything),
          ...(usual ? {} : { extra: anything }),
        },
        { requiredKeys: usual ? ['key', 'state', 'at'] : [] },
      )
      .map((s) => s as Record<string, unknown>);

  it('passes only what zod passes, as the same value', () => {
    fc.assert(
      fc.property(state(false), (s) => {
        if (!quickState(s)) return;
        const parsed = ManualStateSchema.safeParse(s);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives zod’s verdict on the usual shapes (a done or ignored state with an until is zod’s, stripped)', () => {
    fc.assert(
      fc.property(state(true), (s) => {
        const extraUntil = s.state !== 'snoozed' && 'until' in s;
        if (extraUntil) return;
        expect(quickState(s)).toBe(ManualStateSchema.safeParse(s).success);
      }),
      { numRuns: 3000 },
    );
  });
});
