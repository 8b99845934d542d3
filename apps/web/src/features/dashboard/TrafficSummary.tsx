import type { PerformanceSnapshot } from '@meridian/contracts';
import { formatMs, formatNumber, formatPct } from '../../ui/format';

function Kpi({ label, value, tone }: { label: string; value: string; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className={`kpi ${tone ? `kpi-${tone}` : ''}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value num">{value}</div>
    </div>
  );
}

/** Request and error rate of the current window, with the latency percentiles beside them. */
export function TrafficSummary({ current }: { current: PerformanceSnapshot }) {
  const errorTone = current.errorRatePct >= 5 ? 'bad' : current.errorRatePct >= 1 ? 'warn' : 'ok';
  return (
    <div className="kpi-row" data-testid="traffic-summary">
      <Kpi label="Requests / s" value={formatNumber(current.requestRatePerSec, 1)} />
      <Kpi label="Error rate" value={formatPct(current.errorRatePct)} tone={errorTone} />
      <Kpi label="p50" value={formatMs(current.p50Ms)} />
      <Kpi label="p95" value={formatMs(current.p95Ms)} />
      <Kpi label="p99" value={formatMs(current.p99Ms)} />
      <Kpi label="Event-loop lag" value={formatMs(current.eventLoopLagMs)} />
      <Kpi label="Window" value={`${current.windowSec} s`} />
    </div>
  );
}
