import type { RouteLatency } from '@meridian/contracts';
import { formatMs, formatNumber, formatPct } from '../../ui/format';

export function RouteLatencyTable({ routes }: { routes: RouteLatency[] }) {
  if (routes.length === 0) return <div className="state state-empty">No requests in this window</div>;
  const sorted = [...routes].sort((a, b) => b.p95Ms - a.p95Ms);
  return (
    <div className="table-scroll">
      <table className="grid-table">
        <thead>
          <tr>
            <th>Route</th>
            <th className="num">Count</th>
            <th className="num">Req/s</th>
            <th className="num">p50</th>
            <th className="num">p95</th>
            <th className="num">p99</th>
            <th className="num">Errors</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={`${r.method} ${r.route}`}>
              <td>
                <span className={`method method-${r.method.toLowerCase()}`}>{r.method}</span> <span className="mono">{r.route}</span>
              </td>
              <td className="num">{formatNumber(r.count)}</td>
              <td className="num">{formatNumber(r.ratePerSec, 2)}</td>
              <td className="num">{formatMs(r.p50Ms)}</td>
              <td className="num">{formatMs(r.p95Ms)}</td>
              <td className="num">{formatMs(r.p99Ms)}</td>
              <td className={`num ${r.errorRatePct > 0 ? 'text-bad' : ''}`}>{formatPct(r.errorRatePct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
