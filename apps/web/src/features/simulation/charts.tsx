import { useEffect, useRef } from 'react';
import { AreaSeries, BaselineSeries, createChart, LineSeries, LineStyle, type IChartApi, type Time } from 'lightweight-charts';
import { chartTheme } from '../../ui/chartTheme';
import type { ChartPoint, FanSeries } from './chartData';

// The lightweight-charts views of the Simulation page. Their data is prepared in chartData.ts;
// specs replace this module (jsdom has no canvas).

const pct = (p: number) => `${p >= 0 ? '+' : ''}${p.toFixed(1)} %`;
const money = (p: number) => p.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Creates a chart in the container for as long as the deps hold; `build` adds its series. */
function useChart(build: (chart: IChartApi) => void, deps: readonly unknown[]) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = createChart(container.current, chartTheme());
    build(chart);
    chart.timeScale().fitContent();
    return () => chart.remove();
    // The caller lists what the chart depends on.
  }, deps);
  return container;
}

/** Equity in money as an area, with the initial cash as a dashed line. */
export function EquityCurveChart({ points, initialCash }: { points: ChartPoint[]; initialCash?: number }) {
  const ref = useChart(
    (chart) => {
      chart.applyOptions({ timeScale: { timeVisible: true, secondsVisible: false }, localization: { priceFormatter: money } });
      const s = chart.addSeries(AreaSeries, {
        lineColor: '#4c9aff',
        lineWidth: 2,
        topColor: 'rgba(76, 154, 255, 0.28)',
        bottomColor: 'rgba(76, 154, 255, 0.02)',
        priceLineVisible: false,
      });
      s.setData(points);
      if (initialCash != null) s.createPriceLine({ price: initialCash, color: '#586174', lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: true, title: 'initial' });
    },
    [points, initialCash],
  );
  return <div className="chart chart-run-equity" ref={ref} data-testid="run-equity-chart" />;
}

/** The drawdown as a red area hanging below zero. */
export function DrawdownChart({ points }: { points: ChartPoint[] }) {
  const ref = useChart(
    (chart) => {
      chart.applyOptions({ timeScale: { timeVisible: true, secondsVisible: false }, localization: { priceFormatter: pct } });
      const s = chart.addSeries(BaselineSeries, {
        baseValue: { type: 'price', price: 0 },
        topLineColor: 'rgba(0, 0, 0, 0)',
        topFillColor1: 'rgba(0, 0, 0, 0)',
        topFillColor2: 'rgba(0, 0, 0, 0)',
        bottomLineColor: '#f25f5c',
        bottomFillColor1: 'rgba(242, 95, 92, 0.05)',
        bottomFillColor2: 'rgba(242, 95, 92, 0.4)',
        lineWidth: 1,
        priceLineVisible: false,
        autoscaleInfoProvider: (base: () => { priceRange: { minValue: number; maxValue: number } } | null) => {
          const r = base();
          return r ? { ...r, priceRange: { minValue: r.priceRange.minValue, maxValue: 0 } } : r;
        },
      });
      s.setData(points);
    },
    [points],
  );
  return <div className="chart chart-drawdown" ref={ref} data-testid="run-drawdown-chart" />;
}

export interface OverlayLine {
  id: string;
  label: string;
  color: string;
  data: ChartPoint[];
}

/** Several runs' equity curves as returns in %, one line each. */
export function OverlayChart({ lines }: { lines: OverlayLine[] }) {
  const ref = useChart(
    (chart) => {
      chart.applyOptions({ timeScale: { timeVisible: true, secondsVisible: false }, localization: { priceFormatter: pct } });
      for (const line of lines) {
        chart.addSeries(LineSeries, { color: line.color, lineWidth: 2, priceLineVisible: false, title: line.label }).setData(line.data);
      }
    },
    [lines],
  );
  return <div className="chart chart-overlay" ref={ref} data-testid="compare-chart" />;
}

const FAN_STYLE: Record<number, { color: string; width: 1 | 2 | 3; style: LineStyle }> = {
  5: { color: 'rgba(242, 95, 92, 0.8)', width: 1, style: LineStyle.Dashed },
  25: { color: 'rgba(76, 154, 255, 0.7)', width: 1, style: LineStyle.Solid },
  50: { color: '#d5dbe5', width: 2, style: LineStyle.Solid },
  75: { color: 'rgba(76, 154, 255, 0.7)', width: 1, style: LineStyle.Solid },
  95: { color: 'rgba(47, 191, 113, 0.8)', width: 1, style: LineStyle.Dashed },
};

/** The Monte Carlo fan: one line per percentile band, by step. */
export function FanChart({ series }: { series: FanSeries[] }) {
  const ref = useChart(
    (chart) => {
      const step = (t: Time) => `step ${String(t)}`;
      chart.applyOptions({
        timeScale: { tickMarkFormatter: (t: Time) => String(t) },
        localization: { timeFormatter: step, priceFormatter: pct },
      });
      for (const s of series) {
        const style = FAN_STYLE[s.level] ?? FAN_STYLE[50];
        chart.addSeries(LineSeries, { color: style.color, lineWidth: style.width, lineStyle: style.style, priceLineVisible: false, lastValueVisible: true, title: s.label }).setData(s.data);
      }
    },
    [series],
  );
  return <div className="chart chart-fan" ref={ref} data-testid="fan-chart" />;
}
