import { describe, expect, it } from 'vitest';
import { applyLanguageSetting, currentLocale, onLocaleChange, t } from '../../../utils/i18n';
import { matchLocale, resolveLocale } from '../../../utils/i18n/locales';
import {
  catalogFromMessages,
  messagesFromJson,
  type PluralKey,
  translate,
  translatePlural,
} from '../../../utils/i18n/translate';

const waiting = 'waiting' as PluralKey;

describe('resolveLocale', () => {
  it('takes the chosen language over the browser’s', () => {
    expect(resolveLocale('km', ['hu-HU'])).toBe('km');
  });

  it('follows the browser on auto, by primary tag', () => {
    expect(resolveLocale('auto', ['bn-BD', 'en'])).toBe('bn');
    expect(resolveLocale('auto', ['de-DE', 'hu'])).toBe('hu');
    expect(matchLocale('hu_HU')).toBe('hu');
  });

  it('falls back to English (words and numbers) for a language it does not ship', () => {
    expect(resolveLocale('auto', ['de-DE'])).toBe('en');
    expect(resolveLocale('xx', [])).toBe('en');
  });
});

describe('translate', () => {
  const hu = catalogFromMessages('hu', { waiting_one: '{count} komment vár', waiting_other: '{count} komment vár' });
  const bn = catalogFromMessages('bn', {
    waiting_one: '{count}টি মন্তব্য অপেক্ষায়',
    waiting_other: '{count}টি মন্তব্য অপেক্ষায়',
    hello: 'হ্যালো {name}',
  });
  const en = catalogFromMessages('en', { waiting_one: 'One comment waits', waiting_other: '{count} comments wait' });

  it('chooses the plural form with Intl.PluralRules', () => {
    expect(translatePlural(en, waiting, 1)).toBe('One comment waits');
    expect(translatePlural(en, waiting, 0)).toBe('0 comments wait');
    expect(translatePlural(en, waiting, 1200)).toBe('1,200 comments wait');
  });

  it('writes numbers in the language of the words around them', () => {
    expect(translatePlural(bn, waiting, 25)).toBe('২৫টি মন্তব্য অপেক্ষায়');
    expect(translatePlural(hu, waiting, 1200)).toBe('1200 komment vár');
  });

  it('fills text placeholders as text and leaves unknown ones', () => {
    expect(translate(bn, 'hello' as never, { name: '<b>Ana</b>' })).toBe('হ্যালো <b>Ana</b>');
    expect(translate(bn, 'hello' as never)).toBe('হ্যালো {name}');
  });

  it('shows the key for a missing message instead of nothing', () => {
    expect(translate(en, 'nope' as never)).toBe('nope');
  });

  it('reads messages.json entries and skips malformed ones', () => {
    expect(messagesFromJson({ a: { message: 'A', description: 'd' }, b: { nope: 1 }, c: null })).toEqual({ a: 'A' });
  });
});

describe('switching the interface language', () => {
  it('loads the chosen catalog, tells listeners, and goes back on auto', async () => {
    const seen: string[] = [];
    const stop = onLocaleChange((locale) => seen.push(locale));
    expect(t('command_toggle_panel')).toBe('Show or hide the Reply Radar queue panel');
    await applyLanguageSetting('hu');
    expect(currentLocale()).toBe('hu');
    expect(t('command_toggle_panel')).toContain('várólista');
    await applyLanguageSetting('auto'); // the test browser speaks English
    expect(t('command_toggle_panel')).toBe('Show or hide the Reply Radar queue panel');
    stop();
    expect(seen).toEqual(['hu', 'en']);
  });

  it('lets the last choice win when loads overlap', async () => {
    const first = applyLanguageSetting('bn');
    const second = applyLanguageSetting('km');
    await Promise.all([first, second]);
    expect(currentLocale()).toBe('km');
  });
});
