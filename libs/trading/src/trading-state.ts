import { Dec, ZERO } from './decimal';
import type { AccountVenue, TradingEvent } from './events';
import { applyFillToPosition, cashAfterFill, emptyPosition, type Position } from './ledger';
import { assertTransition } from './order-state-machine';
import { isOpen, type Order, type OrderSpec, type OrderStatus } from './order-types';

export interface Account {
  id: string;
  ownerId: string;
  name: string;
  currency: string;
  venue: AccountVenue;
  initialCash: Dec;
  cash: Dec;
  openedAt: number;
}

export interface FillRecord {
  fillId: string;
  orderId: string;
  accountId: string;
  symbol: string;
  side: 'buy' | 'sell';
  quantity: Dec;
  price: Dec;
  fee: Dec;
  liquidity: 'maker' | 'taker';
  at: number;
  tag?: string;
}

export class UnknownOrderError extends Error {}

/** A tag's (a deployed strategy's) filled quantity and notional per side in one symbol. */
export interface TagBook {
  buyQuantity: Dec;
  buyNotional: Dec;
  sellQuantity: Dec;
  sellNotional: Dec;
}

export interface EvictionRule {
  /** Only families whose last member finished before this time (ms) leave memory. */
  finishedBefore: number;
  /** Only orders whose every event up to this sequence is in the orders read model. */
  persistedThrough: number;
  /** Families this says no to stay in memory for good (e.g. Deriv's, which reconciliation reads). */
  evictable?: (root: Order) => boolean;
}

/**
 * Orders, accounts, positions and fills as a fold over the event log. The service applies each
 * event here only after it is committed, and rebuilds the whole state from the log at start, so
 * the in-memory state is always exactly what the log says.
 *
 * Finished orders do not stay: once an order and its relatives (its parent's family: an algorithm
 * and its slices, a bracket and its exits) are all finished and recorded in the orders read model,
 * `evict` drops them, keeping only their client order id so a repeat is still recognised. Memory
 * then holds the open orders and the recent ones, not the whole history.
 */
export class TradingState {
  readonly orders = new Map<string, Order>();
  readonly accounts = new Map<string, Account>();
  readonly positions = new Map<string, Position>();
  private readonly byClientId = new Map<string, Order>();
  private readonly open = new Map<string, Order>();
  private readonly children = new Map<string, Order[]>();
  /** Each account's orders in creation order, so the newest are found without walking the history. */
  private readonly byAccount = new Map<string, Order[]>();
  /** Each order's fill ids (a fill applied twice is a corrupt log). */
  private readonly orderFills = new Map<string, string[]>();
  /** Per family (an order without a parent, and its children): how many of its members are open. */
  private readonly familyOpen = new Map<string, number>();
  /** Families that finished, in the order they finished: the eviction queue. */
  private finished: { rootId: string; at: number }[] = [];
  private finishedHead = 0;
  /** `account\0clientOrderId` of evicted orders: a repeat must find the original, not make a second. */
  private readonly evictedClientKeys = new Set<string>();
  /** Net fills per tag and symbol (strategies read their own position without walking orders). */
  private readonly tagBooks = new Map<string, TagBook>();
  fillCount = 0;
  lastSequence = 0;
  evictedOrders = 0;

  static rebuild(events: Iterable<{ sequence: number; event: TradingEvent }>, onFill?: (fill: FillRecord) => void): TradingState {
    const state = new TradingState();
    for (const { sequence, event } of events) state.apply(event, sequence, onFill);
    return state;
  }

  orderByClientId(accountId: string, clientOrderId: string): Order | undefined {
    return this.byClientId.get(`${accountId}\u0000${clientOrderId}`);
  }

  openOrders(filter?: { accountId?: string; symbol?: string }): Order[] {
    const out: Order[] = [];
    for (const o of this.open.values()) {
      if (filter?.accountId && o.accountId !== filter.accountId) continue;
      if (filter?.symbol && o.symbol !== filter.symbol) continue;
      out.push(o);
    }
    return out;
  }

  /** Whether the account had an order with this client order id that has left memory (it is in the read model). */
  wasEvicted(accountId: string, clientOrderId: string): boolean {
    return this.evictedClientKeys.has(`${accountId}\u0000${clientOrderId}`);
  }

  tagBook(tag: string, symbol: string): TagBook | undefined {
    return this.tagBooks.get(`${tag}\u0000${symbol}`);
  }

  /** The account's orders created at or after `since` (not rejected), newest first. */
  recentOrders(accountId: string, since: number): Order[] {
    const list = this.byAccount.get(accountId) ?? [];
    const out: Order[] = [];
    for (let i = list.length - 1; i >= 0 && list[i].createdAt >= since; i--) if (list[i].status !== 'rejected') out.push(list[i]);
    return out;
  }

