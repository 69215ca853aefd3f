// Fills a saved reply's {variables}. What the user typed is never lost: an unknown {name} stays visible and
// is reported so the editor can flag it, stray braces stay as they are, and values (which come from page
// text, e.g. a commenter's display name) are inserted literally, never expanded again.

import { normalizeHandle } from './keys';
import type { Comment, Platform, Post } from './model';
import { firstNameOf } from './names';

export const TEMPLATE_VARIABLES = [
  'first_name',
  'name',
  'handle',
  'brand',
  'agent',
  'platform',
  'post_url',
  'cursor',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateVars = {
  first_name: string;
  name: string;
  handle: string;
  brand: string;
  agent: string;
  platform: string;
  post_url: string;
};

export type RenderedTemplate = {
  text: string;
  /** UTF-16 offset where the caret lands: at the first {cursor}, else text.length. */
  cursor: number;
  /** Unknown variable names, in order of first use, each once. */
  unknown: string[];
};

// A variable is a name between single braces, spaces inside allowed ("{ first_name }"). Names are exact and
// lower-case: "{First_Name}" is not first_name but an unknown variable the editor reports. Letters of any
// script count, so a translated "{keresztnév}" is reported too instead of passing as plain text.
const VARIABLE = /\{[ \t]*([\p{L}_][\p{L}\p{N}_]*)[ \t]*\}/gu;
// An optional part: "{agent? – {agent}}" keeps " – {agent}" only when agent has a value, so no punctuation is left
// behind without it. Inside it, plain text and {variables} (one level, no nested optional parts).
const OPTIONAL = /\{[ \t]*([\p{L}_][\p{L}\p{N}_]*)\?((?:[^{}]|\{[^{}]*\})*)\}/gu;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);
const PLATFORM_NAMES: Record<Platform, string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' };

/** Keeps or drops each optional part by its variable's value; an unknown name keeps the part as typed. */
function resolveOptionalParts(body: string, vars: TemplateVars, unknown: string[]): string {
  return body.replace(OPTIONAL, (whole, name: string, inner: string) => {
    if (!KNOWN.has(name) || name === 'cursor') {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    return String(vars[name as keyof TemplateVars] ?? '').trim() ? inner : '';
  });
}

/** A sample comment's values, for previews in the template editor. */
// i18n-ignore-start: a sample customer's name and brand, not words of the interface
export const SAMPLE_TEMPLATE_VARS: TemplateVars = {
  first_name: 'Anna',
  name: 'Anna Kovács',
  handle: '@anna',
  brand: 'Acme',
  agent: '',
  platform: 'X',
  post_url: 'https://x.com/acme/status/1',
};
// i18n-ignore-end

export function renderTemplate(body: string, vars: TemplateVars): RenderedTemplate {
  const unknown: string[] = [];
  const source = resolveOptionalParts(typeof body === 'string' ? body : '', vars, unknown);
  let text = '';
  let cursor: number | undefined;
  let skipSpace = false;
  let last = 0;
  for (const m of source.matchAll(VARIABLE)) {
    const start = m.index ?? 0;
    text += skipSpace ? dropLeadingSpace(source.slice(last, start)) : source.slice(last, start);
    skipSpace = false;
    last = start + m[0].length;
    const name = m[1] ?? '';
    if (name === 'cursor') {
      cursor ??= text.length;
      continue;
    }
    if (!KNOWN.has(name)) {
      if (!unknown.includes(name)) unknown.push(name);
      text += m[0];
      continue;
    }
    const value = String(vars[name as keyof TemplateVars] ?? '');
    if (value) {
      text += value;
      continue;
    }
    // An empty value must not leave "Hi , thanks" or a double space behind.
    const next = source.charAt(last);
    const prev = text.charAt(text.length - 1);
    const atLineStart = text.length === 0 || prev === '\n';
    if (prev === ' ' && (next === '' || next === '\n' || next === ' ' || /[,.!?;:…)]/.test(next))) {
      text = text.slice(0, -1);
      // "that, {first_name}." → "that.": the comma that led in to the missing name goes with it.
      if (text.endsWith(',') && (next === '' || next === '\n' || /[.!?;:…)]/.test(next))) text = text.slice(0, -1);
      if (cursor !== undefined && cursor > text.length) cursor = text.length;
    } else if (atLineStart && next === ' ') {
      skipSpace = true;
    }
  }
  text += skipSpace ? dropLeadingSpace(source.slice(last)) : source.slice(last);
  return { text, cursor: Math.min(cursor ?? text.length, text.length), unknown };
}

function dropLeadingSpace(s: string): string {
  return s.startsWith(' ') ? s.slice(1) : s;
}

/** Every variable name a body uses (known or not, {cursor} included), in order of first use, each once. */
export function templateVariablesUsed(body: string): string[] {
  const names: string[] = [];
  const source = typeof body === 'string' ? body : '';
  for (const m of source.matchAll(OPTIONAL)) {
    const name = m[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  for (const m of source.matchAll(VARIABLE)) {
    const name = m[1] ?? '';
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** What the template editor should flag before saving. */
export function validateTemplateBody(body: string): { unknown: string[] } {
  return { unknown: templateVariablesUsed(body).filter((name) => !KNOWN.has(name)) };
}

export type TemplateVarsInput = {
  comment: Comment;
  post: Post;
  brandName: string;
  agentName: string;
  /** The site's UI language; decides name order together with the comment's language. */
  uiLang?: string;
};

export function buildTemplateVars(input: TemplateVarsInput): TemplateVars {
  const { comment, post } = input;
  const displayName = comment.author.displayName.trim();
  const handle = displayHandle(comment.platform, comment.author.handle);
  const firstName = firstNameOf(displayName, { lang: comment.lang, uiLang: input.uiLang });
  return {
    first_name: firstName || displayName || handle,
    name: displayName || handle,
    handle,
    brand: input.brandName.trim(),
    agent: input.agentName.trim(),
    platform: PLATFORM_NAMES[comment.platform],
    post_url: post.url,
  };
}

/**
 * "@acme" on X and Instagram, where people are mentioned by handle. Facebook mentions people by name, and
 * its handles may be a numeric "profile.php?id=…" that nobody should read in a reply: those give ''.
 */
function displayHandle(platform: Platform, handle: string): string {
  const bare = normalizeHandle(handle);
  if (!bare) return '';
  if (platform !== 'facebook') return `@${bare}`;
  return /^[a-z0-9.]+$/.test(bare) && !/^\d+$/.test(bare) ? bare : '';
}
