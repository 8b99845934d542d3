import { useEffect, useRef } from 'react';
import {
  CandlestickSeries,
  createChart,
  type CandlestickData,
  type IChartApi,
  type ISeriesApi,
  type LogicalRange,
  type UTCTimestamp,
} from 'lightweight-charts';
import { chartTheme } from '../../ui/chartTheme';
import type { CandleView, MarketTimeframe } from '@meridian/contracts';
import { chartTimeOf } from './chartData';

interface CandleCanvasProps {
  candles: CandleView[];
  timeframe: MarketTimeframe;
  decimals: number;
  /** Called when the user scrolls near the oldest loaded candle. */
  onNearLeftEdge?: () => void;
}

const toBar = (c: CandleView, timeframe: MarketTimeframe): CandlestickData<UTCTimestamp> => ({
  time: chartTimeOf(c.time, timeframe) as UTCTimestamp,
  open: c.open,
  high: c.high,
  low: c.low,
  close: c.close,
});

/** How many bars from the left edge count as "at the edge". */
const EDGE_BARS = 5;
const INITIAL_BARS = 150;

/** A lightweight-charts candlestick chart; key it by symbol and timeframe so each gets a fresh one. */
export function CandleCanvas({ candles, timeframe, decimals, onNearLeftEdge }: CandleCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const edge = useRef(onNearLeftEdge);
  // What the series holds: a tick of the last candle is an update(), anything else a setData().
  const shown = useRef<{ first: number; length: number; last: number } | null>(null);
  useEffect(() => {
    edge.current = onNearLeftEdge;
  }, [onNearLeftEdge]);

  useEffect(() => {
    if (!container.current) return;
    const c = createChart(container.current, {
      ...chartTheme(),
      timeScale: { borderColor: '#2a3342', timeVisible: timeframe !== '1d', secondsVisible: false, rightOffset: 6 },
    });
    series.current = c.addSeries(CandlestickSeries, {
      upColor: '#2fbf71',
      downColor: '#f25f5c',
      wickUpColor: '#2fbf71',
      wickDownColor: '#f25f5c',
      borderVisible: false,
      priceFormat: { type: 'price', precision: decimals, minMove: 1 / 10 ** decimals },
    });
    const onRange = (range: LogicalRange | null) => {
      if (range && range.from < EDGE_BARS) edge.current?.();
    };
    c.timeScale().subscribeVisibleLogicalRangeChange(onRange);
    chart.current = c;
    shown.current = null;
    return () => {
      c.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      c.remove();
      chart.current = null;
      series.current = null;
    };
  }, [timeframe, decimals]);

  useEffect(() => {
    const s = series.current;
    if (!s || candles.length === 0) return;
    const prev = shown.current;
    const last = candles[candles.length - 1];
    if (prev && prev.first === candles[0].time && prev.length === candles.length && prev.last === last.time) {
      s.update(toBar(last, timeframe));
    } else {
      s.setData(candles.map((c) => toBar(c, timeframe)));
      // First data, or the few live candles of a fresh platform replaced by its history: frame the
      // newest bars (older pages, prepended on scroll, keep the user's view).
      if (!prev || (prev.length <= INITIAL_BARS && candles[0].time < prev.first)) {
        const n = candles.length;
        if (n > INITIAL_BARS) chart.current?.timeScale().setVisibleLogicalRange({ from: n - INITIAL_BARS, to: n + 6 });
        else chart.current?.timeScale().fitContent();
      }
    }
    shown.current = { first: candles[0].time, length: candles.length, last: last.time };
    // What the chart draws, readable without decoding the canvas (browser tests, a11y tools).
    const el = container.current;
    if (el) {
      el.dataset.bars = String(candles.length);
      el.dataset.lastTime = String(last.time);
      el.dataset.lastClose = String(last.close);
    }
  }, [candles, timeframe]);

  return <div className="chart chart-candles" ref={container} data-testid="candle-chart" />;
}
