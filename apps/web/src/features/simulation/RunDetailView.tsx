import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { BacktestMetricsView, RunDetail } from '@meridian/contracts';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatNumber } from '../../ui/format';
import type { WalkForwardObjectiveKey } from './analysis';
import { runEquitySeries } from './chartData';
import { DrawdownChart, EquityCurveChart } from './charts';
import { GridResults } from './GridResults';
import { KIND_LABELS, METRICS, shortId, statusTone } from './metrics';
import { MonteCarloResults } from './MonteCarloResults';
import { isActive } from './runPatches';
import { CancelRunButton, RunProgress } from './RunsList';
import { useGetRunQuery } from './simulationApi';
import { TradesTable } from './TradesTable';
import { WalkForwardTable } from './WalkForwardTable';

const BASE = modulePath('simulation');
const STRATEGIES = modulePath('strategies');

export function MetricsTable({ metrics }: { metrics: BacktestMetricsView }) {
  return (
    <dl className="metrics-grid" data-testid="run-metrics">
      {METRICS.map((m) => (
        <div key={m.key} className="metric">
          <dt>{m.label}</dt>
          <dd className="num" data-testid={`metric-${m.key}`}>
            {m.format(metrics[m.key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const configText = (v: unknown) => (v === undefined || v === null ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));

function ConfigFacts({ run }: { run: RunDetail }) {
  const c = run.config;
  const facts: [string, unknown][] = [
    ['Symbols', c.symbols],
    ['Timeframe', c.timeframe],
    ['From', c.from],
    ['To', c.to],
    ['Initial cash', c.initialCash],
    ['Fees (bps)', c.feesBps],
    ['Fixed fee', c.feeFixed],
    ['Slippage (bps)', c.slippageBps],
    ['Parameters', c.params],
    ['Grid', c.grid],
    ['Method', c.method],
  ];
  return (
    <dl className="facts-row run-facts" data-testid="run-config">
      <div>
        <dt>Strategy</dt>
        <dd>
          {run.strategyId ? (
            <Link to={`${STRATEGIES}/view/${encodeURIComponent(run.strategyId)}`}>
              {run.strategyId.length > 20 ? shortId(run.strategyId) : run.strategyId}
              {run.strategyVersion ? ` v${run.strategyVersion}` : ''}
            </Link>
          ) : c.rule ? (
            'inline rule'
          ) : (
            '—'
          )}
        </dd>
      </div>
      {facts
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([label, v]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="mono small">{configText(v)}</dd>
          </div>
        ))}
      <div>
        <dt>Created</dt>
        <dd className="mono small">{formatDateTime(run.createdAt)}</dd>
      </div>
      <div>
        <dt>Finished</dt>
        <dd className="mono small">{formatDateTime(run.finishedAt)}</dd>
      </div>
      <div>
        <dt>Data version</dt>
        <dd className="mono small" title="A fingerprint of the bars the run read: a rerun on the same data shows the same">
          {run.dataVersion ? run.dataVersion.slice(0, 16) : '—'}
        </dd>
      </div>
    </dl>
  );
}

function Lookahead({ lookahead }: { lookahead: NonNullable<RunDetail['lookahead']> }) {
  if (!lookahead.checked) return null;
  if (lookahead.differences === 0) {
    return (
      <div className="note-ok small" data-testid="lookahead">
        Look-ahead check passed: no decision changed when later data was cut off.
      </div>
    );
  }
  return (
    <div className="state state-error" data-testid="lookahead">
      Look-ahead check: {formatNumber(lookahead.differences)} decisions changed when later data was cut off: the strategy reads the future.
      {lookahead.details.length ? (
        <ul className="small">
          {lookahead.details.slice(0, 10).map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function RunBody({ run }: { run: RunDetail }) {
  const canRun = useRoleAtLeast('trader');
  const series = useMemo(() => (run.equity ? runEquitySeries(run.equity) : null), [run.equity]);
  const objective = ((run.config.walkForward as { objective?: WalkForwardObjectiveKey } | undefined)?.objective ?? 'sharpe') as WalkForwardObjectiveKey;
  const isBacktestLike = run.kind !== 'monte-carlo';
  return (
    <div className="stack">
      <Panel
        title={`${KIND_LABELS[run.kind]} · ${run.label || shortId(run.id)}`}
        actions={
          <>
            {canRun && isActive(run.status) ? <CancelRunButton run={run} /> : null}
            {run.status === 'completed' && isBacktestLike ? (
              <>
                <Link className="btn btn-small" to={`${BASE}/monte-carlo?run=${run.id}`} data-testid="run-to-mc">
                  Monte Carlo
                </Link>
                <Link className="btn btn-small" to={`${BASE}/stress?run=${run.id}`} data-testid="run-to-stress">
                  Stress test
                </Link>
              </>
            ) : null}
            <Link className="btn btn-small" to={`${BASE}/compare`}>
              Compare…
            </Link>
          </>
        }
      >
        <div className="run-head">
          <span data-testid="run-status" data-status={run.status}>
            <StatusBadge status={run.status} tone={statusTone(run.status)} />
          </span>
          {isActive(run.status) ? <RunProgress run={run} /> : null}
          <span className="mono muted small" title={run.id}>
            {run.id}
          </span>
        </div>
        {run.error ? (
          <div className="state state-error" role="alert">
            {run.error}
          </div>
        ) : null}
        <ConfigFacts run={run} />
        {run.lookahead ? <Lookahead lookahead={run.lookahead} /> : null}
      </Panel>

      {run.metrics ? (
        <Panel title={run.kind === 'grid' || run.kind === 'walk-forward' ? 'Metrics (best parameters)' : 'Metrics'}>
          <MetricsTable metrics={run.metrics} />
        </Panel>
      ) : null}

      {series && series.equity.length > 1 ? (
        <Panel title="Equity and drawdown">
          <EquityCurveChart points={series.equity} initialCash={run.metrics?.initialCash} />
          <DrawdownChart points={series.drawdown} />
        </Panel>
      ) : null}

      {run.grid && run.grid.length > 0 ? (
        <Panel title={`Parameter grid (${formatNumber(run.grid.length)} points)`}>
          <GridResults points={run.grid} initialMetric={objective} />
        </Panel>
      ) : null}

      {run.walkForward && run.walkForward.length > 0 ? (
        <Panel title="Walk-forward windows">
          <WalkForwardTable windows={run.walkForward} objective={objective} />
        </Panel>
      ) : null}

      {run.monteCarlo ? (
        <Panel title="Monte Carlo">
          <MonteCarloResults mc={run.monteCarlo} />
        </Panel>
      ) : null}

      {isBacktestLike && run.status === 'completed' ? (
        <Panel title={`Trades (${formatNumber(run.trades.length)})`}>
          <TradesTable trades={run.trades} />
        </Panel>
      ) : null}

      {isActive(run.status) ? <div className="state state-loading">Results appear when the run completes.</div> : null}
    </div>
  );
}

/** One run in full: status and progress (live), configuration, metrics, charts, trades and the analyses its kind carries. */
export function RunDetailView({ id }: { id: string }) {
  const run = useGetRunQuery(id);
  return (
    <QueryView query={run} loadingText="Loading the run…">
      {(r) => <RunBody run={r} />}
    </QueryView>
  );
}
