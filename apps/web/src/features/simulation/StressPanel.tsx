import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { StressTestResponse } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { formatFraction, formatNumber, formatSigned, pnlClass } from '../../ui/format';
import { BacktestSelect, COMPLETED_BACKTESTS, Field } from './FormFields';
import type { FieldErrors } from './runForm';
import { useGetRunsQuery, useGetScenariosQuery, useRunStressTestMutation, useSaveScenarioMutation, type ScenarioBody, type StressTestBody } from './simulationApi';
import { describeDefinition, emptyScenarioDraft, pnlFraction, SCENARIO_KINDS, scenarioOf, shockRow, type ScenarioDraft, type ScenarioKind } from './stressForm';

/** Define a scenario: kind-specific fields; add it to this test, or save it for later. */
function ScenarioBuilder({ onAdd, canSave }: { onAdd: (s: ScenarioBody) => void; canSave: boolean }) {
  const [draft, setDraft] = useState<ScenarioDraft>(emptyScenarioDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [save, saved] = useSaveScenarioMutation();
  const edit = (next: Partial<ScenarioDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
    saved.reset();
  };
  const build = () => {
    const result = scenarioOf(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      return null;
    }
    return result.scenario;
  };
  const saveError = saved.error ? describeError(saved.error) : null;

  return (
    <div className="scenario-builder" data-testid="scenario-builder">
      <div className="form-grid">
        <Field label="Name" error={errors.name ?? saveError?.fieldErrors.name}>
          <input value={draft.name} maxLength={80} onChange={(e) => edit({ name: e.target.value })} data-testid="scenario-name" />
        </Field>
        <Field label="Kind">
          <select value={draft.kind} onChange={(e) => edit({ kind: e.target.value as ScenarioKind })} data-testid="scenario-kind">
            {(Object.keys(SCENARIO_KINDS) as ScenarioKind[]).map((k) => (
              <option key={k} value={k}>
                {SCENARIO_KINDS[k]}
              </option>
            ))}
          </select>
        </Field>
        {draft.kind === 'shock' ? (
          <Field label="Every symbol (%)" error={errors.allPct} hint="−10 = prices fall 10 %">
            <input className="num" value={draft.allPct} onChange={(e) => edit({ allPct: e.target.value })} data-testid="scenario-all" />
          </Field>
        ) : null}
        {draft.kind === 'volatility' ? (
          <Field label="Volatility multiplier" error={errors.multiplier}>
            <input className="num" value={draft.multiplier} onChange={(e) => edit({ multiplier: e.target.value })} data-testid="scenario-multiplier" />
          </Field>
        ) : null}
        {draft.kind === 'worst-window' ? (
          <Field label="Window (days)" error={errors.days}>
            <input className="num" value={draft.days} onChange={(e) => edit({ days: e.target.value })} data-testid="scenario-days" />
          </Field>
        ) : null}
        {draft.kind === 'date-range' ? (
          <>
            <Field label="From" error={errors.from}>
              <input type="date" value={draft.from} onChange={(e) => edit({ from: e.target.value })} data-testid="scenario-from" />
            </Field>
            <Field label="To" error={errors.to}>
              <input type="date" value={draft.to} onChange={(e) => edit({ to: e.target.value })} data-testid="scenario-to" />
            </Field>
          </>
        ) : null}
      </div>
      {draft.kind === 'shock' ? (
        <div className="shock-moves">
          {draft.moves.map((row, i) => (
            <div key={row.key} className="rule-row">
              <input
                className="mono"
                placeholder="symbol"
                value={row.symbol}
                onChange={(e) => edit({ moves: draft.moves.map((r) => (r.key === row.key ? { ...r, symbol: e.target.value.toUpperCase() } : r)) })}
                aria-label={`Shock symbol ${i + 1}`}
                data-testid={`scenario-move-symbol-${i}`}
              />
              <input
                className="num"
                placeholder="move %"
                value={row.movePct}
                onChange={(e) => edit({ moves: draft.moves.map((r) => (r.key === row.key ? { ...r, movePct: e.target.value } : r)) })}
                aria-label={`Shock move ${i + 1} (%)`}
                data-testid={`scenario-move-pct-${i}`}
              />
              <button type="button" className="btn btn-small" onClick={() => edit({ moves: draft.moves.filter((r) => r.key !== row.key) })} aria-label={`Remove move ${i + 1}`}>
                ✕
              </button>
              {errors[`moves.${i}.symbol`] || errors[`moves.${i}.movePct`] ? (
                <span className="field-error">{[errors[`moves.${i}.symbol`], errors[`moves.${i}.movePct`]].filter(Boolean).join('; ')}</span>
              ) : null}
            </div>
          ))}
          <button type="button" className="btn btn-small" onClick={() => edit({ moves: [...draft.moves, shockRow()] })} data-testid="scenario-move-add">
            + Symbol move
          </button>
        </div>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            const s = build();
            if (s) {
              onAdd(s);
              setDraft(emptyScenarioDraft());
            }
          }}
          data-testid="scenario-add"
        >
          Add to this test
        </button>
        {canSave ? (
          <button
            type="button"
            className="btn"
            disabled={saved.isLoading}
            onClick={() => {
              const s = build();
              if (s) void save(s);
            }}
            data-testid="scenario-save"
          >
            {saved.isLoading ? 'Saving…' : 'Save scenario'}
          </button>
        ) : null}
        {saved.data ? <span className="text-ok small">Saved {saved.data.name}</span> : null}
      </div>
      {saveError ? (
        <div className="state state-error" role="alert">
          {saveError.message}
        </div>
      ) : null}
    </div>
  );
}

function StressResults({ result }: { result: StressTestResponse }) {
  const [open, setOpen] = useState<string | null>(null);
  if (result.scenarios.length === 0) return <div className="state state-empty">No scenarios were run</div>;
  return (
    <>
      <div className="muted small">
        {result.source === 'portfolio' ? 'Portfolio' : 'Backtest final positions'} · equity {formatNumber(result.equity, 2)}
      </div>
      <div className="table-scroll">
        <table className="grid-table compact stress-table" data-testid="stress-results">
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Kind</th>
              <th>Description</th>
              <th className="num">P&amp;L</th>
              <th className="num">P&amp;L %</th>
              <th>Limit breaches</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {result.scenarios.map((s) => {
              const fraction = pnlFraction(s, result.equity);
              return (
                <Fragment key={s.name}>
                  <tr className={s.breaches.length ? 'row-breach' : ''} data-testid={`stress-row-${s.name}`}>
                    <td>{s.name}</td>
                    <td className="muted">{s.kind}</td>
                    <td className="small">{s.description}</td>
                    <td className={`num ${pnlClass(s.pnl)}`}>{formatSigned(s.pnl)}</td>
                    <td className={`num ${pnlClass(fraction)}`}>{formatFraction(fraction)}</td>
                    <td>
                      {s.breaches.length === 0 ? (
                        <span className="muted small">none</span>
                      ) : (
                        s.breaches.map((b) => (
                          <div key={b.limit} className="badge status-down breach" title={`${b.limit}: ${formatNumber(b.value, 2)} against a limit of ${formatNumber(b.threshold, 2)}`}>
                            {b.limit} {formatNumber(b.value, 2)} / {formatNumber(b.threshold, 2)}
                          </div>
                        ))
                      )}
                    </td>
                    <td className="actions-cell">
                      {s.positions.length ? (
                        <button type="button" className="link-btn" onClick={() => setOpen(open === s.name ? null : s.name)} aria-expanded={open === s.name}>
                          {open === s.name ? 'Hide positions' : `${s.positions.length} positions`}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {open === s.name ? (
                    <tr>
                      <td colSpan={7}>
                        <table className="grid-table compact">
                          <thead>
                            <tr>
                              <th>Symbol</th>
                              <th className="num">Quantity</th>
                              <th className="num">Price</th>
                              <th className="num">P&amp;L</th>
                            </tr>
                          </thead>
                          <tbody>
                            {s.positions.map((p) => (
                              <tr key={p.symbol}>
                                <td className="mono">{p.symbol}</td>
                                <td className="num">{formatNumber(p.quantity, 4)}</td>
                                <td className="num">{formatNumber(p.price, 2)}</td>
                                <td className={`num ${pnlClass(p.pnl)}`}>{formatSigned(p.pnl)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Stress tests of the portfolio or of a backtest's final positions: the standard scenarios,
 * saved ones and ones defined here; P&L and the risk limits each would breach.
 */
export function StressPanel() {
  const [params] = useSearchParams();
  const initialRun = params.get('run') ?? '';
  const [source, setSource] = useState<StressTestBody['source']>(initialRun ? 'backtest' : 'portfolio');
  const [runId, setRunId] = useState(initialRun);
  const [standard, setStandard] = useState(true);
  const [picked, setPicked] = useState<string[]>([]);
  const [adHoc, setAdHoc] = useState<ScenarioBody[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const canRun = useRoleAtLeast('trader');
  const scenarios = useGetScenariosQuery();
  const backtests = useGetRunsQuery(COMPLETED_BACKTESTS, { skip: source !== 'backtest' });
  const [runTest, result] = useRunStressTestMutation();

  const run = () => {
    if (source === 'backtest' && !runId) return setFormError('Pick a completed backtest');
    if (!standard && picked.length === 0 && adHoc.length === 0) return setFormError('Choose at least one scenario');
    setFormError(null);
    void runTest({
      source,
      ...(source === 'backtest' ? { runId } : {}),
      standard,
      ...(picked.length ? { scenarioIds: picked } : {}),
      ...(adHoc.length ? { scenarios: adHoc } : {}),
    });
  };

  return (
    <div className="stress-grid">
      <div className="stack">
        <Panel title="Stress test">
          <div className="form-grid">
            <Field label="Stress">
              <select value={source} onChange={(e) => setSource(e.target.value as StressTestBody['source'])} data-testid="stress-source">
                <option value="portfolio">The portfolio</option>
                <option value="backtest">A backtest&apos;s final positions</option>
              </select>
            </Field>
            {source === 'backtest' ? (
              <Field label="Backtest">
                <BacktestSelect backtests={backtests} value={runId} onChange={setRunId} testId="stress-run" />
              </Field>
            ) : null}
          </div>
          <label className="toggle">
            <input type="checkbox" checked={standard} onChange={(e) => setStandard(e.target.checked)} data-testid="stress-standard" />
            Include the standard scenarios
          </label>
          {adHoc.length ? (
            <ul className="scenario-list" data-testid="stress-adhoc">
              {adHoc.map((s, i) => (
                <li key={i}>
                  <strong>{s.name}</strong> <span className="muted small">{describeDefinition(s.definition)}</span>{' '}
                  <button type="button" className="link-btn" onClick={() => setAdHoc(adHoc.filter((_, j) => j !== i))}>
                    remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="form-actions">
            {canRun ? (
              <button type="button" className="btn btn-primary" disabled={result.isLoading} onClick={run} data-testid="stress-run-btn">
                {result.isLoading ? 'Running…' : 'Run stress test'}
              </button>
            ) : (
              <span className="muted small">Viewers can see saved scenarios but not run stress tests.</span>
            )}
            <span className="muted small">
              {standard ? 'standard' : ''}
              {picked.length ? ` + ${picked.length} saved` : ''}
              {adHoc.length ? ` + ${adHoc.length} defined here` : ''}
            </span>
          </div>
          {formError ? <div className="field-error">{formError}</div> : null}
          {result.error ? (
            <div className="state state-error" role="alert" data-testid="stress-error">
              {describeError(result.error).message}
            </div>
          ) : null}
        </Panel>
        <Panel title="Results">
          {result.data ? <StressResults result={result.data} /> : <div className="state state-empty">Run a stress test to see each scenario&apos;s P&amp;L</div>}
        </Panel>
      </div>
      <div className="stack">
        <Panel title="Saved scenarios">
          <QueryView query={scenarios} isEmpty={(list) => list.length === 0} emptyText="No saved scenarios" loadingText="Loading scenarios…">
            {(list) => (
              <ul className="scenario-list" data-testid="saved-scenarios">
                {list.map((s) => (
                  <li key={s.id}>
                    <label className="toggle">
                      <input
                        type="checkbox"
                        checked={picked.includes(s.id)}
                        onChange={() => setPicked(picked.includes(s.id) ? picked.filter((x) => x !== s.id) : [...picked, s.id])}
                        data-testid={`scenario-pick-${s.id}`}
                      />
                      <strong>{s.name}</strong>
                    </label>{' '}
                    <span className="muted small">{describeDefinition(s.definition)}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryView>
        </Panel>
        <Panel title="Scenario builder">
          <ScenarioBuilder onAdd={(s) => setAdHoc([...adHoc, s])} canSave={canRun} />
        </Panel>
      </div>
    </div>
  );
}
