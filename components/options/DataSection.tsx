// Backups the user owns: export everything as JSON or the templates as CSV, and import either back. An import is
// checked whole before anything is written; a refused file names its first problem and changes nothing.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { currentLocale, t, tn } from '../../utils/i18n';
import { toErrorInfo } from '../../utils/storage/errors';
import {
  exportJson,
  exportTemplatesCsv,
  type ImportMode,
  type ImportSummary,
  importChangedNothing,
  importJson,
  importTemplatesCsv,
  readImportFile,
} from '../../utils/storage/import-export';
import { DamagedRecords } from './DamagedRecords';
import { Section } from './Field';
import { errorText } from './format';

/** Hand text to the browser as a file download; nothing leaves the machine. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type ImportKind = 'json' | 'csv';

/** JSON or CSV, by the file's name, else by its first character. */
export function importKindOf(name: string, text: string): ImportKind {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'csv';
}

/** One readable line per part of the import that did something. */
export function summaryLines(s: ImportSummary): string[] {
  // Importing the file just exported: say so in one line, not as skips or conflicts.
  if (importChangedNothing(s)) return [t('data_summary_nothing_changed')];
  const lines: string[] = [];
  const templateParts = [
    s.added > 0 ? t('data_summary_added', { count: s.added }) : '',
    s.updated > 0 ? t('data_summary_updated', { count: s.updated }) : '',
    s.skipped > 0 ? t('data_summary_skipped', { count: s.skipped }) : '',
    s.removed > 0 ? t('data_summary_removed', { count: s.removed }) : '',
    s.unchanged > 0 ? t('data_summary_unchanged', { count: s.unchanged }) : '',
  ].filter(Boolean);
  const list = new Intl.ListFormat(currentLocale(), { type: 'unit' });
  lines.push(
    t('data_summary_templates', {
      parts: templateParts.length > 0 ? list.format(templateParts) : t('data_summary_no_change'),
    }),
  );
  const st = s.commentStates;
  if (st.added + st.updated + st.skipped > 0) {
    lines.push(t('data_summary_states', { added: st.added, updated: st.updated, kept: st.skipped }));
  }
  if (s.responseLog.added > 0) {
    lines.push(tn('data_summary_log', s.responseLog.added));
  }
  if (s.settings === 'replaced') lines.push(t('data_summary_settings'));
  for (const d of s.duplicates) {
    if (d.kind === 'shortcut') {
      lines.push(t('data_summary_dup_shortcut', { title: d.title, shortcut: d.shortcut, used_by: d.usedBy }));
    } else if (d.kind === 'content') {
      lines.push(t('data_summary_dup_content', { line: d.line, title: d.title }));
    } else if (d.kept === 'existing') {
      lines.push(t('data_summary_kept_existing', { title: d.title }));
    }
  }
  return lines;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'confirm'; file: File; kind: ImportKind; text: string }
  | { step: 'working' }
  | { step: 'done'; fileName: string; lines: string[] }
  /** `said`: the message already says nothing was changed (a failed write), so the hint is not repeated. */
  | { step: 'failed'; fileName: string; message: string; said?: boolean };

