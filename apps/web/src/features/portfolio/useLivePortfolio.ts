import { useMemo } from 'react';
import type { AccountView } from '@meridian/contracts';
import { useGetMarketQuotesQuery } from '../markets/marketsApi';
import { useGetPositionsQuery } from './portfolioApi';
import { liveAccount, livePosition, type LiveAccount, type LivePosition } from './positionPatches';

export interface LivePortfolio {
  account: AccountView;
  rows: LivePosition[];
  live: LiveAccount;
  /** Price decimals of a symbol, from its quote (2 when unknown). */
  decimalsOf: (symbol: string) => number;
}

/**
 * The account and positions of the server, marked to the market stream's quotes: the quotes
 * cache (shared with the Markets watchlist) is moved by every tick, and P&L is recomputed from it.
 */
export function useLivePortfolio() {
  const positions = useGetPositionsQuery();
  const quotes = useGetMarketQuotesQuery();
  const data = useMemo<LivePortfolio | undefined>(() => {
    if (!positions.data) return undefined;
    const quoteOf = new Map((quotes.data?.quotes ?? []).map((q) => [q.symbol, q]));
    const rows = positions.data.positions.map((p) => livePosition(p, quoteOf.get(p.symbol)?.price));
    return {
      account: positions.data.account,
      rows,
      live: liveAccount(positions.data.account, rows),
      decimalsOf: (symbol) => quoteOf.get(symbol)?.decimals ?? 2,
    };
  }, [positions.data, quotes.data]);
  return { data, error: positions.error, isLoading: positions.isLoading };
}
