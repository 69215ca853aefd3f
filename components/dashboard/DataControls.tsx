// The response log's data: raw entries as CSV, how long entries are kept, and a clear-all that asks first.
import { useState } from 'preact/hooks';
import type { ResponseLogEntry } from '../../utils/core/response-log';
import { t, tn } from '../../utils/i18n';
import { responseLogToCsv } from '../../utils/storage/response-csv';
import { clearResponseLog, purgeResponseLog } from '../../utils/storage/response-log';
import { writeSettings } from '../../utils/storage/settings';
import { errorText } from '../error-text';

const CSV_TYPE = 'text/csv;charset=utf-8'; // i18n-ignore: a media type

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: CSV_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataControls(props: { entries: ResponseLogEntry[]; retentionDays: number; onChanged(): void }) {
  const [status, setStatus] = useState('');
  const [days, setDays] = useState(String(props.retentionDays));
  const [confirming, setConfirming] = useState(false);

  const saveRetention = async (event: Event) => {
    event.preventDefault();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) {
      // Numbers through Intl, so Bengali reads them in its own digits.
      setStatus(t('dash_retention_invalid', { min: 1, max: 3650 }));
      return;
    }
    try {
      await writeSettings({ responseLogRetentionDays: n });
      await purgeResponseLog(n);
      setStatus(t('dash_saved'));
      props.onChanged();
    } catch (err) {
      setStatus(errorText(err));
    }
  };

  const clearAll = async () => {
    try {
      await clearResponseLog();
      setConfirming(false);
      setStatus(t('dash_cleared'));
      props.onChanged();
    } catch (err) {
      setStatus(errorText(err));
    }
  };

  return (
    <div class="rr-card">
      <div class="rr-dash-row">
        <button
          type="button"
          class="rr-button"
          data-testid="csv-download"
          onClick={() => {
            const stamp = new Date().toISOString().slice(0, 10);
            download(`reply-radar-responses-${stamp}.csv`, responseLogToCsv(props.entries));
            setStatus(tn('dash_csv_done', props.entries.length));
          }}
        >
          {t('dash_download_csv')}
        </button>
      </div>
      <form class="rr-dash-row" onSubmit={(e) => void saveRetention(e)}>
        <label for="rr-retention">{t('dash_retention')}</label>
        <input
          id="rr-retention"
          class="rr-input rr-dash-days"
          type="number"
          min={1}
          max={3650}
          step={1}
          value={days}
          aria-describedby="rr-retention-help"
          onInput={(e) => setDays((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="rr-button">
          {t('dash_save')}
        </button>
      </form>
      <p id="rr-retention-help" class="rr-muted">
        {t('dash_retention_help')}
      </p>
      <div class="rr-dash-row">
        {confirming ? (
          <>
            <span role="alert">{t('dash_clear_confirm')}</span>
            <button type="button" class="rr-button rr-button--danger" onClick={() => void clearAll()}>
              {t('dash_clear_yes')}
            </button>
            <button type="button" class="rr-button" onClick={() => setConfirming(false)}>
              {t('common_cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="rr-button rr-button--danger" onClick={() => setConfirming(true)}>
            {t('dash_clear_all')}
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" class="rr-muted" data-testid="data-status">
        {status}
      </p>
    </div>
  );
}
