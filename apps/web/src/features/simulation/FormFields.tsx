import type { ReactNode } from 'react';
import { MARKET_TIMEFRAMES, type InstrumentView, type MarketTimeframe, type Page, type ParamSpecView, type RunSummary, type StrategyView } from '@meridian/contracts';
import { formatDateTime } from '../../ui/format';
import { shortId } from './metrics';
import { MAX_SYMBOLS, type DataDraft, type FieldErrors, type ParamDraft } from './runForm';

// Form pieces shared by the Simulation forms (run, Monte Carlo, stress) and the Strategies ones (backtest, deploy).

export function Field({ label, error, children, className = '', hint }: { label: string; error?: string; children: ReactNode; className?: string; hint?: string }) {
  return (
    <label className={`field ${error ? 'has-error' : ''} ${className}`}>
      <span>{label}</span>
      {children}
      {hint ? <em className="hint small">{hint}</em> : null}
      {error ? <span className="field-error">{error}</span> : null}
    </label>
  );
}

/** A strategy's version: "latest" or one of its versions; nothing when it has only one. */
export function VersionField({ strategy, value, error, onChange, testId }: { strategy: StrategyView; value: string; error?: string; onChange: (version: string) => void; testId: string }) {
  if (strategy.versions.length <= 1) return null;
  return (
    <Field label="Version" error={error}>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">latest (v{strategy.latestVersion})</option>
        {strategy.versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            v{v.version}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TimeframeSelect({ value, onChange, testId }: { value: MarketTimeframe; onChange: (timeframe: MarketTimeframe) => void; testId: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as MarketTimeframe)} data-testid={testId}>
      {MARKET_TIMEFRAMES.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </select>
  );
}

/** The runs a backtest picker offers: the newest completed backtests. */
export const COMPLETED_BACKTESTS = { kind: 'backtest', status: 'completed', limit: 100, offset: 0 } as const;

/** A completed backtest to pick (the one chosen stays listed, by its id, when it is not among them). */
export function BacktestSelect({
  backtests,
  value,
  onChange,
  testId,
}: {
  backtests: { data?: Page<RunSummary>; isLoading: boolean };
  value: string;
  onChange: (runId: string) => void;
  testId: string;
}) {
  const runs = backtests.data?.items ?? [];
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{backtests.isLoading ? 'Loading…' : 'Pick a completed backtest'}</option>
      {value && !runs.some((r) => r.id === value) ? <option value={value}>{shortId(value)}</option> : null}
      {runs.map((r) => (
        <option key={r.id} value={r.id}>
          {r.label || shortId(r.id)} · {formatDateTime(r.createdAt)}
        </option>
      ))}
    </select>
  );
}

/**
 * Symbols as toggle chips: the instruments, then any chosen symbol that is not one of them.
 * Test ids `${idPrefix}-symbols` and `${idPrefix}-symbol-${symbol}`.
 */
export function SymbolChips({
  label,
  groupLabel,
  instruments,
  selected,
  error,
  onChange,
  idPrefix,
}: {
  label: ReactNode;
  groupLabel: string;
  instruments: InstrumentView[] | undefined;
  selected: string[];
  error?: string;
  onChange: (symbols: string[]) => void;
  idPrefix: string;
}) {
  const known = new Set((instruments ?? []).map((i) => i.symbol));
  const symbols = [...(instruments ?? []).map((i) => i.symbol), ...selected.filter((s) => !known.has(s))];
  const toggle = (symbol: string) => onChange(selected.includes(symbol) ? selected.filter((s) => s !== symbol) : [...selected, symbol]);
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <span>{label}</span>
      <div className="chips" role="group" aria-label={groupLabel} data-testid={`${idPrefix}-symbols`}>
        {symbols.length === 0 ? <span className="muted small">Loading instruments…</span> : null}
        {symbols.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip mono ${selected.includes(s) ? 'active' : ''}`}
            aria-pressed={selected.includes(s)}
            onClick={() => toggle(s)}
            data-testid={`${idPrefix}-symbol-${s}`}
          >
            {s}
          </button>
        ))}
      </div>
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}

/** Symbols as toggle chips, then timeframe, dates and costs. */
export function DataFields({
  draft,
  instruments,
  errors,
  onChange,
  idPrefix,
}: {
  draft: DataDraft;
  instruments: InstrumentView[] | undefined;
  errors: FieldErrors;
  onChange: (next: Partial<DataDraft>) => void;
  idPrefix: string;
}) {
  return (
    <fieldset className="sim-section">
      <legend>Data and costs</legend>
      <SymbolChips
        label={
          <>
            Symbols <em className="hint">({draft.symbols.length} of at most {MAX_SYMBOLS})</em>
          </>
        }
        groupLabel="Symbols"
        instruments={instruments}
        selected={draft.symbols}
        error={errors.symbols}
        onChange={(symbols) => onChange({ symbols })}
        idPrefix={idPrefix}
      />
      <div className="form-grid">
        <Field label="Timeframe" error={errors.timeframe}>
          <TimeframeSelect value={draft.timeframe} onChange={(timeframe) => onChange({ timeframe })} testId={`${idPrefix}-timeframe`} />
        </Field>
        <Field label="From (UTC day)" error={errors.from} hint="empty: all stored bars">
          <input type="date" value={draft.from} onChange={(e) => onChange({ from: e.target.value })} data-testid={`${idPrefix}-from`} />
        </Field>
        <Field label="To (exclusive)" error={errors.to}>
          <input type="date" value={draft.to} onChange={(e) => onChange({ to: e.target.value })} data-testid={`${idPrefix}-to`} />
        </Field>
        <Field label="Initial cash" error={errors.initialCash}>
          <input className="num" inputMode="decimal" value={draft.initialCash} onChange={(e) => onChange({ initialCash: e.target.value })} data-testid={`${idPrefix}-cash`} />
        </Field>
        <Field label="Fees (bps of notional)" error={errors.feesBps}>
          <input className="num" inputMode="decimal" value={draft.feesBps} onChange={(e) => onChange({ feesBps: e.target.value })} data-testid={`${idPrefix}-fees`} />
        </Field>
        <Field label="Fixed fee per fill" error={errors.feeFixed}>
          <input className="num" inputMode="decimal" value={draft.feeFixed} onChange={(e) => onChange({ feeFixed: e.target.value })} data-testid={`${idPrefix}-fee-fixed`} />
        </Field>
        <Field label="Slippage (bps)" error={errors.slippageBps}>
          <input className="num" inputMode="decimal" value={draft.slippageBps} onChange={(e) => onChange({ slippageBps: e.target.value })} data-testid={`${idPrefix}-slippage`} />
        </Field>
      </div>
    </fieldset>
  );
}

const specText = (spec: ParamSpecView | undefined) => {
  if (!spec) return '';
  if (spec.type === 'boolean') return `boolean, default ${spec.default}`;
  if (spec.type === 'enum') return `${spec.values.join(' | ')}, default ${spec.default}`;
  return `${spec.type} ${spec.min}–${spec.max}${spec.step ? ` step ${spec.step}` : ''}, default ${spec.default}`;
};

/** One row per parameter: an override value and, optionally, a grid as a comma list. */
export function ParamFields({
  names,
  specs,
  drafts,
  errors,
  withGrid,
  onChange,
  idPrefix,
}: {
  names: string[];
  specs: Record<string, ParamSpecView>;
  drafts: Record<string, ParamDraft>;
  errors: FieldErrors;
  withGrid: boolean;
  onChange: (name: string, next: Partial<ParamDraft>) => void;
  idPrefix: string;
}) {
  if (names.length === 0) return <div className="muted small">No parameters.</div>;
  return (
    <table className="grid-table compact param-fields" data-testid={`${idPrefix}-params`}>
      <thead>
        <tr>
          <th>Parameter</th>
          <th>Value</th>
          {withGrid ? <th>Grid values (comma list, or from:to:step)</th> : null}
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const spec = specs[name];
          const draft = drafts[name] ?? { value: '', grid: '' };
          const valueError = errors[`params.${name}`];
          const gridError = errors[`grid.${name}`];
          return (
            <tr key={name}>
              <td>
                <span className="mono">{name}</span>
                <div className="hint small">{spec?.description && spec.description !== `$${name}` ? spec.description : specText(spec)}</div>
              </td>
              <td className={valueError ? 'has-error' : ''}>
                {spec?.type === 'boolean' || spec?.type === 'enum' ? (
                  <select value={draft.value} onChange={(e) => onChange(name, { value: e.target.value })} aria-label={`${name} value`} data-testid={`${idPrefix}-param-${name}`}>
                    <option value="">default ({String(spec.default)})</option>
                    {(spec.type === 'boolean' ? ['true', 'false'] : spec.values).map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    className="num"
                    value={draft.value}
                    placeholder={spec ? String(spec.default) : 'default'}
                    onChange={(e) => onChange(name, { value: e.target.value })}
                    aria-label={`${name} value`}
                    data-testid={`${idPrefix}-param-${name}`}
                  />
                )}
                {valueError ? <div className="field-error">{valueError}</div> : null}
              </td>
              {withGrid ? (
                <td className={gridError ? 'has-error' : ''}>
                  <input
                    className="mono grid-input"
                    value={draft.grid}
                    placeholder="e.g. 5, 10, 20"
                    onChange={(e) => onChange(name, { grid: e.target.value })}
                    aria-label={`${name} grid`}
                    data-testid={`${idPrefix}-grid-${name}`}
                  />
                  {gridError ? <div className="field-error">{gridError}</div> : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
