import { useEffect, useRef } from 'react';
import { AreaSeries, createChart, type IChartApi, type ISeriesApi, type IPriceLine } from 'lightweight-charts';
import type { EquityPoint } from '@meridian/contracts';
import { chartTheme } from '../../ui/chartTheme';
import { equitySeries } from './equityData';

/** The equity curve as an area, with the initial cash as a dashed reference line. */
export function EquityChart({ points, baseline }: { points: EquityPoint[]; baseline?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Area'> | null>(null);
  const line = useRef<IPriceLine | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const c = createChart(container.current, {
      ...chartTheme(),
      timeScale: { borderColor: '#2a3342', timeVisible: true, secondsVisible: false, rightOffset: 4 },
      localization: { priceFormatter: (p: number) => p.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) },
    });
    series.current = c.addSeries(AreaSeries, {
      lineColor: '#4c9aff',
      lineWidth: 2,
      topColor: 'rgba(76, 154, 255, 0.28)',
      bottomColor: 'rgba(76, 154, 255, 0.02)',
      priceLineVisible: false,
    });
    chart.current = c;
    return () => {
      c.remove();
      chart.current = null;
      series.current = null;
      line.current = null;
    };
  }, []);

  useEffect(() => {
    series.current?.setData(equitySeries(points));
    chart.current?.timeScale().fitContent();
  }, [points]);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    if (line.current) s.removePriceLine(line.current);
    line.current = baseline != null ? s.createPriceLine({ price: baseline, color: '#586174', lineWidth: 1, lineStyle: 2, axisLabelVisible: true, title: 'initial' }) : null;
  }, [baseline]);

  return <div className="chart chart-equity" ref={container} data-testid="equity-chart" />;
}
