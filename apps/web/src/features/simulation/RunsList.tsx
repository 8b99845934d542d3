import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { RUN_KINDS, RUN_STATUSES, type RunKind, type RunStatus, type RunSummary } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatFraction, formatNumber } from '../../ui/format';
import { clampPct, KIND_LABELS, shortId, statusTone } from './metrics';
import { isActive } from './runPatches';
import { useCancelRunMutation, useGetRunsQuery } from './simulationApi';

export const RUNS_PAGE = 25;
const BASE = modulePath('simulation');
/** Runs shown side by side at most. */
export const MAX_COMPARE = 4;

export function RunProgress({ run }: { run: Pick<RunSummary, 'id' | 'progress' | 'status'> }) {
  const pct = clampPct(run.progress);
  return (
    <div
      className={`progress run-progress ${run.status === 'queued' ? 'run-progress-queued' : ''}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
      aria-label={`Progress of run ${shortId(run.id)}`}
      data-testid={`run-progress-${run.id}`}
    >
      <div className="progress-bar" style={{ width: `${pct}%` }} />
      <span className="progress-label num">{run.status === 'queued' ? 'queued' : `${pct.toFixed(0)} %`}</span>
    </div>
  );
}

export function CancelRunButton({ run }: { run: RunSummary }) {
  const [cancel, state] = useCancelRunMutation();
  return (
    <>
      <button type="button" className="btn btn-small btn-danger" disabled={state.isLoading} onClick={() => void cancel(run.id)} data-testid={`run-cancel-${run.id}`}>
        {state.isLoading ? 'Cancelling…' : 'Cancel'}
      </button>
      {state.error ? (
        <div className="field-error" role="alert">
          {describeError(state.error).message}
        </div>
      ) : null}
    </>
  );
}

/**
 * The runs, newest first, with filters and pages. Active runs show a progress bar moved by the
 * live channel and can be cancelled; 2 to 4 runs can be picked for a side-by-side comparison.
 */
export function RunsList({ fixedKind }: { fixedKind?: RunKind }) {
  const [kind, setKind] = useState<RunKind | ''>(fixedKind ?? '');
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const canRun = useRoleAtLeast('trader');
  const navigate = useNavigate();
  const runs = useGetRunsQuery({ ...(kind ? { kind } : {}), ...(status ? { status } : {}), limit: RUNS_PAGE, offset });

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= MAX_COMPARE ? s : [...s, id]));

  return (
    <div className="runs">
      <div className="filters">
        {fixedKind ? null : (
          <label className="field field-row">
            <span>Kind</span>
            <select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as RunKind | '');
                setOffset(0);
              }}
              data-testid="runs-kind"
            >
              <option value="">All</option>
              {RUN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field field-row">
          <span>Status</span>
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as RunStatus | '');
              setOffset(0);
            }}
            data-testid="runs-status"
          >
            <option value="">All</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span className="grow" />
        <span className="muted small">{selected.length ? `${selected.length} selected` : `pick 2–${MAX_COMPARE} runs to compare`}</span>
        <button
          type="button"
          className="btn btn-small"
          disabled={selected.length < 2}
          onClick={() => navigate(`${BASE}/compare?ids=${selected.join(',')}`)}
          data-testid="runs-compare"
        >
          Compare
        </button>
      </div>
      <QueryView query={runs} isEmpty={(p) => p.items.length === 0} emptyText="No runs yet" loadingText="Loading runs…">
        {(page) => (
          <>
            <div className="table-scroll">
              <table className="grid-table compact runs-table" data-testid="runs-table">
                <thead>
                  <tr>
                    <th aria-label="Compare" />
                    <th>Run</th>
                    <th>Kind</th>
                    <th>Status</th>
                    <th className="progress-col">Progress</th>
                    <th className="num">Return</th>
                    <th className="num">Sharpe</th>
                    <th className="num">Max DD</th>
                    <th className="num">Trades</th>
                    <th>Created</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((run) => (
                    <tr key={run.id} data-testid={`run-row-${run.id}`} className={selected.includes(run.id) ? 'row-current' : ''}>
                      <td>
                        <input
                          type="checkbox"
                          checked={selected.includes(run.id)}
                          disabled={!selected.includes(run.id) && selected.length >= MAX_COMPARE}
                          onChange={() => toggle(run.id)}
                          aria-label={`Compare ${run.label}`}
                          data-testid={`run-select-${run.id}`}
                        />
                      </td>
                      <td>
                        <Link to={`${BASE}/runs/${run.id}`} data-testid={`run-link-${run.id}`}>
                          {run.label || shortId(run.id)}
                        </Link>
                        {run.error ? <div className="text-bad small">{run.error}</div> : null}
                      </td>
                      <td className="muted">{KIND_LABELS[run.kind]}</td>
                      <td>
                        <StatusBadge status={run.status} tone={statusTone(run.status)} />
                      </td>
                      <td>{isActive(run.status) ? <RunProgress run={run} /> : <span className="muted small">{formatDateTime(run.finishedAt)}</span>}</td>
                      <td className="num">{formatFraction(run.metrics?.totalReturn)}</td>
                      <td className="num">{formatNumber(run.metrics?.sharpe, 2)}</td>
                      <td className="num">{formatFraction(run.metrics?.maxDrawdown)}</td>
                      <td className="num">{formatNumber(run.metrics?.trades)}</td>
                      <td className="mono nowrap">{formatDateTime(run.createdAt)}</td>
                      <td className="actions-cell">{canRun && isActive(run.status) ? <CancelRunButton run={run} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager-row">
              <span className="muted small" data-testid="runs-range">
                {formatNumber(offset + 1)}–{formatNumber(offset + page.items.length)} of {formatNumber(page.total)}
              </span>
              <div className="pager">
                <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - RUNS_PAGE))}>
                  Newer
                </button>
                <button type="button" className="btn btn-small" disabled={offset + RUNS_PAGE >= page.total} onClick={() => setOffset(offset + RUNS_PAGE)}>
                  Older
                </button>
              </div>
            </div>
          </>
        )}
      </QueryView>
    </div>
  );
}
