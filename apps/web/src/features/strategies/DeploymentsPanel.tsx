import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DeploymentReport, DeploymentView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useAppSelector, useRoleAtLeast } from '../../app/hooks';
import { selectLiveStatus } from '../../app/uiSlice';
import { modulePath } from '../../modules';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatNumber, formatSigned, formatTime, pnlClass } from '../../ui/format';
import { ACTIONS_BY_STATUS, STATUS_TONES } from './deployDraft';
import { useControlDeploymentMutation, useGetDeploymentReportQuery, useGetDeploymentsQuery, type DeploymentAction } from './strategiesApi';

const STRATEGIES = modulePath('strategies');
const SIMULATION = modulePath('simulation');
const EXECUTION = modulePath('execution');

const ACTION_LABELS: Record<DeploymentAction, string> = { start: 'Start', pause: 'Pause', stop: 'Stop' };

type ReportSide = DeploymentReport['live'];
/** kind: a count, an amount of money, or a profit or loss (signed). */
const REPORT_ROWS: { key: keyof ReportSide; label: string; kind: 'count' | 'money' | 'pnl' }[] = [
  { key: 'trades', label: 'Trades', kind: 'count' },
  { key: 'fills', label: 'Fills', kind: 'count' },
  { key: 'netPnl', label: 'Net P&L', kind: 'pnl' },
  { key: 'feesPaid', label: 'Fees paid', kind: 'money' },
];

const cell = (v: number, kind: 'count' | 'money' | 'pnl') => (kind === 'pnl' ? formatSigned(v) : formatNumber(v, kind === 'count' ? 0 : 2));

