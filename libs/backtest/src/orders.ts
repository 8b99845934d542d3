import type { OpenOrderView, Side } from '@meridian/strategy';
import { columns, Table } from './columns';
import type { OrderRecord, OrderStatus, OrderType } from './types';

/** An open order: what the strategy sees in `openOrders()`; dropped once filled or cancelled. */
export class Order implements OpenOrderView {
  /** +quantity for a buy, -quantity for a sell. */
  readonly signedQuantity: number;
  /** Stop-limit: the stop has been touched and the order now rests as a limit. */
  triggered = false;
  /**
   * Trailing stop: the best price since placement (the decision bar's close, then each bar's high
   * for a sell, low for a buy); NaN for other types. `stopPrice` is kept at the level it implies.
   */
  anchor: number;

  constructor(
    /** Position in the book's log (the n of id `o<n+1>`). */
    readonly sequence: number,
    readonly symbol: string,
    readonly symbolIndex: number,
    readonly side: Side,
    readonly type: OrderType,
    readonly quantity: number,
    readonly limitPrice: number | undefined,
    /** Mutable for a trailing stop only (it follows the anchor). */
    public stopPrice: number | undefined,
    readonly tag: string | undefined,
    readonly trailAmount: number | undefined = undefined,
    readonly trailPercent: number | undefined = undefined,
    anchor = NaN,
  ) {
    this.signedQuantity = side === 'buy' ? quantity : -quantity;
    this.anchor = anchor;
    if (type === 'trailing-stop') this.stopPrice = trailingStopLevel(this, anchor);
  }

  /** Built when asked: most orders live one bar and nobody reads their id. */
  get id(): string {
    return orderId(this.sequence);
  }
}

/** The stop level of a trailing stop whose anchor is `anchor` (as the live paper venue computes it). */
export function trailingStopLevel(order: Order, anchor: number): number {
  const distance = order.trailAmount !== undefined ? order.trailAmount : anchor * (order.trailPercent as number);
  return order.side === 'sell' ? anchor - distance : anchor + distance;
}

/** Order ids are `o1`, `o2`, ...: the number is the order's sequence plus one. */
export function orderId(sequence: number): string {
  return `o${sequence + 1}`;
}

const TYPES: readonly OrderType[] = ['market', 'limit', 'stop', 'stop-limit', 'trailing-stop'];
const SOURCES: readonly OrderRecord['source'][] = ['market', 'limit', 'stop', 'target-quantity', 'target-percent', 'stop-limit', 'trailing-stop'];
const STATUSES: readonly OrderStatus[] = ['open', 'filled', 'cancelled'];
const C = columns('symbol', 'buy', 'type', 'source', 'quantity', 'limit', 'stop', 'trailAmount', 'trailPercent', 'placedStep', 'placedTime', 'status', 'closedStep', 'fillPrice');

/**
 * Open orders by symbol, in placement order (the order in which same-kind fills happen), and the
 * log of every order placed, kept as columns (see columns.ts): only open orders are objects. Also
 * keeps, per symbol, the signed quantity of open market orders, so that a target intent counts
 * what is already on its way.
 */
export class OrderBook {
  readonly open: Order[][];
  /** Signed quantity of open market orders per symbol. */
  readonly pendingMarket: Float64Array;
  private readonly log = new Table(C.width);
  /** Tags by sequence (strategies tag with constants, so this holds pointers, not new strings). */
  private readonly tags: (string | undefined)[] = [];
  private allOpen: readonly OpenOrderView[] | undefined;

  constructor(private readonly symbols: readonly string[]) {
    this.open = symbols.map(() => []);
    this.pendingMarket = new Float64Array(symbols.length);
  }

  /** Number of orders placed so far (the next order's sequence). */
  get placed(): number {
    return this.log.size;
  }

  place(
    symbolIndex: number,
    side: Side,
    type: OrderType,
    quantity: number,
    limitPrice: number | undefined,
    stopPrice: number | undefined,
    tag: string | undefined,
    source: OrderRecord['source'],
    step: number,
    time: number,
    trailAmount?: number,
    trailPercent?: number,
    /** Trailing stops: the price the trail starts from (the decision bar's close). */
    anchor = NaN,
  ): Order {
    const log = this.log;
    const row = log.add();
    const order = new Order(row, this.symbols[symbolIndex], symbolIndex, side, type, quantity, limitPrice, stopPrice, tag, trailAmount, trailPercent, anchor);
    log.set(row, C.symbol, symbolIndex);
    log.set(row, C.buy, side === 'buy' ? 1 : 0);
    log.set(row, C.type, TYPES.indexOf(type));
    log.set(row, C.source, SOURCES.indexOf(source));
    log.set(row, C.quantity, quantity);
    log.set(row, C.limit, limitPrice ?? NaN);
    log.set(row, C.stop, order.stopPrice ?? NaN);
    log.set(row, C.trailAmount, trailAmount ?? NaN);
    log.set(row, C.trailPercent, trailPercent ?? NaN);
    log.set(row, C.placedStep, step);
    log.set(row, C.placedTime, time);
    log.set(row, C.closedStep, -1);
    log.set(row, C.fillPrice, NaN);
    this.tags.push(tag);
    this.open[symbolIndex].push(order);
    if (type === 'market') this.pendingMarket[symbolIndex] += order.signedQuantity;
    this.allOpen = undefined;
    return order;
  }

