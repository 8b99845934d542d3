import { useState, type FormEvent } from 'react';
import type { InstrumentView, RebalanceOrderPlan, RebalanceResponse } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Panel } from '../../ui/Panel';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDecimal, formatFraction, formatNumber, formatSigned } from '../../ui/format';
import { statusLabel, statusTone } from '../execution/orderFormat';
import { useGetPositionsQuery, useRebalanceMutation } from './portfolioApi';
import { planSummary, rebalanceBodyOf, rowsFromPositions, targetRow, weightTotals, type RebalanceDraft } from './rebalanceForm';

function ResultCell({ order }: { order: RebalanceOrderPlan }) {
  if (order.skipped) return <span className="muted">skipped: {order.skipped}</span>;
  if (!order.result) return <span className="muted">to send</span>;
  const r = order.result;
  return (
    <span>
      <StatusBadge status={statusLabel(r.status)} tone={statusTone(r.status)} />{' '}
      <span className="mono small" title={r.orderId}>
        {r.orderId}
      </span>
      {r.rejectReason ? (
        <div className="text-bad small">
          {r.rejectCheck ? `${r.rejectCheck}: ` : ''}
          {r.rejectReason}
        </div>
      ) : null}
    </span>
  );
}

export function PlanTable({ plan, testId }: { plan: RebalanceResponse; testId: string }) {
  if (plan.orders.length === 0) return <div className="state state-empty">Already at target: nothing to trade</div>;
  return (
    <div className="table-scroll">
      <table className="grid-table compact" data-testid={testId}>
        <thead>
          <tr>
            <th>Symbol</th>
            <th>Side</th>
            <th className="num">Quantity</th>
            <th className="num">Price</th>
            <th className="num">Notional</th>
            <th className="num">Current</th>
            <th className="num">Target</th>
            <th className="num">Change</th>
            <th>{plan.mode === 'execute' ? 'Result' : 'Note'}</th>
          </tr>
        </thead>
        <tbody>
          {plan.orders.map((o) => (
            <tr key={o.symbol} className={o.skipped ? 'row-skipped' : ''} data-testid={`${testId}-row-${o.symbol}`}>
              <td className="mono">{o.symbol}</td>
              <td className={`side side-${o.side}`}>{o.side}</td>
              <td className="num">{formatDecimal(o.quantity)}</td>
              <td className="num">{formatDecimal(o.price)}</td>
              <td className="num">{formatDecimal(o.notional, 2)}</td>
              <td className="num">{formatFraction(o.currentWeight, 1)}</td>
              <td className="num">{formatFraction(o.targetWeight, 1)}</td>
              <td className="num">{formatSigned((o.targetWeight - o.currentWeight) * 100, 1)} %</td>
              <td>
                <ResultCell order={o} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Target weights in, an order plan out: preview shows what would trade at current prices;
 * execute (confirmed) sends it and shows each order's fate. Execute needs a current preview.
 */
export function RebalancePanel({ instruments }: { instruments?: InstrumentView[] }) {
  const positions = useGetPositionsQuery();
  const canTrade = useRoleAtLeast('trader');
  const [draft, setDraft] = useState<RebalanceDraft>({ rows: [targetRow()], minTradeNotional: '', closeOthers: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ key: string; plan: RebalanceResponse } | null>(null);
  const [executed, setExecuted] = useState<RebalanceResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [rebalance, state] = useRebalanceMutation();
  const parsed = rebalanceBodyOf(draft);
  const key = 'body' in parsed ? JSON.stringify(parsed.body) : null;
  const previewIsCurrent = preview !== null && preview.key === key;
  const totals = weightTotals(draft.rows);
  const symbols = [...new Set([...(instruments ?? []).map((i) => i.symbol), ...(positions.data?.positions.map((p) => p.symbol) ?? [])])];
  const lastError = state.error ? describeError(state.error) : null;
  const errorFor = (path: string) => errors[path] ?? lastError?.fieldErrors[path.replace(/^rows\./, 'targets[').replace(/\.(\w+)$/, '].$1')];

  const edit = (next: Partial<RebalanceDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
    setExecuted(null);
  };
  const editRow = (index: number, field: 'symbol' | 'weightPct', value: string) =>
    edit({ rows: draft.rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)) });

  const runPreview = async (e?: FormEvent) => {
    e?.preventDefault();
    if ('errors' in parsed) return setErrors(parsed.errors);
    const result = await rebalance({ ...parsed.body, mode: 'preview' });
    if ('data' in result && result.data) setPreview({ key: key!, plan: result.data });
  };
  const runExecute = async () => {
    if (!('body' in parsed)) return;
    const result = await rebalance({ ...parsed.body, mode: 'execute' });
    if ('data' in result && result.data) {
      setExecuted(result.data);
      setPreview(null);
      setConfirming(false);
    }
  };
  const summary = preview ? planSummary(preview.plan) : null;

  return (
    <div className="stack">
      <Panel
        title="Target weights"
        actions={
          <button
            type="button"
            className="btn btn-small"
            disabled={!positions.data?.positions.length}
            onClick={() => edit({ rows: positions.data ? rowsFromPositions(positions.data.positions) : draft.rows })}
            data-testid="rebalance-load"
          >
            Load current weights
          </button>
        }
      >
        <form onSubmit={(e) => void runPreview(e)} noValidate aria-label="Rebalance targets">
          <datalist id="rebalance-symbols">
            {symbols.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <table className="grid-table compact rebalance-targets">
            <thead>
              <tr>
                <th>Symbol</th>
                <th className="num">Target weight %</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.rows.map((row, i) => (
                <tr key={row.key}>
                  <td className={errorFor(`rows.${i}.symbol`) ? 'has-error' : ''}>
                    <input
                      list="rebalance-symbols"
                      value={row.symbol}
                      onChange={(e) => editRow(i, 'symbol', e.target.value.toUpperCase())}
                      aria-label={`Symbol ${i + 1}`}
                      data-testid={`rebalance-symbol-${i}`}
                    />
                    {errorFor(`rows.${i}.symbol`) ? <div className="field-error">{errorFor(`rows.${i}.symbol`)}</div> : null}
                  </td>
                  <td className={`num ${errorFor(`rows.${i}.weight`) ? 'has-error' : ''}`}>
                    <input
                      className="num weight-input"
                      inputMode="decimal"
                      value={row.weightPct}
                      onChange={(e) => editRow(i, 'weightPct', e.target.value)}
                      aria-label={`Weight ${i + 1}`}
                      data-testid={`rebalance-weight-${i}`}
                    />
                    {errorFor(`rows.${i}.weight`) ? (
                      <div className="field-error" data-testid={`rebalance-error-${i}`}>
                        {errorFor(`rows.${i}.weight`)}
                      </div>
                    ) : null}
                  </td>
                  <td className="actions-cell">
                    <button type="button" className="btn btn-small" onClick={() => edit({ rows: draft.rows.filter((_, j) => j !== i) })} aria-label={`Remove ${row.symbol || 'row'}`}>
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => edit({ rows: [...draft.rows, targetRow()] })} data-testid="rebalance-add">
                    + Add symbol
                  </button>
                </td>
                <td className={`num ${totals.gross > 100 ? 'text-bad' : 'muted'}`} data-testid="rebalance-total" title="Net (gross) of the target weights">
                  {formatNumber(totals.net, 2)} % ({formatNumber(totals.gross, 2)} % gross)
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
          {errors.rows ? <div className="field-error">{errors.rows}</div> : null}
          <div className="filters rebalance-options">
            <label className={`field field-row ${errorFor('minTradeNotional') ? 'has-error' : ''}`}>
              <span>Min trade notional</span>
              <input className="num" inputMode="decimal" placeholder="10" value={draft.minTradeNotional} onChange={(e) => edit({ minTradeNotional: e.target.value })} data-testid="rebalance-min" />
              {errorFor('minTradeNotional') ? <span className="field-error">{errorFor('minTradeNotional')}</span> : null}
            </label>
            <label className="toggle" title="Sell or cover positions in symbols not listed above">
              <input type="checkbox" checked={draft.closeOthers} onChange={(e) => edit({ closeOthers: e.target.checked })} data-testid="rebalance-close-others" />
              Close positions not listed
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={state.isLoading} data-testid="rebalance-preview">
              {state.isLoading && state.originalArgs?.mode === 'preview' ? 'Planning…' : 'Preview'}
            </button>
            {canTrade ? (
              <button
                type="button"
                className="btn btn-warn"
                disabled={!previewIsCurrent || !summary?.orders || state.isLoading}
                title={previewIsCurrent ? undefined : 'Preview the current targets first'}
                onClick={() => setConfirming(true)}
                data-testid="rebalance-execute"
              >
                Execute…
              </button>
            ) : null}
          </div>
          {lastError && !confirming ? (
            <div className="state state-error" role="alert" data-testid="rebalance-error">
              {lastError.message}
            </div>
          ) : null}
        </form>
      </Panel>

      {preview ? (
        <Panel title={previewIsCurrent ? 'Order plan (preview)' : 'Order plan (preview of earlier targets)'}>
          <div className="muted small plan-summary" data-testid="rebalance-summary">
            Equity {formatDecimal(preview.plan.equity, 2)} · {summary?.orders} order{summary?.orders === 1 ? '' : 's'} to send
            {summary?.skipped ? `, ${summary.skipped} skipped` : ''} · buy {formatNumber(summary?.buy, 2)} · sell {formatNumber(summary?.sell, 2)}
          </div>
          <PlanTable plan={preview.plan} testId="rebalance-plan" />
        </Panel>
      ) : null}

      {executed ? (
        <Panel title="Rebalance sent">
          <PlanTable plan={executed} testId="rebalance-result" />
        </Panel>
      ) : null}

      {confirming && preview && summary ? (
        <ConfirmDialog
          title="Execute rebalance"
          confirmLabel={`Send ${summary.orders} order${summary.orders === 1 ? '' : 's'}`}
          danger
          busy={state.isLoading}
          error={lastError?.message ?? null}
          onConfirm={() => void runExecute()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Sends {summary.orders} order{summary.orders === 1 ? '' : 's'}: buys of {formatNumber(summary.buy, 2)} and sells of {formatNumber(summary.sell, 2)}. Quantities are
            recomputed at the prices of the moment, so they can differ slightly from the preview.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
