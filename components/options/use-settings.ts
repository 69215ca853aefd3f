// Settings as the options page edits them: shown at once, written a moment later (typing in a field is one write,
// not one per key), and only when the whole result is valid. Changes made elsewhere (popup, another tab) flow in.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type Settings, SettingsSchema } from '../../utils/core/settings';
import { t } from '../../utils/i18n';
import { renderText } from '../../utils/i18n/user-text';
import { describeIssues } from '../../utils/storage/errors';
import { readSettings, watchSettings, writeSettings } from '../../utils/storage/settings';
import { errorText } from '../error-text';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

/** Apply these top-level fields; false (and nothing saved) when the result would be invalid. */
export type UpdateSettings = (patch: Partial<Settings>) => boolean;

export interface SettingsEditor {
  settings: Settings | null;
  status: SaveStatus;
  update: UpdateSettings;
  /** Write what is waiting now (before the page goes away). */
  flush: () => Promise<void>;
  /** A field shows a validation error (or no longer does, with null): see field-errors.ts. */
  reportFieldError: (key: string, message: string | null) => void;
}

export function useSettingsEditor(saveDelayMs = 400): SettingsEditor {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const current = useRef<Settings | null>(null);
  const pending = useRef<Partial<Settings>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const writing = useRef<Promise<void>>(Promise.resolve());
  /** Fields showing a validation error, in the order they reported it. */
  const [fieldErrors, setFieldErrors] = useState<ReadonlyArray<readonly [string, string]>>([]);
  const reportFieldError = useCallback((key: string, message: string | null) => {
    setFieldErrors((list) => {
      const others = list.filter(([k]) => k !== key);
      if (message === null) return others.length === list.length ? list : others;
      const same = list.find(([k, m]) => k === key && m === message);
      return same ? list : [...others, [key, message] as const];
    });
  }, []);

  const show = useCallback((next: Settings) => {
    current.current = next;
    setSettings(next);
  }, []);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return writing.current;
    pending.current = {};
    setStatus({ kind: 'saving' });
    // One write after another, so an older patch never lands after a newer one.
    writing.current = writing.current.then(async () => {
      try {
        await writeSettings(patch);
        if (Object.keys(pending.current).length === 0) setStatus({ kind: 'saved' });
      } catch (err) {
        setStatus({ kind: 'error', message: t('status_not_saved', { reason: errorText(err) }) });
      }
    });
    return writing.current;
  }, []);

  useEffect(() => {
    let alive = true;
    void readSettings().then((s) => {
      if (alive && current.current === null) show(s);
    });
    const unwatch = watchSettings((s) => {
      // Our own unsaved edits stay on top of whatever arrived.
      if (alive) show({ ...s, ...pending.current });
    });
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      alive = false;
      unwatch();
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [show, flush]);

  const update = useCallback<UpdateSettings>(
    (patch) => {
      const base = current.current;
      if (!base) return false;
      const parsed = SettingsSchema.safeParse({ ...base, ...patch });
      if (!parsed.success) {
        setStatus({
          kind: 'error',
          message: t('status_not_saved', { reason: renderText(describeIssues(parsed.error).text) }),
        });
        return false;
      }
      show(parsed.data);
      pending.current = { ...pending.current, ...patch };
      setStatus({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), saveDelayMs);
      return true;
    },
    [show, flush, saveDelayMs],
  );

  // A field still showing an error holds an edit that was not saved, whatever was saved before it.
  const firstError = fieldErrors[0]?.[1];
  const shown: SaveStatus =
    firstError !== undefined ? { kind: 'error', message: t('status_not_saved', { reason: firstError }) } : status;
  return { settings, status: shown, update, flush, reportFieldError };
}
