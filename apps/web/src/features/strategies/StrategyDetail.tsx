import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { StrategyView } from '@meridian/contracts';
import { useAppSelector, useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatFraction, formatNumber } from '../../ui/format';
import { useGetMarketInstrumentsQuery } from '../markets/marketsApi';
import { BacktestForm } from './BacktestForm';
import { DeploymentsPanel } from './DeploymentsPanel';
import { DeployForm } from './DeployForm';
import { liveOf } from './deployDraft';
import { LiveStatus } from './RegistryTable';
import { useGetDeploymentsQuery, useGetStrategyQuery } from './strategiesApi';
import { diffLines, versionLines } from './versionDiff';

const BASE = modulePath('strategies');
const SIMULATION = modulePath('simulation');

/** Two versions side by side: their definitions line by line, the changes marked. */
export function VersionDiff({ strategy }: { strategy: StrategyView }) {
  const versions = [...strategy.versions].sort((a, b) => a.version - b.version);
  const [left, setLeft] = useState<number>(versions.length > 1 ? versions[versions.length - 2].version : (versions[0]?.version ?? 0));
  const [right, setRight] = useState<number>(versions[versions.length - 1]?.version ?? 0);
  const a = versions.find((v) => v.version === left);
  const b = versions.find((v) => v.version === right);
  if (!a || !b) return <div className="state state-empty">No versions</div>;
  const rows = diffLines(versionLines(a), versionLines(b));
  const changes = rows.filter((r) => r.kind !== 'same').length;
  const picker = (value: number, onChange: (v: number) => void, testId: string) => (
    <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          v{v.version} · {formatDateTime(v.createdAt)}
        </option>
      ))}
    </select>
  );
  return (
    <div className="version-diff">
      <div className="filters">
        {picker(left, setLeft, 'diff-left')}
        <span className="muted">↔</span>
        {picker(right, setRight, 'diff-right')}
        <span className="muted small" data-testid="diff-summary">
          {a.version === b.version ? 'the same version' : changes === 0 ? 'identical definitions' : `${changes} changed ${changes === 1 ? 'line' : 'lines'}`}
        </span>
      </div>
      <div className="table-scroll">
        <table className="diff-table mono" data-testid="version-diff">
          <thead>
            <tr>
              <th>
                v{a.version} · warm-up {formatNumber(a.warmupBars)} bars · by {a.createdBy}
              </th>
              <th>
                v{b.version} · warm-up {formatNumber(b.warmupBars)} bars · by {b.createdBy}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={`diff-${r.kind}`}>
                <td className={r.left === null ? 'diff-blank' : r.kind === 'same' ? '' : 'diff-old'}>{r.left ?? ''}</td>
                <td className={r.right === null ? 'diff-blank' : r.kind === 'same' ? '' : 'diff-new'}>{r.right ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ParamsSpec({ strategy }: { strategy: StrategyView }) {
  const entries = Object.entries(strategy.params);
  if (entries.length === 0) return <div className="muted small">No parameters.</div>;
  return (
    <table className="grid-table compact" data-testid="strategy-params">
      <thead>
        <tr>
          <th>Parameter</th>
          <th>Type</th>
          <th className="num">Default</th>
          <th>Range</th>
          <th>Description</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([name, spec]) => (
          <tr key={name}>
            <td className="mono">{name}</td>
            <td className="muted">{spec.type}</td>
            <td className="num">{String(spec.default)}</td>
            <td className="mono small">
              {spec.type === 'integer' || spec.type === 'number' ? `${spec.min} – ${spec.max}${spec.step ? ` step ${spec.step}` : ''}` : spec.type === 'enum' ? spec.values.join(' | ') : 'on / off'}
            </td>
            <td className="small">{spec.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StrategyBody({ strategy }: { strategy: StrategyView }) {
  const userId = useAppSelector((s) => s.session.user?.id);
  const canRun = useRoleAtLeast('trader');
  const instruments = useGetMarketInstrumentsQuery();
  const [backtesting, setBacktesting] = useState(false);
  const [deploying, setDeploying] = useState(false);
  const deployments = useGetDeploymentsQuery();
  const live = strategy.live ?? liveOf(deployments.data, strategy.id);
  const deployed = (deployments.data ?? []).some((d) => d.strategyId === strategy.id);
  const latest = strategy.versions.find((v) => v.version === strategy.latestVersion);
  const ownRule = strategy.kind === 'rule' && strategy.ownerId === userId;
  const run = strategy.latestBacktest;

  return (
    <div className="stack">
      <Panel
        title={strategy.name}
        actions={
          <>
            {canRun ? (
              <button type="button" className={`btn btn-small ${backtesting ? '' : 'btn-primary'}`} onClick={() => setBacktesting((v) => !v)} aria-expanded={backtesting} data-testid="strategy-backtest">
                {backtesting ? 'Close backtest' : 'Backtest'}
              </button>
            ) : null}
            {canRun ? (
              <Link className="btn btn-small" to={`${SIMULATION}/new?strategy=${encodeURIComponent(strategy.id)}`} data-testid="strategy-optimise">
                Optimise…
              </Link>
            ) : null}
            {canRun && strategy.kind === 'rule' ? (
              <Link className="btn btn-small" to={`${BASE}/builder?strategy=${encodeURIComponent(strategy.id)}`} data-testid="strategy-edit">
                {ownRule ? 'New version' : 'Copy as new'}
              </Link>
            ) : null}
            {canRun ? (
              <button
                type="button"
                className={`btn btn-small ${deploying ? '' : 'btn-primary'}`}
                onClick={() => setDeploying((v) => !v)}
                aria-expanded={deploying}
                data-testid="strategy-deploy"
              >
                {deploying ? 'Close deploy' : 'Deploy to paper'}
              </button>
            ) : null}
          </>
        }
      >
        <dl className="facts-row">
          <div>
            <dt>Kind</dt>
            <dd>{strategy.kind === 'builtin' ? 'built-in' : 'rule'}</dd>
          </div>
          <div>
            <dt>Latest version</dt>
            <dd className="num">v{strategy.latestVersion}</dd>
          </div>
          <div>
            <dt>Warm-up</dt>
            <dd className="num">{latest ? `${formatNumber(latest.warmupBars)} bars` : '—'}</dd>
          </div>
          <div>
            <dt>Live</dt>
            <dd>
              <LiveStatus live={live} />
            </dd>
          </div>
          <div>
            <dt>Latest backtest</dt>
            <dd>
              {run ? (
                <Link to={`${SIMULATION}/runs/${run.id}`}>
                  <StatusBadge status={run.status} tone={run.status === 'completed' ? 'up' : run.status === 'failed' ? 'down' : 'info'} />{' '}
                  {run.metrics ? `${formatFraction(run.metrics.totalReturn, 1)} · Sharpe ${formatNumber(run.metrics.sharpe, 2)}` : formatDateTime(run.createdAt)}
                </Link>
              ) : (
                <span className="muted">never</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd className="mono small">{formatDateTime(strategy.createdAt)}</dd>
          </div>
        </dl>
        {strategy.description ? <p className="strategy-description">{strategy.description}</p> : null}
        {latest?.canonical ? (
          <pre className="canonical mono" data-testid="strategy-canonical">
            {latest.canonical}
          </pre>
        ) : null}
      </Panel>

      {backtesting ? (
        <Panel title={`Backtest ${strategy.name}`}>
          <BacktestForm strategy={strategy} instruments={instruments.data} />
        </Panel>
      ) : null}

      {deploying ? (
        <Panel title={`Deploy ${strategy.name} to paper trading`}>
          <DeployForm strategy={strategy} instruments={instruments.data} />
        </Panel>
      ) : null}

      {deployed ? (
        <Panel
          title="Live deployments"
          actions={
            <Link className="btn btn-small" to={`${BASE}/live`}>
              All deployments
            </Link>
          }
        >
          <DeploymentsPanel strategyId={strategy.id} />
        </Panel>
      ) : null}

      <Panel title="Parameters">
        <ParamsSpec strategy={strategy} />
      </Panel>

      <Panel title={`Versions (${strategy.versions.length})`}>
        <VersionDiff strategy={strategy} />
      </Panel>
    </div>
  );
}

/** One strategy: what it is, its parameters, its versions side by side; backtest and deploy it from here. */
export function StrategyDetail({ id }: { id: string }) {
  const strategy = useGetStrategyQuery(id);
  return (
    <QueryView query={strategy} loadingText="Loading the strategy…">
      {(s) => <StrategyBody strategy={s} />}
    </QueryView>
  );
}
