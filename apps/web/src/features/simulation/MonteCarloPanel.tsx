import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { modulePath } from '../../modules';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime } from '../../ui/format';
import { BacktestSelect, COMPLETED_BACKTESTS, Field } from './FormFields';
import { shortId, statusTone } from './metrics';
import { MonteCarloResults } from './MonteCarloResults';
import { isActive } from './runPatches';
import { RunProgress, RunsList } from './RunsList';
import type { FieldErrors } from './runForm';
import { useGetRunQuery, useGetRunsQuery, useStartMonteCarloMutation, type MonteCarloBody, type MonteCarloMethod } from './simulationApi';

const BASE = modulePath('simulation');

const METHODS: Record<MonteCarloBody['source'], { value: MonteCarloMethod; label: string }[]> = {
  backtest: [
    { value: 'trade-resample', label: 'Resample trades' },
    { value: 'block-bootstrap', label: 'Block bootstrap of returns' },
  ],
  portfolio: [
    { value: 'gbm', label: 'Geometric Brownian motion' },
    { value: 'history-bootstrap', label: 'Bootstrap of history' },
  ],
};

export interface MonteCarloDraft {
  source: MonteCarloBody['source'];
  runId: string;
  method: MonteCarloMethod;
  paths: string;
  steps: string;
  seed: string;
  blockLength: string;
  /** Percentages, comma-separated: "10, 20, 30". */
  lossThresholds: string;
}

export const emptyMonteCarloDraft = (runId = ''): MonteCarloDraft => ({
  source: 'backtest',
  runId,
  method: 'trade-resample',
  paths: '10000',
  steps: '252',
  seed: '1',
  blockLength: '5',
  lossThresholds: '10, 20, 30',
});

