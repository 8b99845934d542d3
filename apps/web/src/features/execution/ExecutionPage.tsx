import { useRoleAtLeast } from '../../app/hooks';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { TabbedModulePage, type ModuleTab } from '../../ui/TabbedModulePage';
import { useGetMarketInstrumentsQuery } from '../markets/marketsApi';
import { AlgoMonitor } from './AlgoMonitor';
import { FillsHistory } from './FillsHistory';
import { OrdersBlotter } from './OrdersBlotter';
import { OrderTicket } from './OrderTicket';
import './execution.css';

function TradeView() {
  const instruments = useGetMarketInstrumentsQuery();
  const canTrade = useRoleAtLeast('trader');
  return (
    <div className="execution-grid">
      <Panel title="Order ticket" className="execution-ticket">
        {canTrade ? (
          <QueryView query={instruments} isEmpty={(list) => list.length === 0} emptyText="No instruments to trade" loadingText="Loading instruments…">
            {(list) => <OrderTicket instruments={list} />}
          </QueryView>
        ) : (
          <div className="state state-empty">Viewers can follow orders but not place them.</div>
        )}
      </Panel>
      <Panel title="Orders" className="execution-orders">
        <OrdersBlotter instruments={instruments.data} />
      </Panel>
    </div>
  );
}

function FillsView() {
  const instruments = useGetMarketInstrumentsQuery();
  return (
    <Panel title="Fills">
      <FillsHistory instruments={instruments.data} />
    </Panel>
  );
}

function AlgosView() {
  return (
    <Panel title="Algorithms">
      <AlgoMonitor />
    </Panel>
  );
}

const TABS: ModuleTab[] = [
  { path: 'trade', label: 'Ticket & orders', element: <TradeView /> },
  { path: 'fills', label: 'Fills', element: <FillsView /> },
  { path: 'algos', label: 'Algorithms', element: <AlgosView /> },
];

export function ExecutionPage() {
  return <TabbedModulePage module="execution" tabs={TABS} />;
}