  /** The open order with this id, or why there is none. */
  findOpen(id: string): Order | string {
    const sequence = typeof id === 'string' && /^o[1-9][0-9]*$/.test(id) ? Number(id.slice(1)) - 1 : -1;
    if (!(sequence >= 0 && sequence < this.log.size)) return `no order ${id}`;
    const status = STATUSES[this.log.get(sequence, C.status)];
    if (status !== 'open') return `order ${id} is already ${status}`;
    const list = this.open[this.log.get(sequence, C.symbol)];
    for (let k = 0; k < list.length; k++) if (list[k].sequence === sequence) return list[k];
    return `no order ${id}`;
  }

  /** Marks an open order filled or cancelled and drops it from its symbol's open list. */
  close(order: Order, status: 'filled' | 'cancelled', step: number, fillPrice = NaN): void {
    const row = order.sequence;
    this.log.set(row, C.status, STATUSES.indexOf(status));
    this.log.set(row, C.closedStep, step);
    this.log.set(row, C.fillPrice, fillPrice);
    if (order.type === 'trailing-stop') this.log.set(row, C.stop, order.stopPrice as number); // where it stood at the end
    const s = order.symbolIndex;
    if (order.type === 'market') this.pendingMarket[s] -= order.signedQuantity;
    const list = this.open[s];
    const k = list.indexOf(order);
    if (k >= 0) {
      for (let j = k + 1; j < list.length; j++) list[j - 1] = list[j]; // splice would allocate
      list.pop();
    }
    if (list.length === 0) this.pendingMarket[s] = 0; // no rounding residue
    this.allOpen = undefined;
  }

  /** Open orders of one symbol (or of all), as the strategy sees them. */
  view(symbolIndex?: number): readonly OpenOrderView[] {
    if (symbolIndex !== undefined) return this.open[symbolIndex];
    return (this.allOpen ??= this.open.flat());
  }

  symbolOf(sequence: number): string {
    return this.symbols[this.log.get(sequence, C.symbol)];
  }

  sideOf(sequence: number): Side {
    return this.log.get(sequence, C.buy) === 1 ? 'buy' : 'sell';
  }

  typeOf(sequence: number): OrderType {
    return TYPES[this.log.get(sequence, C.type)];
  }

  quantityOf(sequence: number): number {
    return this.log.get(sequence, C.quantity);
  }

  tagOf(sequence: number): string | undefined {
    return this.tags[sequence];
  }

  /** Every order placed, as records, in placement order. */
  records(): OrderRecord[] {
    const log = this.log;
    const out: OrderRecord[] = [];
    for (let row = 0; row < log.size; row++) {
      const type = this.typeOf(row);
      const record: { -readonly [K in keyof OrderRecord]: OrderRecord[K] } = {
        id: orderId(row),
        symbol: this.symbolOf(row),
        side: this.sideOf(row),
        type,
        quantity: log.get(row, C.quantity),
        status: STATUSES[log.get(row, C.status)],
        source: SOURCES[log.get(row, C.source)],
        placedStep: log.get(row, C.placedStep),
        placedTime: log.get(row, C.placedTime),
        closedStep: log.get(row, C.closedStep),
        fillPrice: log.get(row, C.fillPrice),
      };
      if (type === 'limit' || type === 'stop-limit') record.limitPrice = log.get(row, C.limit);
      if (type === 'stop' || type === 'stop-limit' || type === 'trailing-stop') record.stopPrice = log.get(row, C.stop);
      const trailAmount = log.get(row, C.trailAmount);
      const trailPercent = log.get(row, C.trailPercent);
      if (trailAmount === trailAmount) record.trailAmount = trailAmount;
      if (trailPercent === trailPercent) record.trailPercent = trailPercent;
      const tag = this.tags[row];
      if (tag !== undefined) record.tag = tag;
      out.push(record);
    }
    return out;
  }
}
