import { describe, expect, it } from 'vitest';
import { commentLanguage } from '../../../utils/core/detect-language';
import type { LabelKind } from '../../../utils/core/settings';
import { MAX_SUGGESTIONS, primaryLanguage, suggestTemplates } from '../../../utils/core/suggest';
import type { Template } from '../../../utils/core/template';

/** Suggestions for a comment as the overlay asks: its language is the site's tag, else detected from its text. */
const suggest = (templates: Template[], c: { lang?: string; text?: string; labels: LabelKind[] }) =>
  suggestTemplates(templates, { language: commentLanguage(c.lang, c.text), labels: c.labels });

let n = 0;
function tpl(id: string, language: string, tags: string[] = [], over: Partial<Template> = {}): Template {
  n += 1;
  return {
    id,
    title: id,
    body: id,
    language,
    tags,
    order: n,
    createdAt: 0,
    updatedAt: 0,
    useCount: 0,
    ...over,
  };
}

describe('suggestTemplates', () => {
  it('ranks same language with matching tags first, then same language, then matching tags only', () => {
    const templates = [
      tpl('hu-generic', 'hu'),
      tpl('en-generic', 'en'),
      tpl('hu-complaint', 'hu', ['complaint']),
      tpl('en-complaint', 'en-GB', ['Complaints']),
    ];
    expect(suggest(templates, { lang: 'en-US', labels: ['complaint'] })).toEqual([
      'en-complaint',
      'en-generic',
      'hu-complaint',
    ]);
  });

  it('prefers templates matching more of the comment’s labels', () => {
    const templates = [tpl('q', 'en', ['question']), tpl('q-order', 'en', ['#order', 'question'])];
    expect(suggest(templates, { lang: 'en', labels: ['question', 'order'] })).toEqual(['q-order', 'q']);
  });

  it('among equals, the most used first, then the user’s order', () => {
    const templates = [
      tpl('c', 'en', [], { order: 3, useCount: 99 }),
      tpl('a', 'en', [], { order: 1 }),
      tpl('b', 'en', [], { order: 2, useCount: 5 }),
      tpl('d', 'en', [], { order: 4 }),
    ];
    expect(suggest(templates, { lang: 'en', labels: [] })).toEqual(['c', 'b', 'a', 'd']);
    expect(suggest([...templates].reverse(), { lang: 'en', labels: [] })).toEqual(['c', 'b', 'a', 'd']);
  });

  it('use never outranks language or labels', () => {
    const templates = [
      tpl('hu-used', 'hu', [], { useCount: 500 }),
      tpl('en-plain', 'en'),
      tpl('en-order', 'en', ['order']),
    ];
    expect(suggest(templates, { lang: 'en', labels: ['order'] })).toEqual(['en-order', 'en-plain']);
  });

  it('a complaint gets apologies and escalations, a question answers, an order the order help', () => {
    const templates = [
      tpl('sorry', 'en', ['apology']),
      tpl('escalate', 'en', ['Escalation']),
      tpl('faq', 'en', ['answers']),
      tpl('track', 'en', ['tracking']),
      tpl('thanks', 'en', ['thanks']),
    ];
    expect(suggest(templates, { labels: ['complaint'] })).toEqual(['sorry', 'escalate']);
    expect(suggest(templates, { labels: ['question'] })).toEqual(['faq']);
    expect(suggest(templates, { labels: ['order'] })).toEqual(['track']);
  });

  it('without a lang from the site, the comment’s text decides the language (en, hu, bn, km)', () => {
    const templates = [tpl('en', 'en'), tpl('hu', 'hu'), tpl('bn', 'bn'), tpl('km', 'km')];
    const first = (text: string, lang?: string) => suggest(templates, { lang, text, labels: [] })[0];
    expect(first('Mikor lesz kapható Budapesten?')).toBe('hu');
    expect(first('when will this be back in stock')).toBe('en');
    expect(first('দাম কত?')).toBe('bn');
    expect(first('តម្លៃប៉ុន្មាន?')).toBe('km');
    // The site's own lang wins over the text.
    expect(first('Mikor lesz kapható Budapesten?', 'en')).toBe('en');
    // Nothing to tell by: no language match, so nothing suggested without labels.
    expect(first('😍😍')).toBeUndefined();
  });

  it('keeps the input order when the user order ties too', () => {
    const templates = [tpl('first', 'en', [], { order: 0 }), tpl('second', 'en', [], { order: 0 })];
    expect(suggest(templates, { lang: 'en', labels: [] })).toEqual(['first', 'second']);
  });

  it('returns at most five', () => {
    const templates = Array.from({ length: 8 }, (_, i) => tpl(`t${i}`, 'en'));
    expect(suggest(templates, { lang: 'en', labels: [] })).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(MAX_SUGGESTIONS).toBe(5);
  });

  it('never suggests trashed templates', () => {
    const templates = [tpl('gone', 'en', ['question'], { deletedAt: 1 }), tpl('here', 'en')];
    expect(suggest(templates, { lang: 'en', labels: ['question'] })).toEqual(['here']);
  });

  it('suggests nothing that neither speaks the language nor fits a label', () => {
    const templates = [tpl('de', 'de'), tpl('fr-order', 'fr', ['order'])];
    expect(suggest(templates, { lang: 'en', labels: ['question'] })).toEqual([]);
  });

  it('goes by labels alone when the comment’s language is unknown or not a language', () => {
    const templates = [tpl('en', 'en'), tpl('en-q', 'en', ['question'])];
    for (const lang of [undefined, 'und', 'zxx', 'qme', 'qht']) {
      expect(suggest(templates, { lang, labels: ['question'] })).toEqual(['en-q']);
      expect(suggest(templates, { lang, labels: [] })).toEqual([]);
    }
  });
});

describe('primaryLanguage', () => {
  it.each([
    ['pt-BR', 'pt'],
    ['EN_us', 'en'],
    ['km', 'km'],
    ['und', null],
    ['qme', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (tag, expected) => {
    expect(primaryLanguage(tag)).toBe(expected);
  });
});
