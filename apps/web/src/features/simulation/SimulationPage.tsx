import { Link, Navigate, NavLink, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { useGetMarketInstrumentsQuery } from '../markets/marketsApi';
import { CompareView } from './CompareView';
import { MonteCarloPanel } from './MonteCarloPanel';
import { RunDetailView } from './RunDetailView';
import { RunForm } from './RunForm';
import { RunsList } from './RunsList';
import { StressPanel } from './StressPanel';
import './simulation.css';

const TABS = [
  { path: 'runs', label: 'Runs' },
  { path: 'new', label: 'New run' },
  { path: 'monte-carlo', label: 'Monte Carlo' },
  { path: 'stress', label: 'Stress test' },
  { path: 'compare', label: 'Compare' },
] as const;

/** Tab links and the redirect are absolute: relative ones would resolve against the splat (see modulePath). */
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

/** F7 Simulation: backtests, optimisation, walk-forward, Monte Carlo, stress tests and run comparison. */
export function SimulationPage() {
  return (
    <div className="simulation-page">
      <nav className="tabs" aria-label="Simulation sections">
        {TABS.map((t) => (
          <NavLink key={t.path} to={`${BASE}/${t.path}`} className={({ isActive }) => `tab${isActive ? ' active' : ''}`}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route path="runs" element={<RunsView />} />
        <Route path="runs/:id" element={<RunView />} />
        <Route path="new" element={<NewRunView />} />
        <Route path="monte-carlo" element={<MonteCarloPanel />} />
        <Route path="stress" element={<StressPanel />} />
        <Route path="compare" element={<CompareView />} />
        <Route path="*" element={<Navigate to={`${BASE}/runs`} replace />} />
      </Routes>
    </div>
  );
}
