import { formatDecimal, formatFraction, formatNumber, formatSigned, pnlClass } from '../../ui/format';
import type { LivePortfolio } from './useLivePortfolio';

/** Open positions marked to the live quotes: P&L green or red, recomputed on every tick. */
export function PositionsTable({ portfolio }: { portfolio: LivePortfolio }) {
  const { rows, live, decimalsOf } = portfolio;
  if (rows.length === 0) return <div className="state state-empty">No positions</div>;
  const totalValue = rows.reduce((sum, r) => sum + (r.marketValue ?? 0), 0);
  const totalPnl = rows.reduce((sum, r) => sum + (r.unrealisedPnl ?? 0), 0);
  return (
    <div className="table-scroll">
      <table className="grid-table positions" data-testid="positions-table">
        <thead>
          <tr>
            <th>Symbol</th>
            <th className="num">Quantity</th>
            <th className="num">Avg price</th>
            <th className="num">Last</th>
            <th className="num">Market value</th>
            <th className="num">Unrealised P&L</th>
            <th className="num">P&L %</th>
            <th className="num">Realised</th>
            <th className="num">Fees</th>
            <th className="num">Weight</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const { symbol } = r.position;
            const digits = decimalsOf(symbol);
            const pnlPct = r.last != null && r.averagePrice > 0 ? ((r.last - r.averagePrice) / r.averagePrice) * Math.sign(r.quantity) : null;
            const realised = Number(r.position.realisedPnl);
            return (
              <tr key={symbol} data-testid={`pos-row-${symbol}`}>
                <td className="mono">
                  {symbol} <span className={`side side-${r.quantity < 0 ? 'sell' : 'buy'} small`}>{r.quantity < 0 ? 'short' : r.quantity > 0 ? 'long' : 'flat'}</span>
                </td>
                <td className="num">{formatDecimal(r.position.quantity)}</td>
                <td className="num">{formatNumber(r.averagePrice, digits)}</td>
                <td className="num" data-testid={`pos-last-${symbol}`} title={r.live ? 'Live quote' : 'Server price at load'}>
                  {formatNumber(r.last, digits)}
                  {r.live ? <span className="live-mark" aria-hidden /> : null}
                </td>
                <td className="num">{formatNumber(r.marketValue, 2)}</td>
                <td className={`num ${pnlClass(r.unrealisedPnl)}`} data-testid={`pos-pnl-${symbol}`}>
                  {formatSigned(r.unrealisedPnl)}
                </td>
                <td className={`num ${pnlClass(pnlPct)}`}>{pnlPct == null ? '—' : `${formatSigned(pnlPct * 100)} %`}</td>
                <td className={`num ${pnlClass(realised)}`}>{formatSigned(realised)}</td>
                <td className="num">{formatDecimal(r.position.feesPaid, 2)}</td>
                <td className="num">{formatFraction(live.weights.get(symbol) ?? null, 1)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={4} className="muted">
              Total
            </td>
            <td className="num">{formatNumber(totalValue, 2)}</td>
            <td className={`num ${pnlClass(totalPnl)}`} data-testid="pos-pnl-total">
              {formatSigned(totalPnl)}
            </td>
            <td colSpan={4} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
