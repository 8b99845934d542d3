import { skipToken } from '@reduxjs/toolkit/query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { RuleError, StrategyView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useAppSelector } from '../../app/hooks';
import { Panel } from '../../ui/Panel';
import { formatNumber } from '../../ui/format';
import { useGetMarketInstrumentsQuery } from '../markets/marketsApi';
import {
  bareMessage,
  draftFromRule,
  emptyRuleDraft,
  errorsUnder,
  localRuleErrors,
  markErrors,
  paramRow,
  placedPaths,
  ruleDocumentOf,
  ruleErrorsFromFieldErrors,
  SIZING_HINTS,
  SIZING_LABELS,
  unplacedErrors,
  type ParamRow,
  type ProtectionType,
  type RuleDraft,
  type SizingType,
} from './ruleForm';
import { useCreateStrategyMutation, useValidateRuleQuery } from './strategiesApi';
import { useDebounced } from './useDebounced';

/** The functions of the rule language, for the help list (libs/strategy/src/rules/README.md). */
const FUNCTIONS = [
  'sma(x, n)', 'ema(x, n)', 'wma(x, n)', 'rsi(x, n)', 'roc(x, n)', 'stdev(x, n)', 'highest(x, n)', 'lowest(x, n)',
  'bbUpper(x, n, k)', 'bbMiddle(x, n)', 'bbLower(x, n, k)', 'macd(x, f, s, sig)', 'macdSignal(…)', 'macdHist(…)',
  'atr(n)', 'donchianHigh(n)', 'donchianLow(n)', 'stochK(n)', 'stochD(n, d)', 'prev(x, n)',
  'crossAbove(a, b)', 'crossBelow(a, b)', 'abs(x)', 'min(a, b)', 'max(a, b)',
];

function ErrorList({ errors, testId }: { errors: RuleError[]; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="rule-errors" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i} className="field-error">
          {e.path ? <span className="mono">{e.path}: </span> : null}
          {bareMessage(e)}
        </li>
      ))}
    </ul>
  );
}

