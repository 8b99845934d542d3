import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { RUN_KINDS, RUN_STATUSES, type RunKind, type RunStatus, type RunSummary } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { FilterSelect } from '../../ui/FilterSelect';
import { PagedQueryView } from '../../ui/Pager';
import { StatusBadge } from '../../ui/StatusBadge';
import { usePagedFilters } from '../../ui/usePagedFilters';
import { formatDateTime, formatFraction, formatNumber } from '../../ui/format';
import { clampPct, KIND_LABELS, shortId, statusTone } from './metrics';
import { isActive } from './runPatches';
import { useCancelRunMutation, useGetRunsQuery } from './simulationApi';

export const RUNS_PAGE = 25;
const BASE = modulePath('simulation');
/** Runs shown side by side at most. */
export const MAX_COMPARE = 4;

const KIND_OPTIONS = [{ value: '' as const, label: 'All' }, ...RUN_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))];
const STATUS_OPTIONS = [{ value: '' as const, label: 'All' }, ...RUN_STATUSES];

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
  const { filters, setFilter, paging, page } = usePagedFilters<{ kind: RunKind | ''; status: RunStatus | '' }>({ kind: fixedKind ?? '', status: '' }, RUNS_PAGE);
  const { kind, status } = filters;
  const [selected, setSelected] = useState<string[]>([]);
  const canRun = useRoleAtLeast('trader');
  const navigate = useNavigate();
  const runs = useGetRunsQuery({ ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...page });

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= MAX_COMPARE ? s : [...s, id]));

  return (
    <div className="runs">
      <div className="filters">
        {fixedKind ? null : <FilterSelect label="Kind" value={kind} options={KIND_OPTIONS} onChange={(v) => setFilter('kind', v)} testId="runs-kind" />}
        <FilterSelect label="Status" value={status} options={STATUS_OPTIONS} onChange={(v) => setFilter('status', v)} testId="runs-status" />
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
      <PagedQueryView query={runs} paging={paging} emptyText="No runs yet" loadingText="Loading runs…" testIds={{ range: 'runs-range' }}>
        {(items) => (
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
                {items.map((run) => (
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
        )}
      </PagedQueryView>
    </div>
  );
}
