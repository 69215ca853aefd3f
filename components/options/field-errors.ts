// Fields that hold an edit which cannot be saved (a validation error shown under them). The page's status line
// must then say "Not saved", never "Saved" from an earlier write (#11 item 7): each such field reports its error
// here while it shows one.
import { createContext } from 'preact';
import { useContext, useEffect, useId } from 'preact/hooks';

export type ReportFieldError = (key: string, message: string | null) => void;

export const FieldErrorsContext = createContext<ReportFieldError>(() => {});

/** While `message` is set (the field shows it), the status line says the edit is not saved. */
export function useFieldError(message: string | null | undefined): void {
  const report = useContext(FieldErrorsContext);
  const key = useId();
  useEffect(() => {
    report(key, message ?? null);
  }, [report, key, message]);
  useEffect(() => () => report(key, null), [report, key]);
}
