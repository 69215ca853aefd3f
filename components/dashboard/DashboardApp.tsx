// The response-time dashboard: for a chosen period, platform and clock, how fast the brand gave its first answers,
// what still waits, per day, the slowest threads and by label. Reads the extension's IndexedDB directly (this page
// is one of the extension's own).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { PLATFORMS, type Platform } from '../../utils/core/model';
import type { ResponseLogEntry } from '../../utils/core/response-log';
import { type Measure, summarize } from '../../utils/core/response-metrics';
import type { Settings } from '../../utils/core/settings';
import { t, tn } from '../../utils/i18n';
import { listResponseLog, purgeResponseLog } from '../../utils/storage/response-log';
import { readSettings, watchSettings } from '../../utils/storage/settings';
import { errorText } from '../error-text';
import { useInterfaceLocale } from '../use-locale';
import { DailyChart } from './DailyChart';
import { DataControls } from './DataControls';
import { formatDuration, formatShare } from './format';
import { DayTable, LabelTable, SlowestTable } from './Tables';

const DAY = 24 * 60 * 60 * 1000;
const PERIODS = [7, 30, 90] as const;
const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' } as const;

type Load =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; entries: ResponseLogEntry[]; skipped: number };

export function DashboardApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [period, setPeriod] = useState<number>(30);
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const [measure, setMeasure] = useState<Measure | null>(null);
  const [version, setVersion] = useState(0);
  const locale = useInterfaceLocale(settings?.language);

  useEffect(() => {
    void readSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is bumped to read the log again.
  useEffect(() => {
    let alive = true;
    (async () => {
      const s = await readSettings();
      await purgeResponseLog(s.responseLogRetentionDays, Date.now());
      const { items, skipped } = await listResponseLog();
      if (alive) setLoad({ kind: 'ready', entries: items, skipped: skipped.length });
    })().catch((err) => alive && setLoad({ kind: 'failed', message: errorText(err) }));
    return () => {
      alive = false;
    };
  }, [version]);

  const clock: Measure = measure ?? (settings?.businessHours.enabled ? 'business' : 'wall');
  const metrics = useMemo(() => {
    if (load.kind !== 'ready' || !settings) return null;
    const to = Date.now();
    return summarize(load.entries, {
      from: to - period * DAY,
      to,
      platform,
      measure: clock,
      targets: settings.targets,
      now: to,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    });
  }, [load, settings, period, platform, clock]);

  return (
    <div class="rr-page rr-dash">
      <header class="rr-topbar">
        <div class="rr-brandmark">
          <img src="/icon/48.png" alt="" width={28} height={28} />
          <h1>{t('dash_title')}</h1>
        </div>
      </header>
      <main id="rr-main" class="rr-dash-main">
        <p class="rr-section__description">{t('dash_intro')}</p>
        <form class="rr-dash-filters" aria-label={t('dash_filters')} onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('dash_period')}
            <select
              class="rr-input"
              value={String(period)}
              onChange={(e) => setPeriod(Number((e.target as HTMLSelectElement).value))}
            >
              {PERIODS.map((days) => (
                <option key={days} value={String(days)}>
                  {tn('dash_period_days', days)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dash_platform')}
            <select
              class="rr-input"
              value={platform}
              onChange={(e) => setPlatform((e.target as HTMLSelectElement).value as Platform | 'all')}
            >
              <option value="all">{t('dash_all_platforms')}</option>
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_NAMES[p]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dash_clock')}
            <select
              class="rr-input"
              value={clock}
              onChange={(e) => setMeasure((e.target as HTMLSelectElement).value as Measure)}
            >
              <option value="wall">{t('dash_clock_wall')}</option>
              <option value="business">{t('dash_clock_business')}</option>
            </select>
          </label>
        </form>

        {load.kind === 'loading' || !settings ? <p class="rr-muted">{t('dash_loading')}</p> : null}
        {load.kind === 'failed' ? <p role="alert">{t('dash_load_failed', { reason: load.message })}</p> : null}
        {load.kind === 'ready' && load.skipped > 0 ? <p role="status">{tn('dash_skipped', load.skipped)}</p> : null}

        {metrics && settings && load.kind === 'ready' ? (
          <>
            <section aria-labelledby="rr-dash-summary">
              <h2 id="rr-dash-summary" class="rr-dash-h2">
                {t('dash_summary')}
              </h2>
              {metrics.received === 0 ? <p class="rr-muted">{t('dash_no_data')}</p> : null}
              <dl class="rr-dash-cards" data-testid="summary">
                <div class="rr-dash-card">
                  <dt>{t('dash_median')}</dt>
                  <dd data-testid="median">{formatDuration(metrics.medianMs, locale)}</dd>
                </div>
                <div class="rr-dash-card">
                  <dt>{t('dash_p90')}</dt>
                  <dd data-testid="p90">{formatDuration(metrics.p90Ms, locale)}</dd>
                </div>
                <div class="rr-dash-card">
                  <dt>{t('dash_within_warn', { minutes: settings.targets.warnMinutes })}</dt>
                  <dd>{formatShare(metrics.withinWarn, locale)}</dd>
                </div>
                <div class="rr-dash-card">
                  <dt>{t('dash_within_breach', { minutes: settings.targets.breachMinutes })}</dt>
                  <dd>{formatShare(metrics.withinBreach, locale)}</dd>
                </div>
                <div class="rr-dash-card">
                  <dt>{t('dash_answered')}</dt>
                  <dd data-testid="answered">
                    {t('dash_answered_of', { answered: metrics.answered, received: metrics.received })}
                    {metrics.approx > 0 ? <small>{tn('dash_approx', metrics.approx)}</small> : null}
                  </dd>
                </div>
                <div class="rr-dash-card">
                  <dt>{t('dash_backlog')}</dt>
                  <dd data-testid="backlog">
                    {metrics.backlog.count}
                    {metrics.backlog.oldestWaitMs !== null ? (
                      <small>
                        {t('dash_backlog_oldest', { age: formatDuration(metrics.backlog.oldestWaitMs, locale) })}
                      </small>
                    ) : null}
                  </dd>
                </div>
              </dl>
            </section>

            <section aria-labelledby="rr-dash-days">
              <h2 id="rr-dash-days" class="rr-dash-h2">
                {t('dash_per_day')}
              </h2>
              <div class="rr-card">
                <DailyChart days={metrics.days} />
                <DayTable days={metrics.days} locale={locale} />
              </div>
            </section>

            <section aria-labelledby="rr-dash-slowest">
              <h2 id="rr-dash-slowest" class="rr-dash-h2">
                {t('dash_slowest')}
              </h2>
              <div class="rr-card rr-dash-scroll">
                <SlowestTable entries={metrics.slowest} measure={clock} locale={locale} />
              </div>
            </section>

            <section aria-labelledby="rr-dash-labels">
              <h2 id="rr-dash-labels" class="rr-dash-h2">
                {t('dash_by_label')}
              </h2>
              <div class="rr-card rr-dash-scroll">
                <LabelTable byLabel={metrics.byLabel} locale={locale} />
              </div>
            </section>

            <section aria-labelledby="rr-dash-data">
              <h2 id="rr-dash-data" class="rr-dash-h2">
                {t('dash_data')}
              </h2>
              <DataControls
                entries={load.entries}
                retentionDays={settings.responseLogRetentionDays}
                onChanged={() => setVersion((v) => v + 1)}
              />
            </section>
          </>
        ) : null}
      </main>
    </div>
  );
}
