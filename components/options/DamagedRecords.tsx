// Records the extension cannot read, listed where the user manages their data: a damaged record is never used and
// never deleted, so it must at least be seen (store, key and what is wrong), with the copies an import set aside.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../utils/i18n';
import { renderText } from '../../utils/i18n/user-text';
import { type DamageReport, damageReport } from '../../utils/storage/damaged';
import { recordProblemText } from '../../utils/storage/issue-text';
import { errorText } from '../error-text';

const STORE_KEYS = {
  templates: 'data_damaged_store_templates',
  commentStates: 'data_damaged_store_states',
  responseLog: 'data_damaged_store_log',
} as const;

function storeName(store: string): string {
  const key = STORE_KEYS[store as keyof typeof STORE_KEYS];
  return key ? t(key) : store;
}

/** A damaged chunk of comment states or templates is stored as "chunk 12"; its number is said in the user's words. */
function keyName(r: DamagedRow): string {
  const chunk = r.issue?.code.startsWith('chunk_') ? /^chunk (\d+)$/.exec(r.key) : null;
  return chunk ? t('data_damaged_chunk', { n: Number(chunk[1]) }) : r.key;
}

type DamagedRow = DamageReport['damaged'][number] | DamageReport['quarantined'][number];

/** One row: where the record is and what is wrong with it, in the interface language. */
function rowText(r: DamagedRow): string {
  return t('data_damaged_row', {
    store: storeName(r.store),
    key: keyName(r),
    problem: renderText(recordProblemText(r)),
  });
}

/**
 * `refresh` changes after anything that may have written (an import): the report is read again, unless it was read
 * empty. An import never damages a record, it only sets aside damaged ones it writes over, so an empty report stays
 * empty, and reading every record again (10 MB of states after the largest import) would be work for nothing.
 */
export function DamagedRecords({ refresh }: { refresh: number }) {
  const [report, setReport] = useState<DamageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const empty = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` only says when to read the report again
  useEffect(() => {
    if (empty.current) return;
    let alive = true;
    damageReport().then(
      (r) => {
        empty.current = r.damaged.length + r.quarantined.length === 0;
        if (alive) setReport(r);
      },
      (err) => alive && setError(errorText(err)),
    );
    return () => {
      alive = false;
    };
  }, [refresh]);

  if (error) return <p class="rr-error">{t('data_damaged_failed', { reason: error })}</p>;
  if (!report || report.damaged.length + report.quarantined.length === 0) return null;
  return (
    <div class="rr-card" data-testid="damaged-records" role="status">
      <h3 class="rr-card__title">{t('data_damaged_title')}</h3>
      {report.damaged.length > 0 ? (
        <>
          <p class="rr-warning">{tn('data_damaged_kept', report.damaged.length)}</p>
          <ul>
            {report.damaged.map((r) => (
              <li key={`${r.store}/${r.key}`}>{rowText(r)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.quarantined.length > 0 ? (
        <>
          <p class="rr-warning">{tn('data_damaged_quarantined', report.quarantined.length)}</p>
          <ul>
            {report.quarantined.map((r) => (
              <li key={`${r.store}/${r.key}/${r.at}`}>{rowText(r)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
