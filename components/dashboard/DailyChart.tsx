// Volume per day (bars) and median first response (line) with uPlot. The chart is a picture for sighted users;
// the same numbers are in the table next to it, so screen readers get the table and the chart is one labelled image.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DayBucket } from '../../utils/core/response-metrics';
import { t } from '../../utils/i18n';

/** A time zone name, not words. */
const UTC_ZONE = 'Etc/UTC'; // i18n-ignore: an IANA zone name

function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 1000;
}

/** The page's colour scheme, followed live so the chart redraws in the right colours. */
function darkQuery(): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
}

function useScheme(): 'light' | 'dark' {
  const [dark, setDark] = useState(() => darkQuery()?.matches ?? false);
  useEffect(() => {
    const query = darkQuery();
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}

export function DailyChart({ days }: { days: DayBucket[] }) {
  const host = useRef<HTMLDivElement>(null);
  const scheme = useScheme();
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    // Colours come from the page's tokens, which change with the scheme.
    el.dataset.scheme = scheme;
    const css = getComputedStyle(document.documentElement);
    const color = (name: string) => css.getPropertyValue(name).trim() || 'gray';
    const fg = color('--muted');
    const grid = color('--border');
    const data: uPlot.AlignedData = [
      days.map((d) => dayStart(d.day)),
      days.map((d) => d.received),
      days.map((d) => (d.medianMs === null ? null : Math.round(d.medianMs / 6000) / 10)),
    ];
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 260,
        // Days are calendar days: shown in UTC so a label never shifts to the day before.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), UTC_ZONE),
        scales: {
          x: { time: true },
          n: { range: (_u, _min, max) => [0, Math.max(1, max)] },
          m: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
          { scale: 'n', stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
          { scale: 'm', side: 1, stroke: fg, grid: { show: false }, ticks: { stroke: grid } },
        ],
        series: [
          {},
          {
            label: t('dash_series_comments'),
            scale: 'n',
            stroke: color('--accent'),
            fill: color('--accent-soft'),
            width: 1,
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
          },
          { label: t('dash_series_median'), scale: 'm', stroke: color('--warn-fg'), width: 2, points: { show: true } },
        ],
        cursor: { drag: { x: false, y: false } },
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 260 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days, scheme]);
  return <div ref={host} class="rr-chart" role="img" aria-label={t('dash_chart_label')} data-testid="daily-chart" />;
}
