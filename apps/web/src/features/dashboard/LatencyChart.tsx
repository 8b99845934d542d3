import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { chartTheme } from '../../ui/chartTheme';
import type { PerformanceSnapshot } from '@meridian/contracts';

const SERIES = [
  { key: 'p50Ms', label: 'p50', color: '#4c9aff' },
  { key: 'p95Ms', label: 'p95', color: '#f5a524' },
  { key: 'p99Ms', label: 'p99', color: '#f25f5c' },
] as const;

// lightweight-charts draws timestamps as UTC; shifting by the local offset shows local time.
const toChartTime = (iso: string) => Math.floor((Date.parse(iso) - new Date(iso).getTimezoneOffset() * 60_000) / 1000) as UTCTimestamp;

/** Points in strictly increasing time, one per second (the chart rejects duplicates). */
export function toSeriesPoints(history: PerformanceSnapshot[], key: (typeof SERIES)[number]['key']) {
  const bySecond = new Map<number, number>();
  for (const s of history) bySecond.set(toChartTime(s.at), s[key]);
  return [...bySecond.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value }));
}

export function LatencyChart({ history }: { history: PerformanceSnapshot[] }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Line'>[]>([]);

  useEffect(() => {
    if (!container.current) return;
    const c = createChart(container.current, {
      ...chartTheme(),
      timeScale: { borderColor: '#2a3342', timeVisible: true, secondsVisible: false, rightOffset: 4 },
      localization: { priceFormatter: (p: number) => `${p.toFixed(0)} ms` },
    });
    series.current = SERIES.map((s) =>
      c.addSeries(LineSeries, { color: s.color, lineWidth: 2, priceLineVisible: false, lastValueVisible: true }),
    );
    chart.current = c;
    return () => {
      c.remove();
      chart.current = null;
      series.current = [];
    };
  }, []);

  const fitted = useRef(false);
  useEffect(() => {
    SERIES.forEach((s, i) => series.current[i]?.setData(toSeriesPoints(history, s.key)));
    // Fit the whole window once; afterwards leave the user's zoom and scroll alone.
    if (!fitted.current && history.length > 1) {
      chart.current?.timeScale().fitContent();
      fitted.current = true;
    }
  }, [history]);

  return (
    <div className="chart-wrap">
      <div className="chart-legend">
        {SERIES.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </div>
      <div className="chart" ref={container} data-testid="latency-chart" />
    </div>
  );
}
