import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type UTCTimestamp } from 'lightweight-charts';
import { chartTheme } from '../../ui/chartTheme';
import type { CorrelationResponse, MarketTimeframe } from '@meridian/contracts';
import { chartTimeOf } from './chartData';

type Rolling = NonNullable<CorrelationResponse['rolling']>;

/** The rolling correlation of two symbols as a small line chart on a fixed −1 … +1 scale. */
export function RollingChart({ rolling, timeframe }: { rolling: Rolling; timeframe: MarketTimeframe }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const c = createChart(container.current, {
      ...chartTheme(),
      grid: { vertLines: { visible: false }, horzLines: { color: '#1c2330' } },
      timeScale: { borderColor: '#2a3342', timeVisible: timeframe !== '1d' },
    });
    const line = c.addSeries(LineSeries, {
      color: '#f5a524',
      lineWidth: 2,
      priceLineVisible: false,
      autoscaleInfoProvider: () => ({ priceRange: { minValue: -1, maxValue: 1 } }),
    });
    const bySecond = new Map<number, number>();
    for (const p of rolling.points) if (p.value != null) bySecond.set(chartTimeOf(p.time, timeframe), p.value);
    line.setData([...bySecond.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value })));
    line.createPriceLine({ price: 0, color: '#3a4455', lineWidth: 1, lineStyle: 2, axisLabelVisible: false });
    c.timeScale().fitContent();
    return () => c.remove();
  }, [rolling, timeframe]);
  return <div className="chart chart-small" ref={container} data-testid="rolling-chart" />;
}
