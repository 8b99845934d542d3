import { useState } from 'react';
import { ORDER_STATUS_NAMES, type CancelReport, type InstrumentView, type OrderView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FilterSelect } from '../../ui/FilterSelect';
import { PagedQueryView } from '../../ui/Pager';
import { StatusBadge } from '../../ui/StatusBadge';
import { usePagedFilters } from '../../ui/usePagedFilters';
import { isPositiveDecimal, normaliseDecimal } from '../../ui/decimal';
import { formatDateTime, formatDecimal, formatNumber, formatTime } from '../../ui/format';
import { useAmendOrderMutation, useCancelOrdersMutation, useGetOrdersQuery } from './executionApi';
import { describePrices, ROLE_LABELS, statusLabel, statusTone } from './orderFormat';
import { isOpen, type OrderListStatus } from './orderPatches';

export const BLOTTER_PAGE = 50;

const STATUS_FILTERS: { value: OrderListStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'all', label: 'All' },
  ...ORDER_STATUS_NAMES.map((s) => ({ value: s, label: statusLabel(s) })),
];

/** Orders whose prices can be amended: resting ones with a limit or a stop. */
const amendable = (o: OrderView) => isOpen(o) && (o.limitPrice !== null || o.stopPrice !== null) && o.role !== 'algo-child';

function cancelSummary(report: CancelReport): string {
  const n = report.cancelled.length;
  const skipped = report.skipped.length ? `; ${report.skipped.length} skipped (${report.skipped.map((s) => s.reason).join(', ')})` : '';
  return `Cancelled ${n} order${n === 1 ? '' : 's'}${skipped}`;
}

interface AmendDraft {
  id: string;
  limitPrice: string;
  stopPrice: string;
}

/** A row's price cell while amending: the order's limit and/or stop as inputs. */
function AmendCell({ order, onDone }: { order: OrderView; onDone: () => void }) {
  const [draft, setDraft] = useState<AmendDraft>({ id: order.id, limitPrice: order.limitPrice ?? '', stopPrice: order.stopPrice ?? '' });
  const [amend, { isLoading, error }] = useAmendOrderMutation();
  const [invalid, setInvalid] = useState<string | null>(null);
  const server = error ? describeError(error) : null;

  const save = async () => {
    const body: { id: string; limitPrice?: string; stopPrice?: string } = { id: order.id };
    for (const key of ['limitPrice', 'stopPrice'] as const) {
      if (order[key] === null) continue;
      const value = normaliseDecimal(draft[key]);
      if (!isPositiveDecimal(value)) return setInvalid(`${key === 'limitPrice' ? 'limit' : 'stop'} price must be a positive number`);
      if (value !== order[key]) body[key] = value;
    }
    setInvalid(null);
    if (!body.limitPrice && !body.stopPrice) return onDone();
    const result = await amend(body);
    if ('data' in result) onDone();
  };

  return (
    <div className="amend" data-testid={`amend-${order.id}`}>
      {order.limitPrice !== null ? (
        <input
          className="num amend-input"
          aria-label="New limit price"
          value={draft.limitPrice}
          onChange={(e) => setDraft((d) => ({ ...d, limitPrice: e.target.value }))}
          onKeyDown={(e) => (e.key === 'Enter' ? void save() : e.key === 'Escape' ? onDone() : undefined)}
          data-testid={`amend-limit-${order.id}`}
          autoFocus
        />
      ) : null}
      {order.stopPrice !== null ? (
        <input
          className="num amend-input"
          aria-label="New stop price"
          value={draft.stopPrice}
          onChange={(e) => setDraft((d) => ({ ...d, stopPrice: e.target.value }))}
          onKeyDown={(e) => (e.key === 'Enter' ? void save() : e.key === 'Escape' ? onDone() : undefined)}
          data-testid={`amend-stop-${order.id}`}
        />
      ) : null}
      <button type="button" className="btn btn-small btn-primary" onClick={() => void save()} disabled={isLoading} data-testid={`amend-save-${order.id}`}>
        Save
      </button>
      <button type="button" className="btn btn-small" onClick={onDone} disabled={isLoading}>
        ✕
      </button>
      {invalid || server ? <div className="field-error">{invalid ?? server?.message}</div> : null}
    </div>
  );
}

/**
 * The caller's orders (open ones by default) with cancel per row, cancel all (or all of the
 * filtered symbol) behind a confirmation, and inline amending of a resting order's price.
 */