export function DataSection() {
  const [includeLog, setIncludeLog] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [withSettings, setWithSettings] = useState(false);
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  /** Counts finished imports, so the damaged-records report is read again after each. */
  const [imports, setImports] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);
  /** The picked file's name: the browser's own file control would word it in the browser's language, not ours. */
  const [fileName, setFileName] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (state.step === 'confirm') confirmRef.current?.focus();
  }, [state.step]);

  const runExport = async (what: 'json' | 'csv') => {
    setExportError(null);
    setExportNote(null);
    try {
      const { value, skipped } =
        what === 'json' ? await exportJson({ includeResponseLog: includeLog }) : await exportTemplatesCsv();
      if (what === 'json') downloadText(value, `reply-radar-${today()}.json`, 'application/json');
      else downloadText(value, `reply-radar-templates-${today()}.csv`, 'text/csv');
      if (skipped.length > 0) {
        setExportNote(tn('data_export_skipped', skipped.length));
      }
    } catch (err) {
      setExportError(t('data_export_failed', { reason: errorText(err) }));
    }
  };

  const finish = (next: ImportState) => {
    setState(next);
    setImports((n) => n + 1);
    if (fileRef.current) fileRef.current.value = '';
    setFileName(null);
    // Move to the outcome so keyboard and screen-reader users hear it.
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  const apply = async (file: File, kind: ImportKind, text: string) => {
    setState({ step: 'working' });
    try {
      const summary =
        kind === 'json'
          ? await importJson(text, { mode, includeSettings: mode === 'replace' || withSettings })
          : await importTemplatesCsv(text, { mode });
      finish({ step: 'done', fileName: file.name, lines: summaryLines(summary) });
    } catch (err) {
      const said = toErrorInfo(err).key === 'error_import_failed';
      finish({ step: 'failed', fileName: file.name, message: errorText(err), said });
    }
  };

  const startImport = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      finish({ step: 'failed', fileName: '', message: t('data_choose_file') });
      return;
    }
    let text: string;
    try {
      text = await readImportFile(file);
    } catch (err) {
      finish({ step: 'failed', fileName: file.name, message: errorText(err) });
      return;
    }
    const kind = importKindOf(file.name, text);
    if (mode === 'replace') setState({ step: 'confirm', file, kind, text });
    else await apply(file, kind, text);
  };

  return (
    <Section id="data" title={t('data_title')} description={t('data_description')}>
      <div class="rr-card">
        <h3 class="rr-card__title">{t('data_export_title')}</h3>
        <label class="rr-check">
          <input type="checkbox" checked={includeLog} onChange={(e) => setIncludeLog(e.currentTarget.checked)} />
          {t('data_include_log')}
        </label>
        <div class="rr-actions">
          <button type="button" class="rr-button rr-button--primary" onClick={() => void runExport('json')}>
            {t('data_export_all')}
          </button>
          <button type="button" class="rr-button" onClick={() => void runExport('csv')}>
            {t('data_export_templates')}
          </button>
        </div>
        <p class="rr-hint">{t('data_export_hint')}</p>
        {exportError ? (
          <p class="rr-error" role="alert">
            {exportError}
          </p>
        ) : null}
        {exportNote ? <p class="rr-warning">{exportNote}</p> : null}
      </div>

      <div class="rr-card">
        <h3 class="rr-card__title">{t('data_import_title')}</h3>
        <div class="rr-field">
          <label class="rr-label" for={`${id}-file`}>
            {t('data_import_file')}
          </label>
          <div class="rr-file">
            <input
              ref={fileRef}
              id={`${id}-file`}
              class="rr-visually-hidden"
              type="file"
              name="importFile"
              accept=".json,.csv,application/json,text/csv"
              onChange={(e) => {
                setFileName(e.currentTarget.files?.[0]?.name ?? null);
                setState({ step: 'idle' });
              }}
            />
            <label class="rr-button" for={`${id}-file`} aria-hidden="true">
              {t('data_choose_file')}
            </label>
            <span class="rr-file__name" data-testid="import-file-name">
              {fileName ?? t('data_no_file')}
            </span>
          </div>
        </div>
        <fieldset class="rr-fieldset">
          <legend>{t('data_import_how')}</legend>
          <label class="rr-check">
            <input
              type="radio"
              name="importMode"
              value="merge"
              checked={mode === 'merge'}
              onChange={() => {
                setMode('merge');
                setState({ step: 'idle' });
              }}
            />
            {t('data_import_merge')}
          </label>
          <label class="rr-check">
            <input
              type="radio"
              name="importMode"
              value="replace"
              checked={mode === 'replace'}
              onChange={() => {
                setMode('replace');
                setState({ step: 'idle' });
              }}
            />
            {t('data_import_replace')}
          </label>
        </fieldset>
        {mode === 'merge' ? (
          <label class="rr-check">
            <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.currentTarget.checked)} />
            {t('data_import_with_settings')}
          </label>
        ) : null}
        <div class="rr-actions">
          <button
            type="button"
            class="rr-button rr-button--primary"
            data-testid="import-start"
            disabled={state.step === 'working' || state.step === 'confirm'}
            onClick={() => void startImport()}
          >
            {state.step === 'working' ? t('data_importing') : t('data_import_button')}
          </button>
        </div>

        {state.step === 'confirm' ? (
          <div
            class="rr-confirm"
            role="alertdialog"
            aria-labelledby={`${id}-confirm`}
            aria-describedby={`${id}-confirm-detail`}
          >
            <p id={`${id}-confirm`} class="rr-confirm__title">
              {t('data_confirm_title', { file: state.file.name })}
            </p>
            <p id={`${id}-confirm-detail`}>{state.kind === 'json' ? t('data_confirm_json') : t('data_confirm_csv')}</p>
            <div class="rr-actions">
              <button
                type="button"
                class="rr-button rr-button--danger"
                ref={confirmRef}
                onClick={() => void apply(state.file, state.kind, state.text)}
              >
                {t('data_replace')}
              </button>
              <button type="button" class="rr-button" onClick={() => finish({ step: 'idle' })}>
                {t('common_cancel')}
              </button>
            </div>
          </div>
        ) : null}

        <div ref={resultRef} tabIndex={-1} class="rr-import-result" aria-live="polite" data-testid="import-result">
          {state.step === 'failed' ? (
            <div class="rr-result rr-result--error" role="alert">
              <p class="rr-result__title">
                {state.fileName ? t('data_not_imported_file', { file: state.fileName }) : t('data_not_imported')}
              </p>
              <p>{state.message}</p>
              {state.said ? null : <p class="rr-hint">{t('data_nothing_changed')}</p>}
            </div>
          ) : null}
          {state.step === 'done' ? (
            <div class="rr-result rr-result--ok">
              <p class="rr-result__title">{t('data_imported_file', { file: state.fileName })}</p>
              <ul>
                {state.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </div>
      <DamagedRecords refresh={imports} />
    </Section>
  );
}
