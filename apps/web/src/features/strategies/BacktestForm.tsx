import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { InstrumentView, StrategyView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { modulePath } from '../../modules';
import { DataFields, ParamFields, VersionField } from '../simulation/FormFields';
import { backtestDataOf, emptyDataDraft, paramsAndGridOf, type DataDraft, type FieldErrors, type ParamDraft } from '../simulation/runForm';
import { useBacktestStrategyMutation, type StrategyBacktestBody } from './strategiesApi';

const SIMULATION = modulePath('simulation');

/** POST /api/strategies/backtest from the form, or the errors by field. */
export function strategyBacktestBodyOf(
  strategy: StrategyView,
  version: string,
  data: DataDraft,
  params: Record<string, ParamDraft>,
): { body: StrategyBacktestBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body: StrategyBacktestBody = { strategyId: strategy.id, ...backtestDataOf(data, errors) };
  if (version) body.version = Number(version);
  const { params: values } = paramsAndGridOf(params, strategy.params, errors, false);
  if (values) body.params = values;
  return Object.keys(errors).length ? { errors } : { body };
}

/** A backtest of one strategy (a version, parameter overrides, data and costs); links to the run in Simulation. */
export function BacktestForm({ strategy, instruments }: { strategy: StrategyView; instruments: InstrumentView[] | undefined }) {
  const [version, setVersion] = useState('');
  const [data, setData] = useState<DataDraft>(() => emptyDataDraft());
  const [params, setParams] = useState<Record<string, ParamDraft>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [backtest, state] = useBacktestStrategyMutation();
  const serverError = state.error ? describeError(state.error) : null;
  const shown = { ...(serverError?.fieldErrors ?? {}), ...errors };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = strategyBacktestBodyOf(strategy, version, data, params);
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    await backtest(result.body);
  };

  return (
    <form className="backtest-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Backtest ${strategy.name}`}>
      <VersionField strategy={strategy} value={version} error={shown.version} onChange={setVersion} testId="bt-version" />
      <ParamFields
        names={Object.keys(strategy.params)}
        specs={strategy.params}
        drafts={params}
        errors={shown}
        withGrid={false}
        onChange={(name, next) => setParams((p) => ({ ...p, [name]: { ...(p[name] ?? { value: '', grid: '' }), ...next } }))}
        idPrefix="bt"
      />
      <DataFields
        draft={data}
        instruments={instruments}
        errors={shown}
        onChange={(next) => {
          setData((d) => ({ ...d, ...next }));
          setErrors({});
          if (state.error) state.reset();
        }}
        idPrefix="bt"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={state.isLoading} data-testid="bt-submit">
          {state.isLoading ? 'Starting…' : 'Start backtest'}
        </button>
        {state.data ? (
          <span className="note-ok small" data-testid="bt-started">
            Run queued:{' '}
            <Link to={`${SIMULATION}/runs/${state.data.id}`} data-testid="bt-run-link">
              follow it in Simulation
            </Link>
          </span>
        ) : null}
      </div>
      {serverError ? (
        <div className="state state-error" role="alert" data-testid="bt-error">
          {serverError.message}
        </div>
      ) : null}
    </form>
  );
}