const intIn = (text: string, min: number, max: number, field: string, errors: FieldErrors): number | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) errors[field] = `A whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  else return n;
  return undefined;
};

/** POST /api/simulation/monte-carlo from the form (loss thresholds typed in %, sent as fractions). */
export function monteCarloBodyOf(draft: MonteCarloDraft): { body: MonteCarloBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body: MonteCarloBody = { source: draft.source, method: draft.method };
  if (draft.source === 'backtest') {
    if (!draft.runId) errors.runId = 'Pick a completed backtest';
    else body.runId = draft.runId;
  }
  const paths = intIn(draft.paths, 100, 200_000, 'paths', errors);
  const steps = intIn(draft.steps, 2, 2520, 'steps', errors);
  const seed = intIn(draft.seed, 0, 2 ** 31, 'seed', errors);
  if (paths !== undefined) body.paths = paths;
  if (steps !== undefined) body.steps = steps;
  if (seed !== undefined) body.seed = seed;
  if (draft.method === 'block-bootstrap' || draft.method === 'history-bootstrap') {
    const blockLength = intIn(draft.blockLength, 1, 250, 'blockLength', errors);
    if (blockLength !== undefined) body.blockLength = blockLength;
  }
  const thresholds = draft.lossThresholds.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (thresholds.some((t) => !(t >= 0.1 && t <= 100))) errors.lossThresholds = 'Percentages from 0.1 to 100, comma-separated';
  else if (thresholds.length > 10) errors.lossThresholds = 'At most 10';
  else if (thresholds.length) body.lossThresholds = thresholds.map((t) => Number((t / 100).toPrecision(12)));
  return Object.keys(errors).length ? { errors } : { body };
}

/** The chosen Monte Carlo run: progress while it runs, the results once done. */
function MonteCarloRun({ id }: { id: string }) {
  const run = useGetRunQuery(id);
  return (
    <QueryView query={run} loadingText="Loading the run…">
      {(r) => (
        <div className="stack">
          <div className="run-head">
            <span data-testid="mc-run-status" data-status={r.status}>
              <StatusBadge status={r.status} tone={statusTone(r.status)} />
            </span>
            <Link to={`${BASE}/runs/${r.id}`}>{r.label || shortId(r.id)}</Link>
            <span className="muted small">{formatDateTime(r.createdAt)}</span>
            {isActive(r.status) ? <RunProgress run={r} /> : null}
          </div>
          {r.error ? <div className="state state-error">{r.error}</div> : null}
          {r.monteCarlo ? <MonteCarloResults mc={r.monteCarlo} /> : r.status === 'completed' ? <div className="state state-empty">No Monte Carlo results in this run</div> : null}
        </div>
      )}
    </QueryView>
  );
}

/** Monte Carlo of a backtest's trades or returns, or of the portfolio; its run's results when done. */
export function MonteCarloPanel() {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<MonteCarloDraft>(() => emptyMonteCarloDraft(params.get('run') ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shownRun, setShownRun] = useState<string | null>(params.get('show'));
  const canRun = useRoleAtLeast('trader');
  const backtests = useGetRunsQuery(COMPLETED_BACKTESTS);
  const [start, state] = useStartMonteCarloMutation();
  const serverError = state.error ? describeError(state.error) : null;
  const shown = { ...(serverError?.fieldErrors ?? {}), ...errors };

  const edit = (next: Partial<MonteCarloDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
    if (state.error) state.reset();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = monteCarloBodyOf(draft);
    if ('errors' in result) return setErrors(result.errors);
    const started = await start(result.body);
    if ('data' in started && started.data) {
      setShownRun(started.data.id);
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('show', started.data.id);
        return next;
      });
    }
  };

  return (
    <div className="stack">
      {canRun ? (
        <Panel title="Monte Carlo">
          <form onSubmit={(e) => void submit(e)} noValidate aria-label="Monte Carlo">
            <div className="form-grid">
              <Field label="Source" error={shown.source}>
                <select value={draft.source} onChange={(e) => edit({ source: e.target.value as MonteCarloBody['source'], method: METHODS[e.target.value as MonteCarloBody['source']][0].value })} data-testid="mc-source">
                  <option value="backtest">A backtest</option>
                  <option value="portfolio">The portfolio</option>
                </select>
              </Field>
              {draft.source === 'backtest' ? (
                <Field label="Backtest" error={shown.runId}>
                  <BacktestSelect backtests={backtests} value={draft.runId} onChange={(runId) => edit({ runId })} testId="mc-run" />
                </Field>
              ) : null}
              <Field label="Method" error={shown.method}>
                <select value={draft.method} onChange={(e) => edit({ method: e.target.value as MonteCarloMethod })} data-testid="mc-method">
                  {METHODS[draft.source].map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Paths" error={shown.paths}>
                <input className="num" value={draft.paths} onChange={(e) => edit({ paths: e.target.value })} data-testid="mc-paths" />
              </Field>
              <Field label="Steps" error={shown.steps}>
                <input className="num" value={draft.steps} onChange={(e) => edit({ steps: e.target.value })} data-testid="mc-steps" />
              </Field>
              <Field label="Seed" error={shown.seed}>
                <input className="num" value={draft.seed} onChange={(e) => edit({ seed: e.target.value })} data-testid="mc-seed" />
              </Field>
              {draft.method === 'block-bootstrap' || draft.method === 'history-bootstrap' ? (
                <Field label="Block length" error={shown.blockLength}>
                  <input className="num" value={draft.blockLength} onChange={(e) => edit({ blockLength: e.target.value })} data-testid="mc-block" />
                </Field>
              ) : null}
              <Field label="Loss thresholds (%)" error={shown.lossThresholds}>
                <input className="mono" value={draft.lossThresholds} onChange={(e) => edit({ lossThresholds: e.target.value })} data-testid="mc-thresholds" />
              </Field>
            </div>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={state.isLoading} data-testid="mc-submit">
                {state.isLoading ? 'Starting…' : 'Run Monte Carlo'}
              </button>
            </div>
            {serverError ? (
              <div className="state state-error" role="alert" data-testid="mc-error">
                {serverError.message}
              </div>
            ) : null}
          </form>
        </Panel>
      ) : null}
      {shownRun ? (
        <Panel title="Result" actions={<button type="button" className="btn btn-small" onClick={() => setShownRun(null)}>Close</button>}>
          <MonteCarloRun id={shownRun} />
        </Panel>
      ) : null}
      <Panel title="Monte Carlo runs">
        <RunsList fixedKind="monte-carlo" />
      </Panel>
    </div>
  );
}
