// A greeting never repeats the @handle the reply box already starts with (Instagram's Reply writes "@user ").
import { describe, expect, it } from 'vitest';
import { mentions, withoutRepeatedHandle } from '../../../utils/core/mention';
import { renderTemplate, type TemplateVars } from '../../../utils/core/render-template';

const vars = (over: Partial<TemplateVars> = {}): TemplateVars => ({
  first_name: 'maria.lopez_',
  name: 'maria.lopez_',
  handle: '@maria.lopez_',
  brand: 'Acme Coffee',
  agent: 'Sam',
  platform: 'Instagram',
  post_url: 'https://www.instagram.com/p/DEMOpost1/',
  ...over,
});

describe('mentions', () => {
  it('finds the handle as a whole mention, in any case', () => {
    expect(mentions('@maria.lopez_ ', 'maria.lopez_')).toBe(true);
    expect(mentions('@Maria.Lopez_ hi', '@maria.lopez_')).toBe(true);
    expect(mentions('@maria.lopez_x ', 'maria.lopez_')).toBe(false);
    expect(mentions('@maria.lopez_.x ', 'maria.lopez_')).toBe(false);
    expect(mentions('hi maria.lopez_', 'maria.lopez_')).toBe(false);
    expect(mentions('', '')).toBe(false);
  });
});

describe('withoutRepeatedHandle', () => {
  const body = 'Hi {first_name}, thanks for flagging this. – {agent}';

  it('drops a greeting that would only repeat the mentioned handle', () => {
    const text = renderTemplate(body, withoutRepeatedHandle(vars(), '@maria.lopez_ ')).text;
    expect(text).toBe('Hi, thanks for flagging this. – Sam');
    expect(renderTemplate('{handle} thanks!', withoutRepeatedHandle(vars(), '@maria.lopez_ ')).text).toBe('thanks!');
  });

  it('keeps a real name, and everything when the box does not mention the commenter', () => {
    const named = withoutRepeatedHandle(vars({ first_name: 'María', name: 'María López' }), '@maria.lopez_ ');
    expect(renderTemplate(body, named).text).toBe('Hi María, thanks for flagging this. – Sam');
    expect(withoutRepeatedHandle(vars(), '')).toEqual(vars());
    expect(withoutRepeatedHandle(vars(), '@jen_k ')).toEqual(vars());
  });
});
