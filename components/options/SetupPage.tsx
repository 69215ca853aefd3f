// First run: a short setup the options page opens on after install (options.html#setup). Language first (Khmer
// speakers reach theirs only here), who the agent is, the brand's accounts (the ones Reply Radar saw the user act as
// are one click away), response targets from a preset, business hours, and which starter templates to keep.
// Every choice saves at once like the rest of the options; "Skip" leaves everything as it is.
import { useEffect, useState } from 'preact/hooks';
import { PLATFORMS } from '../../utils/core/model';
import type { Settings } from '../../utils/core/settings';
import { currentLocale, LOCALE_NATIVE_NAMES, type Locale, t } from '../../utils/i18n';
import { isLocale } from '../../utils/i18n/locales';
import { readSeenAccounts, type SeenAccounts } from '../../utils/storage/seen-accounts';
import { applyStarterLanguages, starterLanguages } from '../../utils/storage/starter-choice';
import { errorText } from '../error-text';
import { IdentityChips } from './BrandSection';
import { Field } from './Field';
import { languageName } from './format';
import { LanguageSelect } from './LanguageSection';
import { BusinessHoursCard } from './TargetsSection';
import type { UpdateSettings } from './use-settings';

const PRESETS = [
  { warn: 30, breach: 60 },
  { warn: 15, breach: 30 },
  { warn: 60, breach: 240 },
] as const;

interface SetupPageProps {
  settings: Settings;
  update: UpdateSettings;
  /** Leave the setup for the full options page. */
  onDone: () => void;
}

export function SetupPage({ settings, update, onDone }: SetupPageProps) {
  const [seen, setSeen] = useState<SeenAccounts | null>(null);
  const [starters, setStarters] = useState<string[]>(() => [...new Set([currentLocale(), 'en'])]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void readSeenAccounts().then(setSeen);
  }, []);

  const finish = async () => {
    setBusy(true);
    setError(null);
    try {
      await applyStarterLanguages(starters);
      onDone();
    } catch (err) {
      setError(t('setup_failed', { reason: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const { warnMinutes, breachMinutes } = settings.targets;
  return (
    <div class="rr-setup" data-testid="setup">
      <header class="rr-section__header">
        <h2 id="setup-title">{t('setup_title')}</h2>
        <p class="rr-section__description">{t('setup_intro')}</p>
      </header>

      <section class="rr-card" aria-labelledby="setup-language">
        <h3 class="rr-card__title" id="setup-language">
          {t('setup_step_language')}
        </h3>
        <LanguageSelect settings={settings} update={update} />
      </section>

      <section class="rr-card" aria-labelledby="setup-you">
        <h3 class="rr-card__title" id="setup-you">
          {t('setup_step_agent')}
        </h3>
        <Field label={t('brand_agent_label')} hint={t('brand_agent_hint')}>
          {(c) => (
            <input
              {...c}
              type="text"
              name="setupAgentName"
              autoComplete="name"
              maxLength={100}
              value={settings.agentName}
              onInput={(e) => update({ agentName: e.currentTarget.value })}
            />
          )}
        </Field>
      </section>

      <section class="rr-card" aria-labelledby="setup-brand">
        <h3 class="rr-card__title" id="setup-brand">
          {t('setup_step_brand')}
        </h3>
        <p class="rr-hint">{t('setup_brand_hint')}</p>
        {PLATFORMS.map((p) => {
          const offered = (seen?.[p] ?? []).filter(
            (h) => !settings.brand[p].some((b) => b.toLowerCase() === h.toLowerCase()),
          );
          const prefix = p === 'facebook' ? '' : '@';
          return (
            <div key={p} class="rr-setup__site">
              <IdentityChips
                platform={p}
                values={settings.brand[p]}
                onChange={(values) => update({ brand: { ...settings.brand, [p]: values } })}
              />
              {offered.length > 0 ? (
                <p class="rr-setup__seen" data-testid={`setup-seen-${p}`}>
                  <span class="rr-muted">{t('setup_seen_accounts')}</span>{' '}
                  {offered.map((h) => (
                    <button
                      key={h}
                      type="button"
                      class="rr-chip-button"
                      aria-label={t('setup_add_seen', { name: `${prefix}${h}` })}
                      onClick={() => update({ brand: { ...settings.brand, [p]: [...settings.brand[p], h] } })}
                    >
                      {`+ ${prefix}${h}`}
                    </button>
                  ))}
                </p>
              ) : null}
            </div>
          );
        })}
      </section>

      <section class="rr-card" aria-labelledby="setup-targets">
        <h3 class="rr-card__title" id="setup-targets">
          {t('setup_step_targets')}
        </h3>
        <fieldset class="rr-fieldset">
          <legend class="rr-visually-hidden">{t('setup_step_targets')}</legend>
          {PRESETS.map((preset, i) => (
            <label key={preset.warn} class="rr-check">
              <input
                type="radio"
                name="setupTargets"
                value={`${preset.warn}/${preset.breach}`}
                checked={warnMinutes === preset.warn && breachMinutes === preset.breach}
                onChange={() => update({ targets: { warnMinutes: preset.warn, breachMinutes: preset.breach } })}
              />
              {i === 0
                ? t('setup_preset_recommended', { warn: preset.warn, breach: preset.breach })
                : t('setup_preset', { warn: preset.warn, breach: preset.breach })}
            </label>
          ))}
        </fieldset>
        <p class="rr-hint">{t('setup_targets_hint')}</p>
      </section>
      <BusinessHoursCard hours={settings.businessHours} update={update} />

      <section class="rr-card" aria-labelledby="setup-starters">
        <h3 class="rr-card__title" id="setup-starters">
          {t('setup_step_starters')}
        </h3>
        <p class="rr-hint">{t('setup_starters_hint')}</p>
        <div class="rr-setup__languages">
          {starterLanguages().map((lang) => (
            <label key={lang} class="rr-check">
              <input
                type="checkbox"
                name="setupStarterLanguage"
                value={lang}
                checked={starters.includes(lang)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setStarters((s) => (on ? [...s, lang] : s.filter((l) => l !== lang)));
                }}
              />
              <span lang={lang}>{isLocale(lang) ? LOCALE_NATIVE_NAMES[lang as Locale] : languageName(lang)}</span>
            </label>
          ))}
        </div>
      </section>

      {error ? (
        <p class="rr-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="rr-actions">
        <button type="button" class="rr-button rr-button--primary" disabled={busy} onClick={() => void finish()}>
          {t('setup_finish')}
        </button>
        <button type="button" class="rr-button" onClick={onDone}>
          {t('setup_skip')}
        </button>
      </div>
    </div>
  );
}
