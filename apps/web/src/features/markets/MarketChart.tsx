import { MARKET_TIMEFRAMES, type MarketTimeframe } from '@meridian/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { QueryView } from '../../ui/QueryView';
import { CandleCanvas } from './CandleCanvas';
import { mergeCandlePages } from './chartData';
import { useGetMarketCandlesInfiniteQuery } from './marketsApi';

/** How often a chart whose history is still being fetched asks again. */
const BACKFILL_POLL_MS = 2_000;

interface MarketChartProps {
  symbol: string;
  decimals: number;
  timeframe: MarketTimeframe;
  onTimeframe: (timeframe: MarketTimeframe) => void;
}

/** Candles of one symbol: history for the timeframe, the last candle moving live, older pages on scroll. */
export function MarketChart({ symbol, decimals, timeframe, onTimeframe }: MarketChartProps) {
  // While the venue's history is still landing (a fresh platform), ask again until it has.
  const [backfilling, setBackfilling] = useState(false);
  const candles = useGetMarketCandlesInfiniteQuery({ symbol, timeframe }, { pollingInterval: backfilling ? BACKFILL_POLL_MS : 0 });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = candles;
  // currentData: after a switch of symbol or timeframe, never draw the previous one's candles.
  const data = candles.currentData;
  const nowBackfilling = data?.pages[0]?.backfilling === true;
  useEffect(() => setBackfilling(nowBackfilling), [nowBackfilling]);
  const merged = useMemo(() => mergeCandlePages(data?.pages ?? []), [data]);
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div className="market-chart">
      <div className="chart-toolbar">
        <span className="mono chart-symbol">{symbol}</span>
        <div className="segmented" role="group" aria-label="Timeframe">
          {MARKET_TIMEFRAMES.map((tf) => (
            <button
              key={tf}
              type="button"
              className={`seg ${tf === timeframe ? 'active' : ''}`}
              aria-pressed={tf === timeframe}
              onClick={() => onTimeframe(tf)}
              data-testid={`timeframe-${tf}`}
            >
              {tf}
            </button>
          ))}
        </div>
        <span className="muted small chart-status">
          {nowBackfilling
            ? 'Fetching history…'
            : isFetchingNextPage
              ? 'Loading older candles…'
              : data && !hasNextPage
                ? 'Start of history'
                : `${merged.length} candles`}
        </span>
      </div>
      <QueryView
        query={{ data, error: candles.error, isLoading: candles.isFetching }}
        isEmpty={() => merged.length === 0}
        emptyText={`No ${timeframe} candles for ${symbol} yet`}
        loadingText="Loading candles…"
      >
        {() => <CandleCanvas key={`${symbol}|${timeframe}`} candles={merged} timeframe={timeframe} decimals={decimals} onNearLeftEdge={loadOlder} />}
      </QueryView>
    </div>
  );
}