/** Live beside a backtest of the same strategy over the same period, and the drift between them. */
export function DeploymentReportView({ id }: { id: string }) {
  const report = useGetDeploymentReportQuery(id, { refetchOnMountOrArgChange: true });
  return (
    <div className="deployment-report" data-testid="deployment-report-box">
      <div className="filters">
        <span className="muted small">Live results beside a backtest of the same period (computed when asked)</span>
        <span className="grow" />
        <button type="button" className="btn btn-small" disabled={report.isFetching} onClick={() => void report.refetch()} data-testid="report-refresh">
          {report.isFetching ? 'Computing…' : 'Refresh'}
        </button>
      </div>
      <QueryView query={report} loadingText="Computing the report (a backtest of the live period)…">
        {(r) => (
          <div data-testid="deployment-report">
            <div className="muted small" data-testid="report-period">
              {r.deployment.label} v{r.deployment.version} · {formatDateTime(r.period.from)} – {formatDateTime(r.period.to)}
            </div>
            <table className="grid-table compact report-table" data-testid="report-table">
              <thead>
                <tr>
                  <th />
                  <th className="num">Live</th>
                  <th className="num">Backtest</th>
                  <th className="num">Live − backtest</th>
                </tr>
              </thead>
              <tbody>
                {REPORT_ROWS.map((row) => {
                  const diff = r.live[row.key] - r.backtest[row.key];
                  return (
                    <tr key={row.key} data-testid={`report-row-${row.key}`}>
                      <th scope="row">{row.label}</th>
                      <td className={`num ${row.key === 'netPnl' ? pnlClass(r.live.netPnl) : ''}`} data-testid={`report-live-${row.key}`}>
                        {cell(r.live[row.key], row.kind)}
                      </td>
                      <td className={`num ${row.key === 'netPnl' ? pnlClass(r.backtest.netPnl) : ''}`} data-testid={`report-backtest-${row.key}`}>
                        {r.backtest.error ? '—' : cell(r.backtest[row.key], row.kind)}
                      </td>
                      <td className="num muted">{r.backtest.error ? '—' : formatSigned(diff, row.kind === 'count' ? 0 : 2)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="report-drift">
              Drift (live net P&amp;L − backtest net P&amp;L):{' '}
              <strong className={`num ${pnlClass(r.drift)}`} data-testid="report-drift">
                {formatSigned(r.drift)}
              </strong>
            </div>
            {r.backtest.error ? (
              <div className="state state-error small" data-testid="report-backtest-error">
                The backtest of the period could not run: {r.backtest.error}
              </div>
            ) : null}
            {r.notes.length ? (
              <ul className="small muted report-notes" data-testid="report-notes">
                {r.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      </QueryView>
    </div>
  );
}

function Counters({ d }: { d: DeploymentView }) {
  return (
    <>
      <td className="num" data-testid={`deployment-bars-${d.id}`}>
        {formatNumber(d.barsSeen)}
      </td>
      <td className="num" data-testid={`deployment-orders-${d.id}`}>
        {formatNumber(d.ordersPlaced)}
      </td>
      <td className="mono small nowrap" title={d.lastBarAt ? formatDateTime(d.lastBarAt) : undefined}>
        {d.lastBarAt ? formatTime(d.lastBarAt) : '—'}
      </td>
    </>
  );
}

interface DeploymentsPanelProps {
  /** Only this strategy's deployments. */
  strategyId?: string;
  /** The deployment whose report starts open (and whose row is marked). */
  initialReport?: string | null;
}

/**
 * Deployed strategies: status and why, bars seen, orders placed, start / pause / stop, the live
 * report, and where their tagged orders are. Live: every change of a deployment comes over the
 * WebSocket (re-read after a reconnect).
 */
export function DeploymentsPanel({ strategyId, initialReport = null }: DeploymentsPanelProps) {
  const deployments = useGetDeploymentsQuery();
  const live = useAppSelector(selectLiveStatus);
  const canRun = useRoleAtLeast('trader');
  const [control, controlState] = useControlDeploymentMutation();
  const [reportOf, setReportOf] = useState<string | null>(initialReport);
  const [confirmStop, setConfirmStop] = useState<DeploymentView | null>(null);
  const [hideStopped, setHideStopped] = useState(false);
  const controlError = controlState.error ? describeError(controlState.error) : null;

  const act = async (d: DeploymentView, action: DeploymentAction) => {
    await control({ id: d.id, action });
    // A refused stop shows its error above the table, like the other actions'.
    if (action === 'stop') setConfirmStop(null);
  };

  const shown = (list: DeploymentView[]) => list.filter((d) => (!strategyId || d.strategyId === strategyId) && (!hideStopped || d.status !== 'stopped'));

  return (
    <div className="deployments" data-testid="deployments">
      <div className="filters">
        <label className="toggle">
          <input type="checkbox" checked={hideStopped} onChange={(e) => setHideStopped(e.target.checked)} data-testid="deployments-hide-stopped" />
          Hide stopped
        </label>
        <span className="grow" />
        <span className="muted small" data-testid="deployments-updated">
          {deployments.fulfilledTimeStamp ? (live === 'live' ? 'live' : `not live (${live}): as of ${formatTime(new Date(deployments.fulfilledTimeStamp).toISOString())}`) : ''}
        </span>
      </div>
      {controlError ? (
        <div className="state state-error" role="alert" data-testid="deployments-error">
          {controlError.message}{' '}
          <button type="button" className="link-btn" onClick={() => controlState.reset()}>
            dismiss
          </button>
        </div>
      ) : null}
      <QueryView
        query={deployments}
        isEmpty={(list) => shown(list).length === 0}
        emptyText={strategyId ? 'This strategy is not deployed' : 'No deployed strategies: deploy a backtested one from its page in the registry'}
        loadingText="Loading deployments…"
      >
        {(list) => (
          <div className="table-scroll">
            <table className="grid-table compact deployments-table" data-testid="deployments-table">
              <thead>
                <tr>
                  <th>Strategy</th>
                  <th>Symbols</th>
                  <th>Status</th>
                  <th className="num">Bars seen</th>
                  <th className="num">Orders</th>
                  <th>Last bar</th>
                  <th>Started</th>
                  <th>Tag / orders</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {shown(list).map((d) => (
                  <tr key={d.id} className={d.id === reportOf ? 'row-current' : ''} data-testid={`deployment-row-${d.id}`} data-status={d.status}>
                    <td>
                      <Link to={`${STRATEGIES}/view/${encodeURIComponent(d.strategyId)}`}>{d.label}</Link> <span className="muted">v{d.version}</span>
                      <div className="small">
                        <Link to={`${SIMULATION}/runs/${d.backtestRunId}`} className="muted" title="the backtest it was deployed on">
                          backtest
                        </Link>
                      </div>
                    </td>
                    <td className="mono small">
                      {d.symbols.join(', ')} · {d.timeframe}
                    </td>
                    <td>
                      <span data-testid={`deployment-status-${d.id}`}>
                        <StatusBadge status={d.status} tone={STATUS_TONES[d.status]} />
                      </span>
                      {d.statusReason ? (
                        <div className="muted small" data-testid={`deployment-reason-${d.id}`}>
                          {d.statusReason}
                        </div>
                      ) : null}
                    </td>
                    <Counters d={d} />
                    <td className="mono small nowrap">{formatDateTime(d.startedAt)}</td>
                    <td className="small">
                      <div className="mono ellipsis" title={d.tag} data-testid={`deployment-tag-${d.id}`}>
                        {d.tag}
                      </div>
                      <Link
                        to={`${EXECUTION}/trade`}
                        title={`The orders blotter: its Tag column shows ${d.tag} (choose status All: filled market orders are not open)`}
                        data-testid={`deployment-orders-link-${d.id}`}
                      >
                        Orders
                      </Link>{' '}
                      ·{' '}
                      <Link to={`${EXECUTION}/fills`} title={`Fills: tagged ${d.tag}`} data-testid={`deployment-fills-link-${d.id}`}>
                        Fills
                      </Link>
                    </td>
                    <td className="actions-cell nowrap">
                      {canRun
                        ? ACTIONS_BY_STATUS[d.status].map((action) => (
                            <button
                              key={action}
                              type="button"
                              className={`btn btn-small ${action === 'stop' ? 'btn-danger' : action === 'start' ? 'btn-primary' : ''}`}
                              disabled={controlState.isLoading && controlState.originalArgs?.id === d.id}
                              onClick={() => (action === 'stop' ? setConfirmStop(d) : void act(d, action))}
                              data-testid={`deployment-${action}-${d.id}`}
                            >
                              {ACTION_LABELS[action]}
                            </button>
                          ))
                        : null}{' '}
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-expanded={reportOf === d.id}
                        onClick={() => setReportOf(reportOf === d.id ? null : d.id)}
                        data-testid={`deployment-report-${d.id}`}
                      >
                        {reportOf === d.id ? 'Hide report' : 'Report'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      {reportOf ? <DeploymentReportView key={reportOf} id={reportOf} /> : null}
      {confirmStop ? (
        <ConfirmDialog
          title={`Stop ${confirmStop.label}`}
          confirmLabel="Stop it"
          danger
          busy={controlState.isLoading}
          onConfirm={() => void act(confirmStop, 'stop')}
          onCancel={() => setConfirmStop(null)}
        >
          <p>Stopping cancels its open orders and is final: to run it again, deploy it again. Pause keeps it to start later.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