export function OrdersBlotter({ instruments }: { instruments?: InstrumentView[] }) {
  const { filters, setFilter, paging, page } = usePagedFilters({ status: 'open' as OrderListStatus, symbol: '' }, BLOTTER_PAGE);
  const { status, symbol } = filters;
  const orders = useGetOrdersQuery({ status, symbol: symbol || undefined, ...page });
  const canTrade = useRoleAtLeast('trader');
  const [cancel, cancelState] = useCancelOrdersMutation();
  const [confirmAll, setConfirmAll] = useState(false);
  const [amending, setAmending] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const openOnPage = orders.data?.items.filter(isOpen).length ?? 0;
  const symbols = [...new Set([...(instruments ?? []).map((i) => i.symbol), ...(orders.data?.items.map((o) => o.symbol) ?? [])])];

  const cancelOne = async (order: OrderView) => {
    const result = await cancel({ scope: 'order', id: order.id });
    if ('data' in result && result.data) setReport(cancelSummary(result.data));
  };
  const cancelAll = async () => {
    const result = await cancel(symbol ? { scope: 'symbol', symbol } : { scope: 'all' });
    if ('data' in result && result.data) {
      setReport(cancelSummary(result.data));
      setConfirmAll(false);
    }
  };

  return (
    <div className="blotter">
      <div className="filters blotter-filters">
        <FilterSelect label="Status" value={status} options={STATUS_FILTERS} onChange={(v) => setFilter('status', v)} testId="blotter-status" />
        <FilterSelect label="Symbol" value={symbol} options={[{ value: '', label: 'All symbols' }, ...symbols]} onChange={(v) => setFilter('symbol', v)} testId="blotter-symbol" />
        <span className="grow" />
        {canTrade ? (
          <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirmAll(true)} disabled={cancelState.isLoading} data-testid="cancel-all">
            {symbol ? `Cancel all ${symbol}` : 'Cancel all'}
          </button>
        ) : null}
      </div>
      {report ? (
        <div className="note-ok small" data-testid="cancel-report">
          {report}{' '}
          <button type="button" className="link-btn" onClick={() => setReport(null)}>
            dismiss
          </button>
        </div>
      ) : null}
      {cancelState.error && !confirmAll ? (
        <div className="state state-error" role="alert">
          {describeError(cancelState.error).message}
        </div>
      ) : null}
      <PagedQueryView query={orders} paging={paging} emptyText={status === 'open' ? 'No open orders' : 'No orders'} loadingText="Loading orders…">
        {(items) => (
          <div className="table-scroll blotter-scroll">
            <table className="grid-table compact" data-testid="orders-blotter">
              <thead>
                <tr>
                  <th>Time</th>
                  <th>Symbol</th>
                  <th>Side</th>
                  <th>Type</th>
                  <th className="num">Qty</th>
                  <th className="num">Filled</th>
                  <th>Price(s)</th>
                  <th>Status</th>
                  <th>TIF</th>
                  <th>Tag</th>
                  {canTrade ? <th /> : null}
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id} data-testid={`order-row-${o.id}`}>
                    <td className="mono nowrap" title={`${formatDateTime(o.createdAt)} · id ${o.id} · client ${o.clientOrderId}`}>
                      {formatTime(o.createdAt)}
                    </td>
                    <td className="mono">{o.symbol}</td>
                    <td className={`side side-${o.side}`}>{o.side}</td>
                    <td className="nowrap">
                      {o.type}
                      {ROLE_LABELS[o.role] ? <span className="role-tag">{ROLE_LABELS[o.role]}</span> : null}
                      {o.reduceOnly ? <span className="role-tag" title="reduce only">RO</span> : null}
                      {o.postOnly ? <span className="role-tag" title="post only">PO</span> : null}
                    </td>
                    <td className="num">{formatDecimal(o.quantity)}</td>
                    <td className="num" title={o.averagePrice ? `average ${o.averagePrice}` : undefined}>
                      {formatDecimal(o.filledQuantity)}
                      {o.averagePrice ? <span className="muted"> @ {formatDecimal(o.averagePrice)}</span> : null}
                    </td>
                    <td className="mono nowrap">
                      {amending === o.id ? (
                        <AmendCell order={o} onDone={() => setAmending(null)} />
                      ) : (
                        <>
                          {describePrices(o)}
                          {o.triggered ? <span className="role-tag">triggered</span> : null}
                        </>
                      )}
                    </td>
                    <td title={o.rejectReason ?? o.cancelReason ?? undefined}>
                      <StatusBadge status={statusLabel(o.status)} tone={statusTone(o.status)} />
                      {o.rejectCheck ? <div className="text-bad small">{o.rejectCheck}</div> : null}
                    </td>
                    <td className="mono" title={o.expireAt ? `expires ${formatDateTime(o.expireAt)}` : undefined}>
                      {o.timeInForce}
                    </td>
                    <td className="muted">{o.tag ?? ''}</td>
                    {canTrade ? (
                      <td className="actions-cell">
                        {amendable(o) && amending !== o.id ? (
                          <button type="button" className="btn btn-small" onClick={() => setAmending(o.id)} data-testid={`amend-open-${o.id}`}>
                            Amend
                          </button>
                        ) : null}{' '}
                        {isOpen(o) ? (
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => void cancelOne(o)}
                            disabled={cancelState.isLoading && cancelState.originalArgs?.id === o.id}
                            data-testid={`cancel-${o.id}`}
                          >
                            Cancel
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedQueryView>
      {confirmAll ? (
        <ConfirmDialog
          title={symbol ? `Cancel all ${symbol} orders` : 'Cancel all orders'}
          confirmLabel="Cancel orders"
          danger
          busy={cancelState.isLoading}
          error={cancelState.error ? describeError(cancelState.error).message : null}
          onConfirm={() => void cancelAll()}
          onCancel={() => setConfirmAll(false)}
        >
          <p>
            Cancels every open order{symbol ? ` in ${symbol}` : ''} of your account, running algorithms included
            {status === 'open' && !symbol ? ` (${formatNumber(orders.data?.total ?? openOnPage)} open now)` : ''}.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
