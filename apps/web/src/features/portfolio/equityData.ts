import type { UTCTimestamp } from 'lightweight-charts';
import type { EquityPoint } from '@meridian/contracts';

// lightweight-charts draws timestamps as UTC; shifting by the local offset shows local time.
const toChartTime = (iso: string) => Math.floor((Date.parse(iso) - new Date(iso).getTimezoneOffset() * 60_000) / 1000);

/** Points in strictly increasing time, one per second (the chart rejects duplicates), the last sample of a second winning. */
export function equitySeries(points: EquityPoint[]): { time: UTCTimestamp; value: number }[] {
  const bySecond = new Map<number, number>();
  for (const p of points) {
    const value = Number(p.equity);
    if (Number.isFinite(value) && !Number.isNaN(Date.parse(p.at))) bySecond.set(toChartTime(p.at), value);
  }
  return [...bySecond.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value }));
}
