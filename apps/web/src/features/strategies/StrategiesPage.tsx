import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { TabbedModulePage, type ModuleRoute, type ModuleTab } from '../../ui/TabbedModulePage';
import { DeploymentsPanel } from './DeploymentsPanel';
import { RegistryTable } from './RegistryTable';
import { RuleBuilder } from './RuleBuilder';
import { useGetStrategyQuery } from './strategiesApi';
import { StrategyDetail } from './StrategyDetail';
import './strategies.css';

/** Links between the tabs are absolute: relative ones would resolve against the splat (see modulePath). */
const BASE = modulePath('strategies');

function RegistryView() {
  return (
    <Panel title="Strategy registry">
      <RegistryTable />
    </Panel>
  );
}

/** The rule builder, blank or (?strategy=id) starting from a strategy's latest version. */
function BuilderView() {
  const [params] = useSearchParams();
  const canEdit = useRoleAtLeast('trader');
  const navigate = useNavigate();
  const baseId = params.get('strategy');
  const base = useGetStrategyQuery(baseId ?? '', { skip: !baseId });
  const onSaved = (id: string) => navigate(`${BASE}/view/${encodeURIComponent(id)}`);
  if (!canEdit) return <div className="state state-empty">Viewers can browse strategies but not create them.</div>;
  if (!baseId) return <RuleBuilder key="new" onSaved={(s) => onSaved(s.id)} />;
  return (
    <QueryView query={base} loadingText="Loading the strategy…">
      {(strategy) => <RuleBuilder key={strategy.id} base={strategy} onSaved={(s) => onSaved(s.id)} />}
    </QueryView>
  );
}

/** Deployed strategies in paper trading (?deployment=id opens its report). */
function LiveView() {
  const [params] = useSearchParams();
  return (
    <Panel title="Live deployments (paper trading)">
      <DeploymentsPanel initialReport={params.get('deployment')} />
    </Panel>
  );
}

function DetailView() {
  const { id } = useParams();
  return <StrategyDetail key={id} id={id!} />;
}

const TABS: ModuleTab[] = [
  { path: 'registry', label: 'Registry', element: <RegistryView /> },
  { path: 'builder', label: 'Rule builder', element: <BuilderView /> },
  { path: 'live', label: 'Live', element: <LiveView /> },
];

const ROUTES: ModuleRoute[] = [{ path: 'view/:id', element: <DetailView /> }];

/** F6 Strategies: the registry, the rule builder, live deployments, and each strategy with its versions, backtests and deployment. */
export function StrategiesPage() {
  return <TabbedModulePage module="strategies" tabs={TABS} routes={ROUTES} />;
}
