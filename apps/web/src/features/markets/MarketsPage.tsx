import { useSearchParams } from 'react-router-dom';
import { MARKET_TIMEFRAMES, type MarketTimeframe } from '@meridian/contracts';
import { useRoleAtLeast } from '../../app/hooks';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { TabbedModulePage, type ModuleTab } from '../../ui/TabbedModulePage';
import { AlertForm } from './AlertForm';
import { AlertList } from './AlertList';
import { AlertToasts } from './AlertToasts';
import { CorrelationPanel } from './CorrelationPanel';
import { ImportPanel } from './ImportPanel';
import { MarketChart } from './MarketChart';
import { useGetMarketInstrumentsQuery, useGetMarketQuotesQuery, useGetMarketStreamStatusQuery } from './marketsApi';
import { Watchlist } from './Watchlist';
import './markets.css';

const isTimeframe = (v: string | null): v is MarketTimeframe => (MARKET_TIMEFRAMES as readonly string[]).includes(v ?? '');

/** Watchlist and chart; the selection lives in the URL (?symbol=R_100&tf=5m). */
function WatchView() {
  const [params, setParams] = useSearchParams();
  const quotes = useGetMarketQuotesQuery();
  const instruments = useGetMarketInstrumentsQuery();
  const symbol = params.get('symbol') ?? quotes.data?.quotes[0]?.symbol ?? instruments.data?.[0]?.symbol ?? null;
  const tfParam = params.get('tf');
  const instrument = instruments.data?.find((i) => i.symbol === symbol);
  const timeframe: MarketTimeframe = isTimeframe(tfParam) ? tfParam : instrument && !instrument.live ? '1d' : '1m';
  const decimals = quotes.data?.quotes.find((q) => q.symbol === symbol)?.decimals ?? instrument?.decimals ?? 2;
  const select = (next: { symbol?: string; tf?: MarketTimeframe }) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      if (next.symbol) {
        out.set('symbol', next.symbol);
        out.delete('tf'); // each instrument opens on its natural timeframe
      }
      if (next.tf) out.set('tf', next.tf);
      return out;
    });

  return (
    <div className="markets-grid">
      <Panel title="Watchlist" className="markets-watch">
        <Watchlist selected={symbol} onSelect={(s) => select({ symbol: s })} />
      </Panel>
      <Panel title={instrument ? `${instrument.displayName}` : 'Chart'} className="markets-chart">
        {symbol ? (
          <MarketChart symbol={symbol} decimals={decimals} timeframe={timeframe} onTimeframe={(tf) => select({ tf })} />
        ) : (
          <div className="state state-empty">Select an instrument</div>
        )}
      </Panel>
    </div>
  );
}

function AlertsView() {
  const instruments = useGetMarketInstrumentsQuery();
  const canCreate = useRoleAtLeast('trader');
  return (
    <div className="stack">
      <Panel title="New price alert">
        {canCreate ? (
          <QueryView query={instruments} isEmpty={(list) => !list.some((i) => i.live)} emptyText="No live instruments to watch">
            {(list) => <AlertForm instruments={list} />}
          </QueryView>
        ) : (
          <div className="state state-empty">Viewers can look at alerts but not create them.</div>
        )}
      </Panel>
      <Panel title="My alerts">
        <AlertList instruments={instruments.data} />
      </Panel>
    </div>
  );
}

const STREAM_LABELS = { live: 'Live', connecting: 'Connecting', reconnecting: 'Reconnecting', offline: 'Offline' } as const;

function StreamIndicator() {
  const { data: status = 'offline' } = useGetMarketStreamStatusQuery();
  return (
    <span className={`live-indicator live-${status}`} data-testid="market-stream-status" data-status={status} title="Market data stream">
      <span className="live-dot" />
      Prices: {STREAM_LABELS[status]}
    </span>
  );
}

const TABS: ModuleTab[] = [
  { path: 'watch', label: 'Watchlist', element: <WatchView /> },
  { path: 'correlations', label: 'Correlations', element: <CorrelationPanel /> },
  { path: 'alerts', label: 'Price alerts', element: <AlertsView /> },
  { path: 'import', label: 'Import', element: <ImportPanel /> },
];

export function MarketsPage() {
  return (
    <TabbedModulePage module="markets" tabs={TABS} aside={<StreamIndicator />}>
      <AlertToasts />
    </TabbedModulePage>
  );
}
