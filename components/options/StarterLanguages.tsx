// The starter templates of the other languages, one click each: a new install has the interface language's set and
// English (not all four languages in every picker); a team that answers in more languages adds theirs here.
import { useMemo, useState } from 'preact/hooks';
import type { Template } from '../../utils/core/template';
import { LOCALE_NATIVE_NAMES, type Locale, t } from '../../utils/i18n';
import { isLocale } from '../../utils/i18n/locales';
import { addStarterLanguage, missingStarterLanguages } from '../../utils/storage/starter-choice';
import { errorText } from '../error-text';
import { languageName } from './format';

export function StarterLanguages(props: {
  /** The live list, so the offer follows adds, deletes and imports. */
  templates: Template[] | null;
  onAdded: () => Promise<void>;
  onError: (message: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const { templates, onAdded, onError } = props;
  // Computed from the list shown (no extra read): it follows adds, deletes and imports.
  const missing = useMemo(() => (templates ? missingStarterLanguages(templates) : []), [templates]);

  if (missing.length === 0) return null;

  const add = async (lang: string) => {
    setBusy(true);
    try {
      await addStarterLanguage(lang);
      await onAdded();
      onError(null);
    } catch (err) {
      onError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="rr-card" data-testid="starter-languages">
      <h3 class="rr-card__title">{t('templates_starters_title')}</h3>
      <p class="rr-hint">{t('templates_starters_hint')}</p>
      <div class="rr-actions">
        {missing.map((lang) => {
          const name = isLocale(lang) ? LOCALE_NATIVE_NAMES[lang as Locale] : languageName(lang);
          return (
            <button
              key={lang}
              type="button"
              class="rr-button"
              data-lang={lang}
              disabled={busy}
              onClick={() => void add(lang)}
            >
              {t('templates_starters_add', { language: name })}
            </button>
          );
        })}
      </div>
    </div>
  );
}
