import type { AlgoProgress, FillView, OrderView } from '@meridian/contracts';
import { decString, type Dec, type FillRecord, type Order } from '@meridian/trading';

const str = (d: Dec | undefined | null) => (d ? decString(d) : null);
const iso = (ms: number) => new Date(ms).toISOString();

export function toOrderView(o: Order, progress?: AlgoProgress): OrderView {
  return {
    id: o.id,
    accountId: o.accountId,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.role === 'algo-parent' ? 'algo' : o.type,
    quantity: decString(o.quantity),
    limitPrice: str(o.limitPrice),
    stopPrice: str(o.stopPrice),
    trailAmount: str(o.trail?.amount),
    trailPercent: str(o.trail?.percent),
    timeInForce: o.timeInForce,
    expireAt: o.expireAt !== undefined ? iso(o.expireAt) : null,
    reduceOnly: o.reduceOnly,
    postOnly: o.postOnly,
    role: o.role,
    parentId: o.parentId ?? null,
    linkedOrderId: o.linkedOrderId ?? null,
    tag: o.tag ?? null,
    status: o.status,
    filledQuantity: decString(o.filledQuantity),
    averagePrice: str(o.averagePrice),
    feesPaid: decString(o.feesPaid),
    rejectCheck: o.rejectCheck ?? null,
    rejectReason: o.rejectReason ?? null,
    cancelReason: o.cancelReason ?? null,
    triggered: o.triggeredAt !== undefined,
    bracket: o.bracket ? { takeProfit: str(o.bracket.takeProfit), stopLoss: str(o.bracket.stopLoss) } : null,
    algo: o.algo && progress ? { kind: o.algo.kind, durationSec: o.algo.durationSec, slices: o.algo.slices, volumeProfile: o.algo.volumeProfile, displayQuantity: str(o.algo.displayQuantity) ?? undefined, progress } : null,
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  };
}

export function toFillView(f: FillRecord): FillView {
  return {
    id: f.fillId,
    orderId: f.orderId,
    accountId: f.accountId,
    symbol: f.symbol,
    side: f.side,
    quantity: decString(f.quantity),
    price: decString(f.price),
    fee: decString(f.fee),
    liquidity: f.liquidity,
    tag: f.tag ?? null,
    at: iso(f.at),
  };
}
