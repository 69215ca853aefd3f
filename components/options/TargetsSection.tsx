// How long a comment may wait before it turns amber (warn) and red (breach), and the hours in which the clock runs.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BusinessHours, Settings, Targets } from '../../utils/core/settings';
import { currentLocale, t } from '../../utils/i18n';
import { Field, FieldError, Section, Switch } from './Field';
import type { UpdateSettings } from './use-settings';

const MAX_MINUTES = 60 * 24 * 30;

/** Monday first, as most rotas are written; values are Date.getDay() numbers. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone the browser knows, the browser's own first, then the current choice if it is unusual. */
export function timeZoneChoices(current: string): string[] {
  const own = browserTimeZone();
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  const rest = all.filter((z) => z !== own && z !== current && z !== 'UTC');
  return [...new Set([own, current, 'UTC', ...rest])];
}

function dayName(day: number, style: 'long' | 'short'): string {
  // 2024-01-07 was a Sunday (getDay() 0); add `day` days for the rest of the week.
  return new Date(Date.UTC(2024, 0, 7 + day, 12)).toLocaleDateString(currentLocale(), {
    weekday: style,
    timeZone: 'UTC',
  });
}

interface TargetDraft {
  warn: string;
  breach: string;
}

/** Errors per field of the typed targets, or the parsed targets when both are usable. */
export function checkTargets(d: TargetDraft): { warn?: string; breach?: string; value?: Targets } {
  const parse = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);
  const warn = parse(d.warn);
  const breach = parse(d.breach);
  const out: { warn?: string; breach?: string; value?: Targets } = {};
  const wholeMinutes = t('targets_whole_minutes', { max: MAX_MINUTES });
  if (!(warn >= 1 && warn <= MAX_MINUTES)) out.warn = wholeMinutes;
  if (!(breach >= 1 && breach <= MAX_MINUTES)) out.breach = wholeMinutes;
  if (!out.warn && !out.breach) {
    if (warn >= breach) out.warn = t('targets_warn_before_breach', { breach });
    else out.value = { warnMinutes: warn, breachMinutes: breach };
  }
  return out;
}

interface TargetsSectionProps {
  settings: Settings;
  update: UpdateSettings;
}

export function TargetsSection({ settings, update }: TargetsSectionProps) {
  const { warnMinutes, breachMinutes } = settings.targets;
  const [draft, setDraft] = useState<TargetDraft>({ warn: String(warnMinutes), breach: String(breachMinutes) });
  const checked = checkTargets(draft);

  useEffect(() => {
    // A change from elsewhere replaces what is shown, unless the fields hold an edit that could not be saved.
    setDraft((d) => (checkTargets(d).value ? { warn: String(warnMinutes), breach: String(breachMinutes) } : d));
  }, [warnMinutes, breachMinutes]);

  const edit = (field: keyof TargetDraft, value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    const result = checkTargets(next);
    if (result.value) update({ targets: result.value });
  };

  return (
    <Section id="targets" title={t('targets_title')} description={t('targets_description')}>
      <div class="rr-card">
        <div class="rr-grid">
          <Field label={t('targets_warn_label')} error={checked.warn} class="rr-field--narrow">
            {(c) => (
              <input
                {...c}
                type="number"
                name="warnMinutes"
                inputMode="numeric"
                min={1}
                max={MAX_MINUTES}
                step={1}
                value={draft.warn}
                onInput={(e) => edit('warn', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={t('targets_breach_label')} error={checked.breach} class="rr-field--narrow">
            {(c) => (
              <input
                {...c}
                type="number"
                name="breachMinutes"
                inputMode="numeric"
                min={1}
                max={MAX_MINUTES}
                step={1}
                value={draft.breach}
                onInput={(e) => edit('breach', e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
      </div>
      <BusinessHoursCard hours={settings.businessHours} update={update} />
    </Section>
  );
}

export function BusinessHoursCard({ hours, update }: { hours: BusinessHours; update: UpdateSettings }) {
  const zones = useMemo(() => timeZoneChoices(hours.timeZone), [hours.timeZone]);
  const [days, setDays] = useState<number[]>(hours.days);
  const daysError = hours.enabled && days.length === 0 ? t('hours_days_error') : null;

  const storedDays = hours.days.join(',');
  useEffect(() => setDays(storedDays === '' ? [] : storedDays.split(',').map(Number)), [storedDays]);

  const set = (patch: Partial<BusinessHours>) => update({ businessHours: { ...hours, ...patch } });

  const toggleDay = (day: number, on: boolean) => {
    const next = on ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day);
    setDays(next);
    // No day at all would stop the clock for good; keep the last good choice until one is picked.
    if (next.length > 0 || !hours.enabled) set({ days: next });
  };

  const span =
    hours.start === hours.end ? t('hours_round_the_clock') : hours.end < hours.start ? t('hours_night_shift') : null;

  return (
    <div class="rr-card">
      <Switch
        label={t('hours_enable_label')}
        hint={t('hours_enable_hint')}
        checked={hours.enabled}
        onChange={(enabled) => {
          const patch: Partial<BusinessHours> = { enabled };
          // The default zone is UTC; most people mean their own when they first turn this on.
          if (enabled && hours.timeZone === 'UTC') patch.timeZone = browserTimeZone();
          if (enabled && days.length === 0) patch.days = [1, 2, 3, 4, 5];
          set(patch);
        }}
      />
      <fieldset
        class="rr-fieldset"
        disabled={!hours.enabled}
        aria-describedby={daysError ? 'rr-days-error' : undefined}
      >
        <legend>{t('hours_days')}</legend>
        <div class="rr-days">
          {WEEK_ORDER.map((day) => (
            <label key={day} class="rr-day">
              <input
                type="checkbox"
                name="businessDay"
                value={String(day)}
                checked={days.includes(day)}
                onChange={(e) => toggleDay(day, e.currentTarget.checked)}
              />
              <span aria-hidden="true">{dayName(day, 'short')}</span>
              <span class="rr-visually-hidden">{dayName(day, 'long')}</span>
            </label>
          ))}
        </div>
        {daysError ? <FieldError id="rr-days-error" message={daysError} /> : null}
      </fieldset>
      <div class="rr-grid">
        <Field label={t('hours_from')} class="rr-field--narrow">
          {(c) => (
            <input
              {...c}
              type="time"
              name="businessStart"
              disabled={!hours.enabled}
              value={hours.start}
              onChange={(e) => {
                if (/^([01]\d|2[0-3]):[0-5]\d$/.test(e.currentTarget.value)) set({ start: e.currentTarget.value });
              }}
            />
          )}
        </Field>
        <Field label={t('hours_to')} class="rr-field--narrow">
          {(c) => (
            <input
              {...c}
              type="time"
              name="businessEnd"
              disabled={!hours.enabled}
              value={hours.end === '24:00' ? '00:00' : hours.end}
              onChange={(e) => {
                if (/^([01]\d|2[0-3]):[0-5]\d$/.test(e.currentTarget.value)) set({ end: e.currentTarget.value });
              }}
            />
          )}
        </Field>
        <Field label={t('hours_time_zone')} hint={t('hours_browser_zone', { zone: browserTimeZone() })}>
          {(c) => (
            <select
              {...c}
              name="timeZone"
              disabled={!hours.enabled}
              value={hours.timeZone}
              onChange={(e) => set({ timeZone: e.currentTarget.value })}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {hours.enabled && span ? <p class="rr-hint">{span}</p> : null}
    </div>
  );
}
