// The dashboard's tables: the per-day numbers behind the chart, the slowest first responses with links back to
// them, and the figures by label. Page-derived text (names) is only ever rendered as text.
import type { ResponseLogEntry } from '../../utils/core/response-log';
import { type DayBucket, isApprox, type Measure, responseTime, type Spread } from '../../utils/core/response-metrics';
import type { LabelKind } from '../../utils/core/settings';
import { formatNumber, t } from '../../utils/i18n';
import { formatDateTime, formatDay, formatDuration } from './format';

const PLATFORM_NAMES = { x: 'X', facebook: 'Facebook', instagram: 'Instagram' } as const;

export function DayTable({ days, locale }: { days: DayBucket[]; locale: string }) {
  return (
    <details class="rr-dash-details">
      <summary>{t('dash_day_table')}</summary>
      <table class="rr-table" data-testid="day-table">
        <thead>
          <tr>
            <th scope="col">{t('dash_col_day')}</th>
            <th scope="col">{t('dash_col_comments')}</th>
            <th scope="col">{t('dash_col_answered')}</th>
            <th scope="col">{t('dash_col_median')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDay(d.day, locale)}</th>
              <td>{formatNumber(d.received)}</td>
              <td>{formatNumber(d.answered)}</td>
              <td>{formatDuration(d.medianMs, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function SlowestTable(props: { entries: ResponseLogEntry[]; measure: Measure; locale: string }) {
  const { entries, measure, locale } = props;
  if (!entries.length) return <p class="rr-muted">{t('dash_slowest_empty')}</p>;
  return (
    <table class="rr-table" data-testid="slowest-table">
      <thead>
        <tr>
          <th scope="col">{t('dash_col_posted')}</th>
          <th scope="col">{t('dash_col_response')}</th>
          <th scope="col">{t('dash_col_answered_by')}</th>
          <th scope="col">{t('dash_col_thread')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.key} data-rr-entry={e.key}>
            <td>{formatDateTime(e.postedAt, locale)}</td>
            <td data-testid="response-time">
              {isApprox(e) ? (
                <abbr title={t('dash_approx_title')} class="rr-approx">
                  ≈{' '}
                </abbr>
              ) : null}
              {formatDuration(responseTime(e, measure), locale)}
            </td>
            <td>{[e.answeredBy, e.agent].filter(Boolean).join(' · ')}</td>
            <td>
              {e.permalink ? (
                <a href={e.permalink} target="_blank" rel="noopener noreferrer">
                  {t('dash_open_on', { platform: PLATFORM_NAMES[e.platform] })}
                </a>
              ) : (
                PLATFORM_NAMES[e.platform]
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LABEL_KEYS = {
  question: 'label_question',
  complaint: 'label_complaint',
  order: 'label_order',
  none: 'dash_label_none',
} as const;

export function LabelTable({ byLabel, locale }: { byLabel: Record<LabelKind | 'none', Spread>; locale: string }) {
  return (
    <table class="rr-table" data-testid="label-table">
      <thead>
        <tr>
          <th scope="col">{t('dash_col_label')}</th>
          <th scope="col">{t('dash_col_answered')}</th>
          <th scope="col">{t('dash_col_median')}</th>
          <th scope="col">{t('dash_col_p90')}</th>
        </tr>
      </thead>
      <tbody>
        {(['question', 'complaint', 'order', 'none'] as const).map((kind) => (
          <tr key={kind}>
            <th scope="row">{t(LABEL_KEYS[kind])}</th>
            <td>{formatNumber(byLabel[kind].answered)}</td>
            <td>{formatDuration(byLabel[kind].medianMs, locale)}</td>
            <td>{formatDuration(byLabel[kind].p90Ms, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
