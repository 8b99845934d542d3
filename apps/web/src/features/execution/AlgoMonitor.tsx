import { useState } from 'react';
import type { OrderView } from '@meridian/contracts';
import { describeError } from '../../api/apiError';
import { useRoleAtLeast } from '../../app/hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { QueryView } from '../../ui/QueryView';
import { StatusBadge } from '../../ui/StatusBadge';
import { formatDateTime, formatDecimal, formatTime } from '../../ui/format';
import { useCancelOrdersMutation, useGetOrdersQuery } from './executionApi';
import { describePrices, shortId, statusLabel, statusTone } from './orderFormat';

/** The API has no type filter: parents are picked out of this many orders. */
const SCAN = 500;

type AlgoOrder = OrderView & { algo: NonNullable<OrderView['algo']> };
const isAlgoParent = (o: OrderView): o is AlgoOrder => o.algo !== null && o.role !== 'algo-child';

/** Running parents (from the open orders) and finished ones (from all orders), newest first, each once. */
export function algoParents(open: OrderView[] | undefined, all: OrderView[] | undefined): AlgoOrder[] {
  const byId = new Map<string, AlgoOrder>();
  for (const o of [...(all ?? []), ...(open ?? [])]) {
    if (!isAlgoParent(o)) continue;
    const known = byId.get(o.id);
    if (!known || known.updatedAt <= o.updatedAt) byId.set(o.id, o);
  }
  const running = (o: AlgoOrder) => (o.algo.progress.state === 'running' ? 0 : 1);
  return [...byId.values()].sort((a, b) => running(a) - running(b) || b.createdAt.localeCompare(a.createdAt));
}

const clampPct = (n: number) => Math.max(0, Math.min(100, Number.isFinite(n) ? n : 0));

