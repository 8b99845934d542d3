import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { TabbedModulePage, type ModuleTab } from '../../ui/TabbedModulePage';
import { useGetMarketInstrumentsQuery } from '../markets/marketsApi';
import { AccountSummary } from './AccountSummary';
import { EquityChart } from './EquityChart';
import { PositionsTable } from './PositionsTable';
import { useGetEquityQuery } from './portfolioApi';
import { RebalancePanel } from './RebalancePanel';
import { RiskLimitsEditor } from './RiskLimitsEditor';
import { RiskMetricsPanel } from './RiskMetricsPanel';
import { useLivePortfolio } from './useLivePortfolio';
import './portfolio.css';

/** Samples of the equity curve to draw (new ones arrive live as the server records them). */
const EQUITY_ARGS = { limit: 2000 } as const;

function OverviewView() {
  const portfolio = useLivePortfolio();
  const equity = useGetEquityQuery(EQUITY_ARGS);
  return (
    <div className="stack">
      <Panel title="Account">
        <QueryView query={portfolio} loadingText="Loading account…">
          {(p) => <AccountSummary portfolio={p} />}
        </QueryView>
      </Panel>
      <Panel title="Positions">
        <QueryView query={portfolio} loadingText="Loading positions…">
          {(p) => <PositionsTable portfolio={p} />}
        </QueryView>
      </Panel>
      <Panel title="Equity curve">
        <QueryView query={equity} isEmpty={(points) => points.length < 2} emptyText="Not enough equity samples yet" loadingText="Loading equity curve…">
          {(points) => <EquityChart points={points} baseline={portfolio.data ? Number(portfolio.data.account.initialCash) : undefined} />}
        </QueryView>
      </Panel>
    </div>
  );
}

function RiskView() {
  const instruments = useGetMarketInstrumentsQuery();
  return (
    <Panel title="Risk metrics">
      <RiskMetricsPanel instruments={instruments.data} />
    </Panel>
  );
}

function LimitsView() {
  const instruments = useGetMarketInstrumentsQuery();
  return <RiskLimitsEditor instruments={instruments.data} />;
}

function RebalanceView() {
  const instruments = useGetMarketInstrumentsQuery();
  return <RebalancePanel instruments={instruments.data} />;
}

const TABS: ModuleTab[] = [
  { path: 'overview', label: 'Overview', element: <OverviewView /> },
  { path: 'risk', label: 'Risk metrics', element: <RiskView /> },
  { path: 'limits', label: 'Risk limits', element: <LimitsView /> },
  { path: 'rebalance', label: 'Rebalance', element: <RebalanceView /> },
];

export function PortfolioPage() {
  return <TabbedModulePage module="portfolio" tabs={TABS} />;
}
