import { useState, type FormEvent } from 'react';
import type { InstrumentView, RunSummary, StrategyView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useGetRegistryQuery } from '../strategies/strategiesApi';
import { DataFields, Field, ParamFields, VersionField } from './FormFields';
import { emptyRunDraft, formFieldOf, ruleParamNames, runBodyOf, type FieldErrors, type ParamDraft, type RunDraft } from './runForm';
import { useStartRunMutation, type WalkForwardObjective } from './simulationApi';

/** Strategies offered in the picker (the registry's page size limit). */
const PICKER_LIMIT = 200;

interface RunFormProps {
  instruments: InstrumentView[] | undefined;
  /** Preselected strategy (e.g. from the Strategies page). */
  strategyId?: string;
  onStarted: (run: RunSummary) => void;
}

/**
 * A backtest, grid search, random search or walk-forward: a registry strategy or an inline rule,
 * parameter overrides, optional grid values per parameter (comma lists), walk-forward windows and
 * the look-ahead check, on symbols, a timeframe, dates and costs.
 */
export function RunForm({ instruments, strategyId, onStarted }: RunFormProps) {
  const registry = useGetRegistryQuery({ limit: PICKER_LIMIT, offset: 0 });
  const [draft, setDraft] = useState<RunDraft>(() => emptyRunDraft(strategyId ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [start, state] = useStartRunMutation();
  const strategies = registry.data?.items ?? [];
  const strategy: StrategyView | undefined = strategies.find((s) => s.id === draft.strategyId);
  const specs = draft.source === 'registry' ? (strategy?.params ?? {}) : {};
  const paramNames = draft.source === 'registry' ? Object.keys(specs) : ruleParamNames(draft.ruleText);
  const serverError = state.error ? describeError(state.error) : null;
  const serverFields = Object.fromEntries(Object.entries(serverError?.fieldErrors ?? {}).map(([k, v]) => [formFieldOf(k), v]));
  const shown: FieldErrors = { ...serverFields, ...errors };

  const edit = (next: Partial<RunDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
    if (state.error) state.reset(); // the refusal was about the previous form
  };
  const editParam = (name: string, next: Partial<ParamDraft>) =>
    edit({ params: { ...draft.params, [name]: { ...(draft.params[name] ?? { value: '', grid: '' }), ...next } } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Only the rows shown count: a parameter of another strategy stays behind in the draft.
    const params = Object.fromEntries(Object.entries(draft.params).filter(([name]) => paramNames.includes(name)));
    const result = runBodyOf({ ...draft, params }, specs);
    if ('errors' in result) return setErrors(result.errors);
    const started = await start(result.body);
    if ('data' in started && started.data) onStarted(started.data);
  };

  return (
    <form className="run-form" onSubmit={(e) => void submit(e)} noValidate aria-label="New run">
      <fieldset className="sim-section">
        <legend>Strategy</legend>
        <div className="segmented" role="group" aria-label="Strategy source">
          {(['registry', 'rule'] as const).map((source) => (
            <button
              key={source}
              type="button"
              className={`seg ${draft.source === source ? 'active' : ''}`}
              aria-pressed={draft.source === source}
              onClick={() => edit({ source })}
              data-testid={`run-source-${source}`}
            >
              {source === 'registry' ? 'From the registry' : 'Inline rule'}
            </button>
          ))}
        </div>
        {draft.source === 'registry' ? (
          <div className="form-grid">
            <Field label="Strategy" error={shown.strategyId}>
              <select value={draft.strategyId} onChange={(e) => edit({ strategyId: e.target.value, version: '' })} data-testid="run-strategy">
                <option value="">{registry.isLoading ? 'Loading…' : 'Pick a strategy'}</option>
                {strategies.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.kind})
                  </option>
                ))}
              </select>
            </Field>
            {strategy ? <VersionField strategy={strategy} value={draft.version} error={shown.version} onChange={(version) => edit({ version })} testId="run-version" /> : null}
            {registry.error ? <div className="state state-error">Cannot load strategies: {describeError(registry.error).message}</div> : null}
          </div>
        ) : (
          <Field
            label="Rule document (JSON)"
            error={shown.rule ?? Object.entries(shown).find(([k]) => k.startsWith('rule.'))?.[1]}
            className="rule-json"
            hint="{ entry, exit, side, sizing, stopLoss?, takeProfit?, params? }; symbols default to the run's"
          >
            <textarea className="mono" rows={9} spellCheck={false} value={draft.ruleText} onChange={(e) => edit({ ruleText: e.target.value })} data-testid="run-rule" />
          </Field>
        )}
      </fieldset>

      <fieldset className="sim-section">
        <legend>Parameters and grid search</legend>
        <ParamFields names={paramNames} specs={specs} drafts={draft.params} errors={shown} withGrid onChange={editParam} idPrefix="run" />
        {shown.grid ? <div className="field-error">{shown.grid}</div> : null}
        <div className="sim-options">
          <label className="toggle">
            <input type="checkbox" checked={draft.randomOn} onChange={(e) => edit({ randomOn: e.target.checked })} data-testid="run-random-on" />
            Random search instead of a grid
          </label>
          {draft.randomOn ? (
            <div className="form-grid">
              <Field label="Samples" error={shown.randomSamples}>
                <input className="num" value={draft.randomSamples} onChange={(e) => edit({ randomSamples: e.target.value })} data-testid="run-random-samples" />
              </Field>
              <Field label="Seed" error={shown.randomSeed}>
                <input className="num" value={draft.randomSeed} onChange={(e) => edit({ randomSeed: e.target.value })} data-testid="run-random-seed" />
              </Field>
            </div>
          ) : null}
          {shown.random ? <div className="field-error">{shown.random}</div> : null}
        </div>
      </fieldset>

      <fieldset className="sim-section">
        <legend>
          <label className="toggle">
            <input type="checkbox" checked={draft.walkForwardOn} onChange={(e) => edit({ walkForwardOn: e.target.checked })} data-testid="run-wf-on" />
            Walk-forward
          </label>
        </legend>
        {draft.walkForwardOn ? (
          <div className="form-grid">
            <Field label="Windows" error={shown.wfWindows}>
              <input className="num" value={draft.wfWindows} onChange={(e) => edit({ wfWindows: e.target.value })} data-testid="run-wf-windows" />
            </Field>
            <Field label="In-sample bars" error={shown.wfInSampleBars}>
              <input className="num" value={draft.wfInSampleBars} onChange={(e) => edit({ wfInSampleBars: e.target.value })} data-testid="run-wf-in" />
            </Field>
            <Field label="Out-of-sample bars" error={shown.wfOutOfSampleBars}>
              <input className="num" value={draft.wfOutOfSampleBars} onChange={(e) => edit({ wfOutOfSampleBars: e.target.value })} data-testid="run-wf-out" />
            </Field>
            <Field label="Objective" error={shown.wfObjective}>
              <select value={draft.wfObjective} onChange={(e) => edit({ wfObjective: e.target.value as WalkForwardObjective })} data-testid="run-wf-objective">
                <option value="sharpe">Sharpe</option>
                <option value="totalReturn">Total return</option>
                <option value="calmar">Calmar</option>
                <option value="sortino">Sortino</option>
              </select>
            </Field>
          </div>
        ) : (
          <div className="muted small">Optimise the grid on each in-sample window, test the best parameters on the next out-of-sample window, roll forward.</div>
        )}
        {shown.walkForward ? <div className="field-error">{shown.walkForward}</div> : null}
      </fieldset>

      <DataFields draft={draft.data} instruments={instruments} errors={shown} onChange={(next) => edit({ data: { ...draft.data, ...next } })} idPrefix="run" />

      <div className="form-actions">
        <label className="toggle" title="Runs the strategy again on data cut at several points and reports any decision that changed: twice the work">
          <input type="checkbox" checked={draft.lookaheadCheck} onChange={(e) => edit({ lookaheadCheck: e.target.checked })} data-testid="run-lookahead" />
          Look-ahead check
        </label>
        <span className="grow" />
        <button type="submit" className="btn btn-primary" disabled={state.isLoading} data-testid="run-submit">
          {state.isLoading ? 'Starting…' : 'Start run'}
        </button>
      </div>
      {serverError ? (
        <div className="state state-error" role="alert" data-testid="run-error">
          {serverError.message}
        </div>
      ) : null}
    </form>
  );
}
