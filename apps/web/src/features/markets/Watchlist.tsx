import { useState } from 'react';
import type { InstrumentView, LiveQuote } from '@meridian/contracts';
import { QueryView } from '../../ui/QueryView';
import { formatNumber } from '../../ui/format';
import { useGetMarketInstrumentsQuery, useGetMarketQuotesQuery } from './marketsApi';

export type Direction = 'up' | 'down';

/**
 * The price, flashing green or red when it changes. The flash is a CSS animation restarted by
 * re-keying the inner span; `data-direction` says which way the last change went.
 */
export function PriceCell({ symbol, price, decimals }: { symbol: string; price: number; decimals: number }) {
  const [last, setLast] = useState<{ price: number; direction: Direction | null; changes: number }>({ price, direction: null, changes: 0 });
  if (price !== last.price) {
    // Adjusting state while rendering: React re-renders at once with the new direction.
    setLast({ price, direction: price > last.price ? 'up' : 'down', changes: last.changes + 1 });
  }
  return (
    <td className="num" data-testid={`quote-${symbol}`} data-direction={last.direction ?? undefined}>
      <span key={last.changes} className={last.direction ? `price-flash flash-${last.direction}` : undefined}>
        {formatNumber(price, decimals)}
      </span>
    </td>
  );
}

function changeClass(change: number | null): string {
  if (change == null || change === 0) return 'num';
  return change > 0 ? 'num text-ok' : 'num text-bad';
}

function signed(n: number | null, digits: number, suffix = ''): string {
  if (n == null) return '—';
  return `${n > 0 ? '+' : ''}${formatNumber(n, digits)}${suffix}`;
}

interface Row {
  symbol: string;
  displayName: string;
  quote: LiveQuote | null;
  decimals: number;
}

/** Live quotes first, then the instruments that only have history (imported). */
export function watchlistRows(quotes: LiveQuote[], instruments: InstrumentView[] | undefined): Row[] {
  const rows: Row[] = quotes.map((q) => ({ symbol: q.symbol, displayName: q.displayName, quote: q, decimals: q.decimals }));
  const quoted = new Set(quotes.map((q) => q.symbol));
  for (const i of instruments ?? []) {
    if (!quoted.has(i.symbol)) rows.push({ symbol: i.symbol, displayName: i.displayName, quote: null, decimals: i.decimals });
  }
  return rows;
}

interface WatchlistProps {
  selected: string | null;
  onSelect: (symbol: string) => void;
}

export function Watchlist({ selected, onSelect }: WatchlistProps) {
  const quotes = useGetMarketQuotesQuery();
  const instruments = useGetMarketInstrumentsQuery();
  return (
    <QueryView query={quotes} isEmpty={(d) => d.quotes.length === 0 && !instruments.data?.length} emptyText="No instruments yet">
      {(data) => (
        <div className="table-scroll">
          <table className="grid-table watchlist" data-testid="watchlist">
            <thead>
              <tr>
                <th>Symbol</th>
                <th>Name</th>
                <th className="num">Price</th>
                <th className="num">24h chg</th>
                <th className="num">24h %</th>
                <th className="num">High</th>
                <th className="num">Low</th>
              </tr>
            </thead>
            <tbody>
              {watchlistRows(data.quotes, instruments.data).map((row) => {
                const q = row.quote;
                return (
                  <tr
                    key={row.symbol}
                    className={`clickable ${row.symbol === selected ? 'row-current' : ''}`}
                    onClick={() => onSelect(row.symbol)}
                    aria-selected={row.symbol === selected}
                    data-testid={`watch-row-${row.symbol}`}
                  >
                    <td className="mono">{row.symbol}</td>
                    <td className="muted">{row.displayName}</td>
                    {q ? (
                      <PriceCell symbol={row.symbol} price={q.price} decimals={row.decimals} />
                    ) : (
                      <td className="num muted" data-testid={`quote-${row.symbol}`} title="History only">
                        —
                      </td>
                    )}
                    <td className={changeClass(q?.change24h ?? null)}>{signed(q?.change24h ?? null, row.decimals)}</td>
                    <td className={changeClass(q?.changePct24h ?? null)}>{signed(q?.changePct24h ?? null, 2, ' %')}</td>
                    <td className="num">{formatNumber(q?.high24h, row.decimals)}</td>
                    <td className="num">{formatNumber(q?.low24h, row.decimals)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </QueryView>
  );
}
