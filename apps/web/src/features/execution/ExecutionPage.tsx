import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { useGetMarketInstrumentsQuery } from '../markets/marketsApi';
import { AlgoMonitor } from './AlgoMonitor';
import { FillsHistory } from './FillsHistory';
import { OrdersBlotter } from './OrdersBlotter';
import { OrderTicket } from './OrderTicket';
import './execution.css';

const TABS = [
  { path: 'trade', label: 'Ticket & orders' },
  { path: 'fills', label: 'Fills' },
  { path: 'algos', label: 'Algorithms' },
] as const;

/** Tab links and the redirect are absolute: relative ones would resolve against the splat (see modulePath). */
const BASE = modulePath('execution');

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

export function ExecutionPage() {
  return (
    <div className="execution-page">
      <nav className="tabs" aria-label="Execution sections">
        {TABS.map((t) => (
          <NavLink key={t.path} to={`${BASE}/${t.path}`} className={({ isActive }) => `tab${isActive ? ' active' : ''}`}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route path="trade" element={<TradeView />} />
        <Route path="fills" element={<FillsView />} />
        <Route path="algos" element={<AlgosView />} />
        <Route path="*" element={<Navigate to={`${BASE}/trade`} replace />} />
      </Routes>
    </div>
  );
}
