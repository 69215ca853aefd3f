// Durations and dates as the dashboard shows them.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.NumberFormat>();
function unit(locale: string, u: 'minute' | 'hour' | 'day', n: number): string {
  const key = `${locale}|${u}`;
  let nf = formats.get(key);
  if (!nf) {
    const options: Intl.NumberFormatOptions = { style: 'unit', unit: u, unitDisplay: 'short' };
    try {
      nf = new Intl.NumberFormat(locale, options);
    } catch {
      nf = new Intl.NumberFormat('en', options);
    }
    formats.set(key, nf);
  }
  return nf.format(n);
}

/** "<1 min", "25 min", "1 hr 5 min", "2 days 3 hr": minutes rounded, at most two units. */
export function formatDuration(ms: number | null, locale = 'en'): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const minutes = Math.round(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return `<${unit(locale, 'minute', 1)}`;
  if (minutes < 60) return unit(locale, 'minute', minutes);
  if (ms < DAY) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m ? `${unit(locale, 'hour', h)} ${unit(locale, 'minute', m)}` : unit(locale, 'hour', h);
  }
  const hours = Math.round(ms / HOUR);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h ? `${unit(locale, 'day', d)} ${unit(locale, 'hour', h)}` : unit(locale, 'day', d);
}

export function formatShare(share: number | null, locale = 'en'): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatDateTime(at: number, locale = 'en'): string {
  return new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "2026-11-02" → "Mon, Nov 2" (the day is a calendar day: shown in UTC so it never shifts). */
export function formatDay(day: string, locale = 'en'): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
