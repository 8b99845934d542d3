import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { TabbedModulePage, type ModuleRoute, type ModuleTab } from '../../ui/TabbedModulePage';
import { useGetMarketInstrumentsQuery } from '../markets/marketsApi';
import { CompareView } from './CompareView';
import { MonteCarloPanel } from './MonteCarloPanel';
import { RunDetailView } from './RunDetailView';
import { RunForm } from './RunForm';
import { RunsList } from './RunsList';
import { StressPanel } from './StressPanel';
import './simulation.css';

/** Links between the tabs are absolute: relative ones would resolve against the splat (see modulePath). */
const BASE = modulePath('simulation');

function RunsView() {
  const canRun = useRoleAtLeast('trader');
  return (
    <Panel
      title="Runs"
      actions={
        canRun ? (
          <Link className="btn btn-small btn-primary" to={`${BASE}/new`}>
            New run
          </Link>
        ) : null
      }
    >
      <RunsList />
    </Panel>
  );
}

function NewRunView() {
  const instruments = useGetMarketInstrumentsQuery();
  const canRun = useRoleAtLeast('trader');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <Panel title="New run">
      {canRun ? (
        <RunForm instruments={instruments.data} strategyId={params.get('strategy') ?? undefined} onStarted={(run) => navigate(`${BASE}/runs/${run.id}`)} />
      ) : (
        <div className="state state-empty">Viewers can follow runs but not start them.</div>
      )}
    </Panel>
  );
}

function RunView() {
  const { id } = useParams();
  return <RunDetailView key={id} id={id!} />;
}

const TABS: ModuleTab[] = [
  { path: 'runs', label: 'Runs', element: <RunsView /> },
  { path: 'new', label: 'New run', element: <NewRunView /> },
  { path: 'monte-carlo', label: 'Monte Carlo', element: <MonteCarloPanel /> },
  { path: 'stress', label: 'Stress test', element: <StressPanel /> },
  { path: 'compare', label: 'Compare', element: <CompareView /> },
];

const ROUTES: ModuleRoute[] = [{ path: 'runs/:id', element: <RunView /> }];

/** F7 Simulation: backtests, optimisation, walk-forward, Monte Carlo, stress tests and run comparison. */
export function SimulationPage() {
  return <TabbedModulePage module="simulation" tabs={TABS} routes={ROUTES} />;
}
