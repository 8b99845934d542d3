import type { AccountView, PositionsResponse, PositionView } from '@meridian/contracts';

// Pure cache updates and the live P&L arithmetic of the portfolio.

const isFlat = (quantity: string) => Number(quantity) === 0;

/**
 * A position event of the account: replaces the symbol's position (unless the cached one is
 * newer), or adds it when it is not flat.
 */
export function applyPositionEvent(data: PositionsResponse, accountId: string, position: PositionView): void {
  if (accountId !== data.account.id) return;
  const index = data.positions.findIndex((p) => p.symbol === position.symbol);
  if (index >= 0) {
    if (data.positions[index].updatedAt <= position.updatedAt) data.positions[index] = position;
  } else if (!isFlat(position.quantity)) {
    data.positions.push(position);
  }
}

/** A position with what the latest quote makes of it. */
export interface LivePosition {
  position: PositionView;
  quantity: number;
  averagePrice: number;
  /** The stream's price when there is one, else the server's. */
  last: number | null;
  marketValue: number | null;
  unrealisedPnl: number | null;
  /** Whether `last` came from the market stream (not the server's snapshot). */
  live: boolean;
}

const num = (value: string | null): number | null => (value == null ? null : Number(value));

/** Unrealised P&L at the quote: (last − average price) × quantity, the quantity signed (short < 0). */
export function livePosition(position: PositionView, quotePrice: number | undefined): LivePosition {
  const quantity = Number(position.quantity);
  const averagePrice = Number(position.averagePrice);
  const live = quotePrice !== undefined && Number.isFinite(quotePrice);
  const last = live ? quotePrice : num(position.lastPrice);
  return {
    position,
    quantity,
    averagePrice,
    last,
    live,
    marketValue: last == null ? num(position.marketValue) : last * quantity,
    unrealisedPnl: live ? (quotePrice - averagePrice) * quantity : num(position.unrealisedPnl),
  };
}

export interface LiveAccount {
  equity: number;
  unrealisedPnl: number;
  /** Gross market value over equity, per symbol. */
  weights: Map<string, number>;
}

/**
 * The account at the quotes: the server's equity and unrealised P&L moved by how far each
 * position's live unrealised P&L is from the one the server computed.
 */
export function liveAccount(account: AccountView, positions: LivePosition[]): LiveAccount {
  let equity = Number(account.equity);
  let unrealisedPnl = Number(account.unrealisedPnl);
  for (const p of positions) {
    const server = num(p.position.unrealisedPnl);
    if (!p.live || p.unrealisedPnl == null) continue;
    const delta = p.unrealisedPnl - (server ?? 0);
    // Without a server figure there is nothing in its equity to correct, only in its P&L total.
    if (server != null) equity += delta;
    unrealisedPnl += delta;
  }
  const weights = new Map<string, number>();
  for (const p of positions) {
    if (p.marketValue != null && equity !== 0) weights.set(p.position.symbol, p.marketValue / equity);
    else if (p.position.weight != null) weights.set(p.position.symbol, p.position.weight);
  }
  return { equity, unrealisedPnl, weights };
}
