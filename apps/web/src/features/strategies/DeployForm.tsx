import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { InstrumentView, StrategyView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { modulePath } from '../../modules';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field, SymbolChips, TimeframeSelect, VersionField } from '../simulation/FormFields';
import type { FieldErrors } from '../simulation/runForm';
import { deployBodyOf, emptyDeployDraft, type DeployDraft } from './deployDraft';
import { useDeployStrategyMutation, type DeployStrategyBody } from './strategiesApi';

const BASE = modulePath('strategies');

/**
 * Deploy a version to paper trading: its symbols and the bars it decides on, then a confirmation.
 * The API refuses (409) a version without a completed backtest; its message is shown as it is.
 */
export function DeployForm({ strategy, instruments }: { strategy: StrategyView; instruments: InstrumentView[] | undefined }) {
  const [draft, setDraft] = useState<DeployDraft>(() => emptyDeployDraft(strategy));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState<DeployStrategyBody | null>(null);
  const [deploy, state] = useDeployStrategyMutation();
  const serverError = state.error ? describeError(state.error) : null;
  const shown = { ...(serverError?.fieldErrors ?? {}), ...errors };
  const version = draft.version ? Number(draft.version) : strategy.latestVersion;
  const backtest = strategy.latestBacktest;
  const backtested = backtest?.status === 'completed' && backtest.strategyVersion === version;

  const edit = (next: Partial<DeployDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
    if (state.error || state.data) state.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = deployBodyOf(strategy, draft);
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    setConfirming(result.body);
  };

  const confirm = async () => {
    if (!confirming) return;
    await deploy(confirming);
    setConfirming(null);
  };

  return (
    <form className="deploy-form" onSubmit={submit} noValidate aria-label={`Deploy ${strategy.name}`} data-testid="deploy-form">
      <div className="form-grid">
        <VersionField strategy={strategy} value={draft.version} error={shown.version} onChange={(version) => edit({ version })} testId="deploy-version" />
        <Field label="Timeframe" error={shown.timeframe} hint="it decides on each closed bar">
          <TimeframeSelect value={draft.timeframe} onChange={(timeframe) => edit({ timeframe })} testId="deploy-timeframe" />
        </Field>
      </div>
      <SymbolChips
        label="Symbols"
        groupLabel="Deploy on symbols"
        instruments={instruments}
        selected={draft.symbols}
        error={shown.symbols}
        onChange={(symbols) => edit({ symbols })}
        idPrefix="deploy"
      />
      {!backtested ? (
        <p className="muted small" data-testid="deploy-hint">
          Deploying needs a completed backtest of v{version}
          {backtest ? ` (the latest backtest is ${backtest.status}, of v${backtest.strategyVersion ?? '?'})` : ' (it has none yet)'}.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={state.isLoading} data-testid="deploy-submit">
          {state.isLoading ? 'Deploying…' : 'Deploy to paper…'}
        </button>
        {state.data ? (
          <span className="note-ok small" data-testid="deploy-done" data-deployment-id={state.data.id} data-tag={state.data.tag}>
            Deployed ({state.data.status}), orders tagged <span className="mono">{state.data.tag}</span>:{' '}
            <Link to={`${BASE}/live?deployment=${encodeURIComponent(state.data.id)}`} data-testid="deploy-live-link">
              follow it in Live
            </Link>
          </span>
        ) : null}
      </div>
      {serverError ? (
        <div className="state state-error" role="alert" data-testid="deploy-error">
          {serverError.message}
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={`Deploy ${strategy.name} to paper trading`}
          confirmLabel="Deploy"
          busy={state.isLoading}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(null)}
        >
          <p data-testid="deploy-confirm-text">
            {strategy.name} v{confirming.version ?? strategy.latestVersion} will trade {confirming.symbols.join(', ')} on every closed {confirming.timeframe} bar in your paper account.
          </p>
          <p className="muted small">Its orders go through the risk checks and carry its tag; the emergency stop pauses it. Pause or stop it from the Live tab.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