  childrenOf(parentId: string): readonly Order[] {
    return this.children.get(parentId) ?? [];
  }

  position(accountId: string, symbol: string): Position {
    return this.positions.get(positionKey(accountId, symbol)) ?? emptyPosition(accountId, symbol);
  }

  accountPositions(accountId: string): Position[] {
    return [...this.positions.values()].filter((p) => p.accountId === accountId);
  }

  /** Applies one committed event. Throws on an event the state machine forbids (a corrupt log). */
  apply(event: TradingEvent, sequence: number, onFill?: (fill: FillRecord) => void): void {
    this.lastSequence = Math.max(this.lastSequence, sequence);
    switch (event.type) {
      case 'account.opened':
        this.accounts.set(event.accountId, {
          id: event.accountId,
          ownerId: event.ownerId,
          name: event.name,
          currency: event.currency,
          venue: event.venue ?? 'paper',
          initialCash: event.cash,
          cash: event.cash,
          openedAt: event.at,
        });
        return;
      case 'order.created': {
        const order = newOrder(event.spec, event.orderId, event.at, sequence);
        this.orders.set(order.id, order);
        this.byClientId.set(`${order.accountId}\u0000${order.clientOrderId}`, order);
        this.open.set(order.id, order);
        const family = order.parentId ?? order.id;
        this.familyOpen.set(family, (this.familyOpen.get(family) ?? 0) + 1);
        const accountOrders = this.byAccount.get(order.accountId);
        if (accountOrders) accountOrders.push(order);
        else this.byAccount.set(order.accountId, [order]);
        if (order.parentId) {
          const siblings = this.children.get(order.parentId) ?? [];
          siblings.push(order);
          this.children.set(order.parentId, siblings);
        }
        return;
      }
    }
    const order = this.orders.get(event.orderId);
    if (!order) throw new UnknownOrderError(`Event ${event.type} for unknown order ${event.orderId}`);
    order.updatedAt = event.at;
    order.version = sequence;
    switch (event.type) {
      case 'order.accepted':
        this.transition(order, 'accepted');
        return;
      case 'order.rejected':
        this.transition(order, 'rejected');
        order.rejectCheck = event.check;
        order.rejectReason = event.reason;
        return;
      case 'order.triggered':
        order.triggeredAt = event.at;
        return;
      case 'order.amended':
        if (event.quantity) order.quantity = event.quantity;
        if (event.limitPrice) order.limitPrice = event.limitPrice;
        if (event.stopPrice) order.stopPrice = event.stopPrice;
        return;
      case 'order.cancelled':
        this.transition(order, 'cancelled');
        order.cancelReason = event.reason;
        return;
      case 'order.expired':
        this.transition(order, 'expired');
        order.cancelReason = event.reason;
        return;
      case 'order.filled': {
        const fillIds = this.orderFills.get(order.id);
        if (fillIds?.includes(event.fillId)) throw new Error(`Fill ${event.fillId} applied twice`);
        const filled = order.filledQuantity.plus(event.quantity);
        if (filled.greaterThan(order.quantity)) throw new Error(`Order ${order.id} overfilled: ${filled} > ${order.quantity}`);
        this.transition(order, filled.equals(order.quantity) ? 'filled' : 'partially_filled');
        const prevNotional = order.averagePrice ? order.averagePrice.times(order.filledQuantity) : ZERO;
        order.averagePrice = prevNotional.plus(event.price.times(event.quantity)).div(filled);
        order.filledQuantity = filled;
        order.feesPaid = order.feesPaid.plus(event.fee);
        if (fillIds) fillIds.push(event.fillId);
        else this.orderFills.set(order.id, [event.fillId]);
        // An algorithm's parent mirrors its children's fills for progress; the money moved with the child.
        if (order.role === 'algo-parent') return;
        this.fillCount += 1;
        const account = this.accounts.get(order.accountId);
        if (account) account.cash = cashAfterFill(account.cash, order.side, event.quantity, event.price, event.fee);
        const key = positionKey(order.accountId, order.symbol);
        this.positions.set(key, applyFillToPosition(this.position(order.accountId, order.symbol), order.side, event.quantity, event.price, event.fee, event.at));
        if (order.tag !== undefined) this.bookTagFill(order.tag, order.symbol, order.side, event.quantity, event.price);
        onFill?.({ fillId: event.fillId, orderId: order.id, accountId: order.accountId, symbol: order.symbol, side: order.side, quantity: event.quantity, price: event.price, fee: event.fee, liquidity: event.liquidity, at: event.at, tag: order.tag });
        return;
      }
    }
  }