/** An expression textarea; its errors echo the text with each error's place marked, and a click selects it. */
function ExpressionField({
  label,
  name,
  value,
  errors,
  placeholder,
  onChange,
}: {
  label: string;
  name: 'entry' | 'exit';
  value: string;
  errors: RuleError[];
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const positioned = errors.filter((e) => e.position);
  const select = (offset: number) => {
    area.current?.focus();
    area.current?.setSelectionRange(offset, Math.min(offset + 1, value.length));
  };
  return (
    <div className={`field ${errors.length ? 'has-error' : ''}`}>
      <label htmlFor={`rule-${name}`}>{label}</label>
      <textarea
        id={`rule-${name}`}
        ref={area}
        className="mono rule-expression"
        rows={2}
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.length > 0}
        data-testid={`rule-${name}`}
      />
      {errors.length > 0 ? (
        <div className="expr-errors" data-testid={`rule-errors-${name}`}>
          {positioned.length > 0 ? (
            <pre className="expr-echo" aria-label={`${label} with the errors marked`}>
              {markErrors(value, positioned).map((p) =>
                p.marked ? (
                  <mark key={p.offset} className="expr-mark" data-offset={p.offset}>
                    {p.text}
                  </mark>
                ) : (
                  <span key={p.offset}>{p.text}</span>
                ),
              )}
            </pre>
          ) : null}
          <ul className="rule-errors">
            {errors.map((e, i) => (
              <li key={i} className="field-error">
                {e.position ? (
                  <button type="button" className="link-btn expr-pos" onClick={() => select(e.position!.offset)} data-testid={`rule-error-pos-${name}-${i}`}>
                    {e.position.line}:{e.position.column}
                  </button>
                ) : null}
                {bareMessage(e)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function ProtectionField({
  label,
  on,
  type,
  value,
  errors,
  onChange,
  testId,
}: {
  label: string;
  on: boolean;
  type: ProtectionType;
  value: string;
  errors: RuleError[];
  onChange: (next: { on?: boolean; type?: ProtectionType; value?: string }) => void;
  testId: string;
}) {
  const asPct = type === 'percent' && Number.isFinite(Number(value)) && value.trim() !== '' ? `= ${formatNumber(Number(value) * 100, 2)} %` : '';
  return (
    <fieldset className={`rule-section ${errors.length ? 'has-error' : ''}`}>
      <legend>
        <label className="toggle">
          <input type="checkbox" checked={on} onChange={(e) => onChange({ on: e.target.checked })} data-testid={`${testId}-on`} />
          {label}
        </label>
      </legend>
      {on ? (
        <div className="rule-row">
          <select value={type} onChange={(e) => onChange({ type: e.target.value as ProtectionType })} aria-label={`${label} type`} data-testid={`${testId}-type`}>
            <option value="percent">fraction of entry</option>
            <option value="points">price points</option>
          </select>
          <input className="num" inputMode="decimal" value={value} onChange={(e) => onChange({ value: e.target.value })} aria-label={`${label} value`} data-testid={`${testId}-value`} />
          <span className="hint small">{asPct}</span>
        </div>
      ) : null}
      <ErrorList errors={errors} testId={`${testId}-errors`} />
    </fieldset>
  );
}

function ParamsTable({ rows, errors, onChange }: { rows: ParamRow[]; errors: RuleError[]; onChange: (rows: ParamRow[]) => void }) {
  const edit = (key: number, field: keyof Omit<ParamRow, 'key'>, value: string) => onChange(rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  return (
    <fieldset className="rule-section">
      <legend>Named parameters ($name in expressions)</legend>
      <table className="grid-table compact rule-params">
        <thead>
          <tr>
            <th>Name</th>
            <th className="num">Default</th>
            <th className="num">Min</th>
            <th className="num">Max</th>
            <th className="num">Step</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const rowErrors = row.name.trim() ? errorsUnder(errors, `params.${row.name.trim()}`) : [];
            return (
              <tr key={row.key} className={rowErrors.length ? 'has-error' : ''} data-testid={`rule-param-${i}`}>
                <td>
                  <input className="mono" value={row.name} onChange={(e) => edit(row.key, 'name', e.target.value)} aria-label={`Parameter ${i + 1} name`} data-testid={`rule-param-name-${i}`} />
                  <ErrorList errors={rowErrors} testId={`rule-param-errors-${i}`} />
                </td>
                {(['default', 'min', 'max', 'step'] as const).map((f) => (
                  <td key={f} className="num">
                    <input className="num" inputMode="decimal" value={row[f]} onChange={(e) => edit(row.key, f, e.target.value)} aria-label={`Parameter ${i + 1} ${f}`} data-testid={`rule-param-${f}-${i}`} />
                  </td>
                ))}
                <td className="actions-cell">
                  <button type="button" className="btn btn-small" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={`Remove parameter ${row.name || i + 1}`}>
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, paramRow()])} data-testid="rule-param-add">
        + Parameter
      </button>
    </fieldset>
  );
}

interface RuleBuilderProps {
  /** Editing into a new version of this (rule) strategy: the form starts from its latest version. */
  base?: StrategyView;
  /** Quiet time before the rule is sent to /validate. */
  debounceMs?: number;
  onSaved?: (strategy: StrategyView) => void;
}

/**
 * A rule strategy as a form: entry and exit conditions, side, sizing, stop-loss and take-profit,
 * named parameters. The document is validated by the API as it is typed (debounced); its errors
 * are shown at their field and, inside an expression, at their character; the canonical rule the
 * API parsed is shown back. Saves as a new strategy or a new version.
 */
export function RuleBuilder({ base, debounceMs = 400, onSaved }: RuleBuilderProps) {
  const userId = useAppSelector((s) => s.session.user?.id);
  const latest = base?.versions.find((v) => v.version === base.latestVersion) ?? base?.versions.at(-1);
  const [draft, setDraft] = useState<RuleDraft>(() => (latest ? draftFromRule(latest.definition) : emptyRuleDraft()));
  const instruments = useGetMarketInstrumentsQuery();
  const [symbolsTouched, setSymbolsTouched] = useState(false);
  // A new rule names the first instrument until the user picks (the rule language wants symbols).
  const firstSymbol = instruments.data?.[0]?.symbol;
  useEffect(() => {
    if (firstSymbol && !symbolsTouched) setDraft((d) => (d.symbols.length ? d : { ...d, symbols: [firstSymbol] }));
  }, [firstSymbol, symbolsTouched]);
  const canVersion = base !== undefined && base.kind === 'rule' && base.ownerId === userId;
  const [asVersion, setAsVersion] = useState(canVersion);
  const [name, setName] = useState(base && !canVersion ? `${base.name} (copy)` : '');
  const [description, setDescription] = useState(base?.description ?? '');
  const [nameError, setNameError] = useState<string | null>(null);

  const doc = useMemo(() => ruleDocumentOf(draft), [draft]);
  const docKey = JSON.stringify(doc);
  const settledKey = useDebounced(docKey, debounceMs);
  const settledDoc = useMemo(() => JSON.parse(settledKey) as Record<string, unknown>, [settledKey]);
  // Until the instruments are known the default symbol is not in the document yet: wait for it.
  const waitingForSymbols = instruments.isLoading && draft.symbols.length === 0;
  const validation = useValidateRuleQuery(waitingForSymbols ? skipToken : settledDoc);
  const current = settledKey === docKey && !validation.isFetching ? validation.data : undefined;
  const checking = settledKey !== docKey || validation.isFetching;

  const [create, created] = useCreateStrategyMutation();
  const saveError = created.error ? describeError(created.error) : null;
  const serverRuleErrors = saveError ? ruleErrorsFromFieldErrors(saveError.fieldErrors) : [];
  // The errors shown: the last validation's (kept while the next is on its way), the form's own, and a refused save's.
  const errors: RuleError[] = [...(validation.data?.errors ?? []), ...localRuleErrors(draft), ...serverRuleErrors];
  const unplaced = unplacedErrors(errors, placedPaths(draft));

  const edit = (next: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    created.reset();
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const newStrategy = !(asVersion && canVersion);
    if (newStrategy && name.trim() === '') return setNameError('A new strategy needs a name');
    setNameError(null);
    const result = await create({
      kind: 'rule',
      rule: doc,
      ...(newStrategy ? { name: name.trim() } : { strategyId: base!.id }),
      ...(description.trim() ? { description: description.trim() } : {}),
    });
    if ('data' in result && result.data) onSaved?.(result.data);
  };

  return (
    <form className="rule-builder" onSubmit={(e) => void save(e)} noValidate aria-label="Rule builder">
      <Panel title={base ? `Rule: new version of ${base.name}` : 'Rule'} className="rule-form">
        <div className={`field ${errorsUnder(errors, 'symbols').length ? 'has-error' : ''}`}>
          <span>
            Symbols <em className="hint">(the rule names them; a backtest runs on the symbols it is given)</em>
          </span>
          <div className="chips" role="group" aria-label="Rule symbols" data-testid="rule-symbols">
            {[...new Set([...(instruments.data ?? []).map((i) => i.symbol), ...draft.symbols])].map((symbol) => (
              <button
                key={symbol}
                type="button"
                className={`chip mono ${draft.symbols.includes(symbol) ? 'active' : ''}`}
                aria-pressed={draft.symbols.includes(symbol)}
                onClick={() => {
                  setSymbolsTouched(true);
                  edit({ symbols: draft.symbols.includes(symbol) ? draft.symbols.filter((x) => x !== symbol) : [...draft.symbols, symbol] });
                }}
                data-testid={`rule-symbol-${symbol}`}
              >
                {symbol}
              </button>
            ))}
          </div>
          <ErrorList errors={errorsUnder(errors, 'symbols')} testId="rule-symbols-errors" />
        </div>
        <ExpressionField label="Entry condition" name="entry" value={draft.entry} errors={errorsUnder(errors, 'entry')} onChange={(entry) => edit({ entry })} />
        <ExpressionField
          label="Exit condition"
          name="exit"
          value={draft.exit}
          placeholder="optional with a stop-loss or take-profit"
          errors={errorsUnder(errors, 'exit')}
          onChange={(exit) => edit({ exit })}
        />
        <div className="rule-row">
          <div className="field">
            <span>Side</span>
            <div className="segmented" role="group" aria-label="Side">
              {(['long', 'short'] as const).map((side) => (
                <button key={side} type="button" className={`seg ${draft.side === side ? 'active' : ''}`} aria-pressed={draft.side === side} onClick={() => edit({ side })} data-testid={`rule-side-${side}`}>
                  {side}
                </button>
              ))}
            </div>
            <ErrorList errors={errorsUnder(errors, 'side')} testId="rule-side-errors" />
          </div>
          <label className={`field ${errorsUnder(errors, 'sizing').length ? 'has-error' : ''}`}>
            <span>Sizing</span>
            <select value={draft.sizingType} onChange={(e) => edit({ sizingType: e.target.value as SizingType })} data-testid="rule-sizing-type">
              {(Object.keys(SIZING_LABELS) as SizingType[]).map((t) => (
                <option key={t} value={t}>
                  {SIZING_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className={`field ${errorsUnder(errors, 'sizing').length ? 'has-error' : ''}`}>
            <span>Size</span>
            <input className="num" inputMode="decimal" value={draft.sizingValue} onChange={(e) => edit({ sizingValue: e.target.value })} data-testid="rule-sizing-value" />
            <em className="hint small">{SIZING_HINTS[draft.sizingType]}</em>
          </label>
        </div>
        <ErrorList errors={errorsUnder(errors, 'sizing')} testId="rule-sizing-errors" />
        <div className="rule-protection">
          <ProtectionField
            label="Stop-loss"
            on={draft.stopLossOn}
            type={draft.stopLossType}
            value={draft.stopLossValue}
            errors={errorsUnder(errors, 'stopLoss')}
            onChange={(n) => edit({ stopLossOn: n.on ?? draft.stopLossOn, stopLossType: n.type ?? draft.stopLossType, stopLossValue: n.value ?? draft.stopLossValue })}
            testId="rule-sl"
          />
          <ProtectionField
            label="Take-profit"
            on={draft.takeProfitOn}
            type={draft.takeProfitType}
            value={draft.takeProfitValue}
            errors={errorsUnder(errors, 'takeProfit')}
            onChange={(n) => edit({ takeProfitOn: n.on ?? draft.takeProfitOn, takeProfitType: n.type ?? draft.takeProfitType, takeProfitValue: n.value ?? draft.takeProfitValue })}
            testId="rule-tp"
          />
        </div>
        <ParamsTable rows={draft.params} errors={errors} onChange={(params) => edit({ params })} />
        <ErrorList errors={unplaced} testId="rule-errors-other" />
      </Panel>

      <div className="rule-side">
        <Panel title="Validation" className="rule-validation">
          <div className="rule-status" data-testid="rule-status">
            {validation.error ? (
              <span className="text-bad">Cannot validate: {describeError(validation.error).message}</span>
            ) : checking && !validation.data ? (
              <span className="muted">Checking…</span>
            ) : validation.data?.ok && localRuleErrors(draft).length === 0 ? (
              <span className="text-ok">Valid{checking ? ' (checking the latest edit…)' : ''}</span>
            ) : validation.data ? (
              <span className="text-bad">
                {errors.length} {errors.length === 1 ? 'error' : 'errors'}
                {checking ? ' (checking the latest edit…)' : ''}
              </span>
            ) : null}
          </div>
          {current?.canonical ? (
            <dl className="rule-canonical" data-testid="rule-canonical">
              <dt>Entry, as parsed</dt>
              <dd className="mono" data-testid="rule-canonical-entry">
                {current.canonical.entry}
              </dd>
              <dt>Exit, as parsed</dt>
              <dd className="mono" data-testid="rule-canonical-exit">
                {current.canonical.exit ?? '— (closed by stop-loss / take-profit)'}
              </dd>
              <dt>Warm-up</dt>
              <dd className="num" data-testid="rule-warmup">
                {current.warmupBars == null ? '—' : `${formatNumber(current.warmupBars)} bars`}
              </dd>
            </dl>
          ) : null}
          <details className="rule-help">
            <summary>Functions</summary>
            <p className="small muted">
              Fields open, high, low, close, volume; and, or, not; &lt; &lt;= &gt; &gt;= == !=; + − × ÷; $name for a parameter.
            </p>
            <ul className="mono small">
              {FUNCTIONS.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </details>
        </Panel>

        <Panel title="Save" className="rule-save">
          {canVersion ? (
            <div className="field">
              <label className="toggle">
                <input type="radio" name="save-as" checked={asVersion} onChange={() => setAsVersion(true)} data-testid="save-as-version" />
                New version {base!.latestVersion + 1} of {base!.name}
              </label>
              <label className="toggle">
                <input type="radio" name="save-as" checked={!asVersion} onChange={() => setAsVersion(false)} data-testid="save-as-new" />
                New strategy
              </label>
            </div>
          ) : null}
          {!(asVersion && canVersion) ? (
            <label className={`field ${nameError ? 'has-error' : ''}`}>
              <span>Name</span>
              <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="rule-name" />
              {nameError ? <span className="field-error">{nameError}</span> : null}
            </label>
          ) : null}
          <label className="field">
            <span>Description</span>
            <textarea rows={2} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="rule-description" />
          </label>
          {saveError ? (
            <div className="state state-error" role="alert" data-testid="rule-save-error">
              {saveError.message}
            </div>
          ) : null}
          {created.data ? (
            <div className="note-ok small" data-testid="rule-saved">
              Saved {created.data.name} v{created.data.latestVersion}
            </div>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={created.isLoading || (current !== undefined && !current.ok)} data-testid="rule-save">
            {created.isLoading ? 'Saving…' : asVersion && canVersion ? 'Save new version' : 'Save strategy'}
          </button>
        </Panel>
      </div>
    </form>
  );
}
