import type { CandlePage, CandleView, MarketTimeframe } from '@meridian/contracts';

/** One time line from the cached pages (newest page first): oldest first, one candle per time. */
export function mergeCandlePages(pages: readonly CandlePage[]): CandleView[] {
  const byTime = new Map<number, CandleView>();
  for (let i = pages.length - 1; i >= 0; i--) for (const c of pages[i].items) byTime.set(c.time, c);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/**
 * Chart time in seconds. lightweight-charts draws times as UTC; intraday candles are shifted by
 * the local offset so the axis shows local time, daily candles stay on their UTC date.
 */
export function chartTimeOf(epochMs: number, timeframe: MarketTimeframe): number {
  const shift = timeframe === '1d' ? 0 : new Date(epochMs).getTimezoneOffset() * 60_000;
  return Math.floor((epochMs - shift) / 1000);
}

/** Diverging colour for a correlation: −1 blue, 0 the panel's grey, +1 red. */
export function correlationColor(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return 'transparent';
  const v = Math.max(-1, Math.min(1, value));
  const neutral = [38, 44, 56];
  const end = v < 0 ? [33, 102, 172] : [203, 52, 48];
  const t = Math.abs(v);
  const mix = neutral.map((n, i) => Math.round(n + (end[i] - n) * t));
  return `rgb(${mix.join(', ')})`;
}
