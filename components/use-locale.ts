// For the extension's own pages (options, popup, dashboard): follow the language setting, redraw when it changes,
// and keep <html lang> right so fonts, hyphenation and Khmer line breaking follow the text.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { applyLanguageSetting, currentLocale, type Locale, type MessageKey, onLocaleChange, t } from '../utils/i18n';

/** The interface locale; re-renders the calling component (the page's root) after a switch. */
export function useInterfaceLocale(setting: string | undefined, titleKey?: MessageKey): Locale {
  const [locale, setLocale] = useState<Locale>(currentLocale());
  useEffect(() => onLocaleChange(setLocale), []);
  useEffect(() => {
    if (setting !== undefined) void applyLanguageSetting(setting);
  }, [setting]);
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    if (titleKey && locale) document.title = t(titleKey);
  }, [locale, titleKey]);
  return locale;
}