  /**
   * Drops finished families from memory, oldest first, as far as the rule allows. Returns how many
   * orders left. Their client order ids stay (see wasEvicted); reads of them go to the read model.
   */
  evict(rule: EvictionRule): number {
    let count = 0;
    const accounts = new Set<string>();
    const queue = this.finished;
    while (this.finishedHead < queue.length) {
      const { rootId, at } = queue[this.finishedHead];
      if (at >= rule.finishedBefore) break;
      const root = this.orders.get(rootId);
      // Gone already, or reopened (a bracket's exits): it is queued again when it finishes again.
      if (!root || this.familyOpen.has(rootId)) {
        this.finishedHead++;
        continue;
      }
      const members = [root, ...(this.children.get(rootId) ?? [])];
      if (members.some((m) => m.version > rule.persistedThrough)) break;
      this.finishedHead++;
      if (rule.evictable && !rule.evictable(root)) continue;
      for (const m of members) this.forget(m);
      accounts.add(root.accountId);
      count += members.length;
    }
    if (this.finishedHead > 1024 && this.finishedHead * 2 > queue.length) {
      this.finished = queue.slice(this.finishedHead);
      this.finishedHead = 0;
    }
    for (const accountId of accounts) {
      const list = this.byAccount.get(accountId);
      if (list) this.byAccount.set(accountId, list.filter((o) => this.orders.has(o.id)));
    }
    this.evictedOrders += count;
    return count;
  }

  private forget(order: Order): void {
    this.orders.delete(order.id);
    const key = `${order.accountId}\u0000${order.clientOrderId}`;
    this.byClientId.delete(key);
    this.evictedClientKeys.add(key);
    this.children.delete(order.id);
    this.orderFills.delete(order.id);
  }

  private bookTagFill(tag: string, symbol: string, side: 'buy' | 'sell', quantity: Dec, price: Dec): void {
    const key = `${tag}\u0000${symbol}`;
    const book = this.tagBooks.get(key) ?? { buyQuantity: ZERO, buyNotional: ZERO, sellQuantity: ZERO, sellNotional: ZERO };
    if (side === 'buy') {
      book.buyQuantity = book.buyQuantity.plus(quantity);
      book.buyNotional = book.buyNotional.plus(quantity.times(price));
    } else {
      book.sellQuantity = book.sellQuantity.plus(quantity);
      book.sellNotional = book.sellNotional.plus(quantity.times(price));
    }
    this.tagBooks.set(key, book);
  }

  private transition(order: Order, to: OrderStatus): void {
    assertTransition(order.id, order.status, to);
    const wasOpen = isOpen(order);
    order.status = to;
    if (!wasOpen || isOpen(order)) return;
    this.open.delete(order.id);
    const family = order.parentId ?? order.id;
    const stillOpen = (this.familyOpen.get(family) ?? 1) - 1;
    if (stillOpen > 0) {
      this.familyOpen.set(family, stillOpen);
      return;
    }
    this.familyOpen.delete(family);
    this.finished.push({ rootId: family, at: order.updatedAt });
  }
}

export function positionKey(accountId: string, symbol: string): string {
  return `${accountId}\u0000${symbol}`;
}

export function grossExposure(positions: readonly Position[], mark: (symbol: string) => Dec | undefined): Dec {
  let total = ZERO;
  for (const p of positions) {
    const price = mark(p.symbol) ?? p.averagePrice;
    total = total.plus(p.quantity.abs().times(price));
  }
  return total;
}

export { Dec };

/**
 * A new order with every field of `Order` written in one literal, in one order. Orders then share
 * one V8 map: `{ ...spec, id, ... }` gave each order a copied map that no transition tree owns, so
 * every field added to it built new maps, per order, that only a full collection frees.
 */
function newOrder(spec: OrderSpec, id: string, at: number, version: number): Order {
  // Every key, optional ones too: the type makes a field added to Order a compile error here.
  const order: { [K in keyof Required<Order>]: Order[K] } = {
    accountId: spec.accountId,
    clientOrderId: spec.clientOrderId,
    symbol: spec.symbol,
    side: spec.side,
    type: spec.type,
    quantity: spec.quantity,
    limitPrice: spec.limitPrice,
    stopPrice: spec.stopPrice,
    trail: spec.trail,
    timeInForce: spec.timeInForce,
    expireAt: spec.expireAt,
    reduceOnly: spec.reduceOnly,
    postOnly: spec.postOnly,
    role: spec.role,
    parentId: spec.parentId,
    linkedOrderId: spec.linkedOrderId,
    tag: spec.tag,
    bracket: spec.bracket,
    algo: spec.algo,
    id,
    status: 'new',
    filledQuantity: ZERO,
    averagePrice: null,
    feesPaid: ZERO,
    triggeredAt: undefined,
    trailAnchor: undefined,
    rejectCheck: undefined,
    rejectReason: undefined,
    cancelReason: undefined,
    createdAt: at,
    updatedAt: at,
    version,
  };
  return order;
}
