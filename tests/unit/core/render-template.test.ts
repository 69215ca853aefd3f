import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comment, Post } from '../../../utils/core/model';
import {
  buildTemplateVars,
  renderTemplate,
  TEMPLATE_VARIABLES,
  type TemplateVars,
  templateVariablesUsed,
  validateTemplateBody,
} from '../../../utils/core/render-template';

const VARS: TemplateVars = {
  first_name: 'Anna',
  name: 'Anna Smith',
  handle: '@annas',
  brand: 'Acme',
  agent: 'Bea',
  platform: 'X',
  post_url: 'https://x.com/acme/status/1',
};

describe('renderTemplate', () => {
  it.each([
    ['Hi {first_name}, thanks!', 'Hi Anna, thanks!'],
    ['{name} ({handle}) on {platform}', 'Anna Smith (@annas) on X'],
    ['– {agent}, {brand}', '– Bea, Acme'],
    ['See {post_url}', 'See https://x.com/acme/status/1'],
    ['Hi { first_name }!', 'Hi Anna!'],
    ['no variables at all', 'no variables at all'],
    ['', ''],
    ['Szia {first_name}! 🙂\n\nÜdv,\n{agent}', 'Szia Anna! 🙂\n\nÜdv,\nBea'],
  ])('%j → %j', (body, text) => {
    expect(renderTemplate(body, VARS)).toEqual({ text, cursor: text.length, unknown: [] });
  });

  it.each([['{ }'], ['{{'], ['}'], ['{'], ['a {} b'], ['{"a": 1}'], ['{first name}'], [':-{)']])(
    'leaves %j as written',
    (body) => {
      expect(renderTemplate(body, VARS)).toEqual({ text: body, cursor: body.length, unknown: [] });
    },
  );

  it('fills the inner variable of doubled braces and keeps the outer ones', () => {
    expect(renderTemplate('{{first_name}}', VARS).text).toBe('{Anna}');
  });

  it('keeps unknown variables visible and reports each once, in order', () => {
    expect(renderTemplate('Hi {First_Name} {foo} {first_name} {foo} {keresztnév}', VARS)).toEqual({
      text: 'Hi {First_Name} {foo} Anna {foo} {keresztnév}',
      cursor: 45,
      unknown: ['First_Name', 'foo', 'keresztnév'],
    });
  });

  it('places the caret at the first {cursor} and removes every {cursor}', () => {
    expect(renderTemplate('Hi {first_name}, {cursor}. Bye{cursor}!', VARS)).toEqual({
      text: 'Hi Anna, . Bye!',
      cursor: 9,
      unknown: [],
    });
  });

  it('counts the caret in UTF-16 units', () => {
    const r = renderTemplate('👋 {first_name} {cursor}🙂', VARS);
    expect(r.text).toBe('👋 Anna 🙂');
    expect(r.cursor).toBe(8);
    expect(r.text.slice(r.cursor)).toBe('🙂');
  });

  it.each([
    ['Hi {first_name}, thanks!', 'Hi, thanks!'],
    ['Hi {first_name}!', 'Hi!'],
    ['Thanks {agent}', 'Thanks'],
    ['Thanks {agent} and bye', 'Thanks and bye'],
    ['{agent} here', 'here'],
    ['Thanks!\n{agent} from {brand}', 'Thanks!\nfrom'],
    ['Thanks! – {agent}', 'Thanks! –'],
    ['({agent})', '()'],
    ['Sorry to hear that, {first_name}. We will help', 'Sorry to hear that. We will help'],
    ['Thanks for sharing, {first_name}!', 'Thanks for sharing!'],
    ['Your honest take, {first_name}: what', 'Your honest take: what'],
    ['Thanks, {agent}', 'Thanks'],
    ['Thanks, {agent} and bye', 'Thanks, and bye'],
  ])('an empty value leaves no stray space: %j → %j', (body, text) => {
    const empty: TemplateVars = { ...VARS, first_name: '', agent: '', brand: '' };
    expect(renderTemplate(body, empty).text).toBe(text);
  });

  it('keeps the caret inside the text when an empty value removes a space', () => {
    const r = renderTemplate('Hi {cursor}{first_name}, x', { ...VARS, first_name: '' });
    expect(r).toEqual({ text: 'Hi, x', cursor: 2, unknown: [] });
  });

  it('inserts values literally, never expanding braces that come from page text', () => {
    const r = renderTemplate('Hi {name}!', { ...VARS, name: 'Eve {cursor}{post_url}{foo}' });
    expect(r).toEqual({ text: 'Hi Eve {cursor}{post_url}{foo}!', cursor: 31, unknown: [] });
  });

  it('never throws and keeps the caret within the text', () => {
    const pieces = [
      ...TEMPLATE_VARIABLES.map((v) => `{${v}}`),
      '{foo}',
      '{',
      '}',
      ' ',
      '\n',
      'a',
      '🙂',
      ',',
      '{ cursor }',
    ];
    const value = fc.oneof(fc.constant(''), fc.string({ maxLength: 8 }));
    const vars = fc.record<TemplateVars>({
      first_name: value,
      name: value,
      handle: value,
      brand: value,
      agent: value,
      platform: value,
      post_url: value,
    });
    const body = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(body, vars, (b, v) => {
        const r = renderTemplate(b, v);
        expect(Number.isInteger(r.cursor)).toBe(true);
        expect(r.cursor).toBeGreaterThanOrEqual(0);
        expect(r.cursor).toBeLessThanOrEqual(r.text.length);
        if (!b.includes('{')) expect(r).toEqual({ text: b, cursor: b.length, unknown: [] });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('optional parts: {variable? text}', () => {
  const noAgent = { ...VARS, agent: '' };

  it('keeps the part, its variables filled, when the variable has a value', () => {
    expect(renderTemplate('We will update you here.{agent? – {agent}}', VARS).text).toBe(
      'We will update you here. – Bea',
    );
  });

  it('drops the part with its punctuation when the variable is empty', () => {
    expect(renderTemplate('We will update you here.{agent? – {agent}}', noAgent).text).toBe('We will update you here.');
    expect(renderTemplate('Hi {first_name}{agent?, this is {agent}}!', noAgent).text).toBe('Hi Anna!');
  });

  it('keeps the caret of a {cursor} outside the part', () => {
    const r = renderTemplate('Hello {cursor}.{agent? – {agent}}', noAgent);
    expect(r).toEqual({ text: 'Hello .', cursor: 6, unknown: [] });
  });

  it('reports an unknown name and keeps the part visible', () => {
    const r = renderTemplate('Bye{agnet? – {agent}}', VARS);
    expect(r.unknown).toEqual(['agnet']);
    expect(r.text).toBe('Bye{agnet? – Bea}');
    expect(validateTemplateBody('Bye{agnet? – {agent}}').unknown).toEqual(['agnet']);
  });

  it('never expands a value a second time', () => {
    const sneaky = { ...VARS, agent: '{agent? x}{brand}' };
    expect(renderTemplate('{agent? – {agent}}', sneaky).text).toBe(' – {agent? x}{brand}');
  });
});

describe('templateVariablesUsed / validateTemplateBody', () => {
  const body = 'Hi {first_name} {cursor} {Foo} {first_name} {bar} { }';
  it('lists every variable once, in order', () => {
    expect(templateVariablesUsed(body)).toEqual(['first_name', 'cursor', 'Foo', 'bar']);
  });
  it('flags only the unknown ones', () => {
    expect(validateTemplateBody(body)).toEqual({ unknown: ['Foo', 'bar'] });
    expect(validateTemplateBody('Hi {first_name}{cursor}')).toEqual({ unknown: [] });
  });
});

describe('buildTemplateVars', () => {
  const author = (handle: string, displayName: string) => ({ handle, displayName, profileUrl: '' });
  const post = (platform: Post['platform']): Post => ({
    platform,
    id: 'p1',
    url: `https://example.test/${platform}/p1`,
    author: author('acme', 'Acme'),
  });
  const comment = (platform: Comment['platform'], handle: string, displayName: string, lang?: string): Comment => ({
    platform,
    id: 'c1',
    postId: 'p1',
    threadKey: 'c1',
    author: author(handle, displayName),
    text: 'hello',
    lang,
    postedAt: 0,
    postedAtPrecision: 'exact',
    permalink: '',
    order: 0,
  });

  it('fills every variable for X', () => {
    expect(
      buildTemplateVars({
        comment: comment('x', 'annas', 'Anna Smith 🌸'),
        post: post('x'),
        brandName: ' Acme ',
        agentName: 'Bea',
      }),
    ).toEqual({
      first_name: 'Anna',
      name: 'Anna Smith 🌸',
      handle: '@annas',
      brand: 'Acme',
      agent: 'Bea',
      platform: 'X',
      post_url: 'https://example.test/x/p1',
    });
  });

  it('uses "@" on Instagram and no "@" on Facebook', () => {
    const ig = buildTemplateVars({
      comment: comment('instagram', 'Anna.S', 'Anna'),
      post: post('instagram'),
      brandName: 'Acme',
      agentName: '',
    });
    expect([ig.handle, ig.platform]).toEqual(['@anna.s', 'Instagram']);
    const fb = buildTemplateVars({
      comment: comment('facebook', 'anna.smith', 'Anna Smith'),
      post: post('facebook'),
      brandName: 'Acme',
      agentName: '',
    });
    expect([fb.handle, fb.platform]).toEqual(['anna.smith', 'Facebook']);
  });

  it('gives no handle for a Facebook numeric profile id', () => {
    const fb = buildTemplateVars({
      comment: comment('facebook', 'profile.php?id=100012345', 'Kovács Anna'),
      post: post('facebook'),
      brandName: 'Acme',
      agentName: '',
    });
    expect(fb.handle).toBe('');
  });

  it('reads the first name with the comment language and the UI language', () => {
    const hu = buildTemplateVars({
      comment: comment('facebook', 'x', 'Tóth Bence', 'hu'),
      post: post('facebook'),
      brandName: 'Acme',
      agentName: '',
    });
    expect(hu.first_name).toBe('Bence');
    const km = buildTemplateVars({
      comment: comment('facebook', 'x', 'Sok Dara'),
      post: post('facebook'),
      brandName: 'Acme',
      agentName: '',
      uiLang: 'km',
    });
    expect(km.first_name).toBe('Dara');
  });

  it('falls back to the handle when the display name is empty', () => {
    const v = buildTemplateVars({
      comment: comment('x', 'annas', '  '),
      post: post('x'),
      brandName: 'Acme',
      agentName: '',
    });
    expect([v.first_name, v.name]).toEqual(['@annas', '@annas']);
  });

  it('renders a real reply end to end', () => {
    const vars = buildTemplateVars({
      comment: comment('facebook', 'x', 'Nguyễn Văn An', 'vi'),
      post: post('facebook'),
      brandName: 'Acme',
      agentName: '',
    });
    expect(renderTemplate('Chào {first_name}, {cursor}\n– {agent}', vars)).toEqual({
      text: 'Chào An, \n–',
      cursor: 9,
      unknown: [],
    });
  });
});
