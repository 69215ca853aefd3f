// For the extension's own pages (options, popup, dashboard): follow the language setting, redraw when it changes,
// and keep <html lang> right so fonts, hyphenation and Khmer line breaking follow the text.
import { useEffect, useState } from 'preact/hooks';
import { applyLanguageSetting, currentLocale, type Locale, onLocaleChange } from '../utils/i18n';

/** The interface locale; re-renders the calling component (the page's root) after a switch. */
export function useInterfaceLocale(setting: string | undefined): Locale {
  const [locale, setLocale] = useState<Locale>(currentLocale());
  useEffect(() => onLocaleChange(setLocale), []);
  useEffect(() => {
    if (setting !== undefined) void applyLanguageSetting(setting);
  }, [setting]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return locale;
}
