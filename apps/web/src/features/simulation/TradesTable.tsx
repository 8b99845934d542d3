import { useState } from 'react';
import type { TradeView } from '@meridian/contracts';
import { Pager } from '../../ui/Pager';
import { formatDateTime, formatNumber, formatSigned, pnlClass } from '../../ui/format';

export const TRADES_PAGE = 50;

/** A run's trades, paged here (the run detail carries them all). */
export function TradesTable({ trades }: { trades: TradeView[] }) {
  const [page, setPage] = useState(0);
  if (trades.length === 0) return <div className="state state-empty">No trades</div>;
  const pages = Math.ceil(trades.length / TRADES_PAGE);
  const current = Math.min(page, pages - 1);
  const rows = trades.slice(current * TRADES_PAGE, (current + 1) * TRADES_PAGE);
  const total = trades.reduce((sum, t) => sum + t.netPnl, 0);
  return (
    <>
      <div className="table-scroll trades-scroll">
        <table className="grid-table compact" data-testid="trades-table">
          <thead>
            <tr>
              <th>Symbol</th>
              <th>Direction</th>
              <th className="num">Qty</th>
              <th>Entry</th>
              <th className="num">Entry price</th>
              <th>Exit</th>
              <th className="num">Exit price</th>
              <th className="num">Gross P&amp;L</th>
              <th className="num">Fees</th>
              <th className="num">Net P&amp;L</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t, i) => (
              <tr key={`${current}-${i}`} data-testid="trade-row">
                <td className="mono">{t.symbol}</td>
                <td className={`side side-${t.direction === 'long' ? 'buy' : 'sell'}`}>{t.direction}</td>
                <td className="num">{formatNumber(t.quantity, 4).replace(/\.?0+$/, '')}</td>
                <td className="mono nowrap">{formatDateTime(t.entryTime)}</td>
                <td className="num">{formatNumber(t.entryPrice, 2)}</td>
                <td className="mono nowrap">{t.open ? <span className="badge status-info">open</span> : formatDateTime(t.exitTime)}</td>
                <td className="num">{formatNumber(t.exitPrice, 2)}</td>
                <td className={`num ${pnlClass(t.grossPnl)}`}>{formatSigned(t.grossPnl)}</td>
                <td className="num">{formatNumber(t.fees, 2)}</td>
                <td className={`num ${pnlClass(t.netPnl)}`}>{formatSigned(t.netPnl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        paging={{ offset: current * TRADES_PAGE, pageSize: TRADES_PAGE, setOffset: (offset) => setPage(Math.floor(offset / TRADES_PAGE)) }}
        shown={rows.length}
        total={trades.length}
        labels={{ prev: 'Previous', next: 'Next' }}
        testIds={{ range: 'trades-range', prev: 'trades-prev', next: 'trades-next' }}
        note={
          <>
            {' '}
            · net <span className={pnlClass(total)}>{formatSigned(total)}</span>
          </>
        }
        showPageCount
      />
    </>
  );
}
