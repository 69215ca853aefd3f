// The interface language: the browser's (default) or one of the four Reply Radar ships. The choice is a setting, so
// every open tab, the popup and this page switch at once.
import type { Settings } from '../../utils/core/settings';
import { browserLanguages, LOCALE_NATIVE_NAMES, LOCALES, t } from '../../utils/i18n';
import { resolveLocale } from '../../utils/i18n/locales';
import { Field, Section } from './Field';
import type { UpdateSettings } from './use-settings';

export function LanguageSelect({ settings, update }: { settings: Settings; update: UpdateSettings }) {
  const browserLocale = resolveLocale('auto', browserLanguages());
  const value =
    settings.language === 'auto' || !LOCALES.some((l) => l === settings.language) ? 'auto' : settings.language;
  return (
    <Field label={t('language_label')} hint={t('language_hint')}>
      {(c) => (
        <select {...c} name="language" value={value} onChange={(e) => update({ language: e.currentTarget.value })}>
          <option value="auto">{t('language_auto', { language: LOCALE_NATIVE_NAMES[browserLocale] })}</option>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NATIVE_NAMES[locale]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function LanguageSection({ settings, update }: { settings: Settings; update: UpdateSettings }) {
  return (
    <Section id="language" title={t('language_title')} description={t('language_description')}>
      <div class="rr-card">
        <LanguageSelect settings={settings} update={update} />
      </div>
    </Section>
  );
}