function ChildOrders({ parentId }: { parentId: string }) {
  const children = useGetOrdersQuery({ status: 'all', parentId, limit: 200, offset: 0 });
  return (
    <QueryView query={children} isEmpty={(p) => p.items.length === 0} emptyText="No child orders yet" loadingText="Loading slices…">
      {(page) => (
        <table className="grid-table compact algo-children" data-testid={`algo-children-${parentId}`}>
          <thead>
            <tr>
              <th>Time</th>
              <th>Type</th>
              <th className="num">Qty</th>
              <th className="num">Filled</th>
              <th>Price(s)</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((c) => (
              <tr key={c.id}>
                <td className="mono" title={c.id}>
                  {formatTime(c.createdAt)}
                </td>
                <td>{c.type}</td>
                <td className="num">{formatDecimal(c.quantity)}</td>
                <td className="num">
                  {formatDecimal(c.filledQuantity)}
                  {c.averagePrice ? <span className="muted"> @ {formatDecimal(c.averagePrice)}</span> : null}
                </td>
                <td className="mono">{describePrices(c)}</td>
                <td>
                  <StatusBadge status={statusLabel(c.status)} tone={statusTone(c.status)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}

function AlgoCard({ order, canCancel, onCancel }: { order: AlgoOrder; canCancel: boolean; onCancel: (o: AlgoOrder) => void }) {
  const [open, setOpen] = useState(false);
  const { algo } = order;
  const p = algo.progress;
  const pct = clampPct(p.percentDone);
  const stateTone = p.state === 'running' ? 'info' : p.state === 'completed' ? 'up' : 'muted';
  return (
    <div className={`algo-card algo-${p.state}`} data-testid={`algo-${order.id}`}>
      <header className="algo-head">
        <span className="badge status-info">{algo.kind}</span>
        <span className={`side side-${order.side}`}>{order.side}</span>
        <span className="num">{formatDecimal(order.quantity)}</span>
        <span className="mono">{order.symbol}</span>
        {order.limitPrice ? <span className="muted small">limit {formatDecimal(order.limitPrice)}</span> : null}
        <StatusBadge status={p.state} tone={stateTone} />
        <span className="muted small mono" title={order.id}>
          {shortId(order.id)}
        </span>
        <span className="grow" />
        {canCancel && p.state === 'running' ? (
          <button type="button" className="btn btn-small btn-danger" onClick={() => onCancel(order)} data-testid={`algo-cancel-${order.id}`}>
            Cancel algo
          </button>
        ) : null}
      </header>
      <div className="progress algo-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)} data-testid={`algo-progress-${order.id}`}>
        <div className="progress-bar" style={{ width: `${pct}%` }} />
        <span className="progress-label num">{pct.toFixed(1)} %</span>
      </div>
      <dl className="algo-facts">
        <div>
          <dt>Slices</dt>
          <dd className="num" data-testid={`algo-children-count-${order.id}`}>
            {p.childrenPlaced} / {p.childrenPlanned}
          </dd>
        </div>
        <div>
          <dt>Filled</dt>
          <dd className="num">
            {formatDecimal(p.filledQuantity)} / {formatDecimal(order.quantity)}
          </dd>
        </div>
        <div>
          <dt>Avg price</dt>
          <dd className="num">{formatDecimal(order.averagePrice)}</dd>
        </div>
        <div>
          <dt>Next slice</dt>
          <dd className="num">{p.nextChildAt ? formatTime(new Date(p.nextChildAt).toISOString()) : '—'}</dd>
        </div>
        <div>
          <dt>Plan</dt>
          <dd className="small">
            {algo.kind === 'iceberg'
              ? `show ${formatDecimal(algo.displayQuantity ?? null)} at a time`
              : `${algo.slices ?? '?'} slices over ${algo.durationSec ?? '?'} s`}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd className="mono small">{formatDateTime(order.createdAt)}</dd>
        </div>
      </dl>
      <button type="button" className="link-btn small" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
        {open ? 'Hide slices' : 'Show slices'}
      </button>
      {open ? <ChildOrders parentId={order.id} /> : null}
    </div>
  );
}

/** Running and finished algorithms with their progress; cancelling a parent stops its slicing. */
export function AlgoMonitor() {
  // Live: parent orders arrive as order events whenever their progress moves (a child placed or filled).
  // Parents only: children and other orders would crowd older algorithms out of a page.
  const running = useGetOrdersQuery({ status: 'open', role: 'algo-parent', limit: SCAN, offset: 0 });
  const all = useGetOrdersQuery({ status: 'all', role: 'algo-parent', limit: SCAN, offset: 0 });
  const canCancel = useRoleAtLeast('trader');
  const [cancel, cancelState] = useCancelOrdersMutation();
  const [target, setTarget] = useState<AlgoOrder | null>(null);
  const parents = algoParents(running.data?.items, all.data?.items);
  const query = { data: running.data && all.data ? parents : undefined, error: running.error ?? all.error, isLoading: running.isLoading || all.isLoading };

  const confirm = async () => {
    if (!target) return;
    const result = await cancel({ scope: 'order', id: target.id });
    if ('data' in result) setTarget(null);
  };

  return (
    <>
      <QueryView query={query} isEmpty={(list) => list.length === 0} emptyText="No algorithmic orders yet: place one with type Algo on the ticket" loadingText="Loading algorithms…">
        {(list) => (
          <div className="algo-list" data-testid="algo-list">
            {list.map((o) => (
              <AlgoCard key={o.id} order={o} canCancel={canCancel} onCancel={setTarget} />
            ))}
          </div>
        )}
      </QueryView>
      {target ? (
        <ConfirmDialog
          title="Cancel algorithm"
          confirmLabel="Cancel algorithm"
          danger
          busy={cancelState.isLoading}
          error={cancelState.error ? describeError(cancelState.error).message : null}
          onConfirm={() => void confirm()}
          onCancel={() => setTarget(null)}
        >
          <p>
            Stops the {target.algo.kind.toUpperCase()} {target.side} of {formatDecimal(target.quantity)} {target.symbol} and cancels its open slices.
            What already filled stays filled ({formatDecimal(target.algo.progress.filledQuantity)}).
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
