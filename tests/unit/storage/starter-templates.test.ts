import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { renderTemplate, type TemplateVars } from '../../../utils/core/render-template';
import { TemplateDraftSchema } from '../../../utils/core/template';
import { STARTER_TEMPLATES } from '../../../utils/storage/starter-templates';

const LANGUAGES = ['en', 'hu', 'bn', 'km'];
// One tag that marks each category the starter set must cover in every language.
const CATEGORY_TAGS = [
  'acknowledge',
  'thanks',
  'feedback',
  'private-message',
  'crisis',
  'tracking',
  'returns',
  'sizing',
];
const KNOWN_VARIABLES = new Set(['first_name', 'name', 'handle', 'brand', 'agent', 'platform', 'post_url', 'cursor']);

// Realistic fillings per language; {cursor} gets a typical sentence an agent would type there.
const FILL: Record<string, Record<string, string>> = {
  en: { first_name: 'Anna', name: 'Anna Kovacs', agent: 'Kata', cursor: 'The blue jacket is back in stock on Friday.' },
  hu: { first_name: 'Anna', name: 'Kovács Anna', agent: 'Kata', cursor: 'A kék kabát péntektől újra kapható.' },
  bn: { first_name: 'তানিয়া', name: 'তানিয়া রহমান', agent: 'রাফি', cursor: 'নীল জ্যাকেটটি শুক্রবার আবার স্টকে আসবে।' },
  km: { first_name: 'សុភា', name: 'សុខ សុភា', agent: 'ដារ៉ា', cursor: 'មានស្តុកវិញថ្ងៃសុក្រ។' },
};
const COMMON_FILL: Record<string, string> = {
  brand: 'Acme',
  handle: 'anna_k',
  platform: 'X',
  post_url: 'https://x.com/acme/status/1790000000000000000',
};

function vars(language: string): TemplateVars {
  const v = { ...COMMON_FILL, ...FILL[language] };
  return {
    first_name: v.first_name ?? '',
    name: v.name ?? '',
    handle: v.handle ?? '',
    brand: v.brand ?? '',
    agent: v.agent ?? '',
    platform: v.platform ?? '',
    post_url: v.post_url ?? '',
  };
}

function variablesIn(body: string): string[] {
  return [...body.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
}

function filled(body: string, language: string, over: Record<string, string> = {}): string {
  const values: Record<string, string> = { ...COMMON_FILL, ...FILL[language], ...over };
  return body
    .replace(/\{(\w+)\?((?:[^{}]|\{[^{}]*\})*)\}/g, (_whole, name: string, inner: string) =>
      values[name] ? inner : '',
    )
    .replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

describe('starter templates', () => {
  it('are all valid template drafts', () => {
    for (const template of STARTER_TEMPLATES) {
      const { key: _key, ...draft } = template;
      expect(TemplateDraftSchema.safeParse(draft).success, template.key).toBe(true);
    }
  });

  it('have unique keys and unique shortcuts across all languages', () => {
    const keys = STARTER_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    const shortcuts = STARTER_TEMPLATES.map((t) => t.shortcut);
    expect(shortcuts.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('cover every category in every language, English first', () => {
    expect(STARTER_TEMPLATES[0]?.language).toBe('en');
    expect([...new Set(STARTER_TEMPLATES.map((t) => t.language))]).toEqual(LANGUAGES);
    for (const language of LANGUAGES) {
      const tags = STARTER_TEMPLATES.filter((t) => t.language === language).flatMap((t) => t.tags);
      for (const category of CATEGORY_TAGS) expect(tags, `${language} lacks ${category}`).toContain(category);
    }
  });

  it('carry the label names that label-based suggestions look for', () => {
    const tagged = (label: string) => STARTER_TEMPLATES.filter((t) => t.tags.includes(label));
    for (const language of LANGUAGES) {
      for (const label of ['question', 'complaint', 'order']) {
        expect(
          tagged(label).some((t) => t.language === language),
          `${language} has no ${label}`,
        ).toBe(true);
      }
    }
  });

  it('use only known variables, and name the customer in most replies', () => {
    for (const template of STARTER_TEMPLATES) {
      for (const name of variablesIn(template.body)) {
        expect(KNOWN_VARIABLES.has(name), `${template.key}: {${name}}`).toBe(true);
      }
    }
    const named = STARTER_TEMPLATES.filter((t) => variablesIn(t.body).includes('first_name'));
    expect(named.length).toBeGreaterThan(STARTER_TEMPLATES.length / 2);
    for (const language of LANGUAGES) {
      const withCursor = STARTER_TEMPLATES.filter(
        (t) => t.language === language && variablesIn(t.body).includes('cursor'),
      );
      expect(withCursor.length, language).toBeGreaterThanOrEqual(3);
    }
  });

  it('fit in one X reply once filled in', () => {
    for (const template of STARTER_TEMPLATES) {
      const text = filled(template.body, template.language);
      expect(text, template.key).not.toMatch(/\{[^{}]*\}/);
      expect(twitter.parseTweet(text).weightedLength, template.key).toBeLessThanOrEqual(280);
    }
  });

  it('leave no stray punctuation when no agent name is set', () => {
    for (const template of STARTER_TEMPLATES) {
      // The agent types at {cursor}; here it gets a typical sentence, so only the agent is missing.
      const body = template.body.replace('{cursor}', FILL[template.language]?.cursor ?? '');
      const text = renderTemplate(body, { ...vars(template.language), agent: '' }).text;
      expect(text, template.key).not.toMatch(/[–-]\s*$|\s[.,–]\s*$|\s{2,}/u);
    }
  });

  it('are plain text without HTML-like tags', () => {
    for (const template of STARTER_TEMPLATES) {
      expect(template.body, template.key).not.toMatch(/<\/?[a-z][^>]*>/i);
    }
  });
});
