import { columns, Table } from './columns';
import type { TradeRecord } from './types';

/**
 * Quantities this close (relative to the larger of the position and the fill) are the same
 * quantity: 0.3 − 0.1 − 0.2 closes a position rather than leaving 5.6e-17 of it.
 */
const SAME_QUANTITY = 1e-9;

/** Columns of the closed-trade log. */
const T = columns('symbol', 'direction', 'quantity', 'entryStep', 'entryTime', 'entryPrice', 'exitStep', 'exitTime', 'exitPrice', 'gross', 'fees');

/** The round trip being built for one symbol. */
class OpenTrade {
  openedQuantity = 0;
  openedNotional = 0;
  closedQuantity = 0;
  closedNotional = 0;
  realised = 0;
  fees = 0;

  constructor(
    readonly symbol: string,
    readonly direction: 1 | -1,
    readonly entryStep: number,
    readonly entryTime: number,
  ) {}

  /** Writes the closed trade as a row of `log`. */
  log(log: Table, symbolIndex: number, exitStep: number, exitTime: number): void {
    const row = log.add();
    log.set(row, T.symbol, symbolIndex);
    log.set(row, T.direction, this.direction);
    log.set(row, T.quantity, this.openedQuantity);
    log.set(row, T.entryStep, this.entryStep);
    log.set(row, T.entryTime, this.entryTime);
    log.set(row, T.entryPrice, this.openedNotional / this.openedQuantity);
    log.set(row, T.exitStep, exitStep);
    log.set(row, T.exitTime, exitTime);
    log.set(row, T.exitPrice, this.closedNotional / this.closedQuantity);
    log.set(row, T.gross, this.realised);
    log.set(row, T.fees, this.fees);
  }

  /** The trade as still open at the end, with `gross` including the unrealised P&L. */
  openRecord(gross: number, lastStep: number): TradeRecord {
    return {
      symbol: this.symbol,
      direction: this.direction > 0 ? 'long' : 'short',
      quantity: this.openedQuantity,
      entryStep: this.entryStep,
      entryTime: this.entryTime,
      entryPrice: this.openedNotional / this.openedQuantity,
      exitStep: -1,
      exitTime: NaN,
      exitPrice: NaN,
      grossPnl: gross,
      fees: this.fees,
      netPnl: gross - this.fees,
      steps: lastStep - this.entryStep,
      open: true,
    };
  }
}


/**
 * Cash, positions (signed units) and their average entry prices, and the round trips they make.
 * Plain floats on Float64Arrays: this is a simulation's analytics, not the ledger of record.
 */
export class Portfolio {
  cash: number;
  feesPaid = 0;
  readonly positions: Float64Array;
  /** Average entry price of each position, NaN when flat. */
  readonly averagePrices: Float64Array;
  /** Last close seen of each symbol (NaN before its first bar): the mark for equity. */
  readonly lastClose: Float64Array;
  /** Closed round trips, as columns (see columns.ts for why not objects). */
  private readonly closedTrades = new Table(T.width);
  private readonly openTrades: (OpenTrade | undefined)[];

  constructor(
    private readonly symbols: readonly string[],
    initialCash: number,
  ) {
    this.cash = initialCash;
    this.positions = new Float64Array(symbols.length);
    this.averagePrices = new Float64Array(symbols.length).fill(NaN);
    this.lastClose = new Float64Array(symbols.length).fill(NaN);
    this.openTrades = symbols.map(() => undefined);
  }

  /** Books a fill of `quantity` units (signed: + buys, − sells) at `price`, paying `fee`. */
  applyFill(s: number, quantity: number, price: number, fee: number, step: number, time: number): void {
    this.cash -= quantity * price + fee;
    this.feesPaid += fee;
    const position = this.positions[s];
    const size = Math.abs(quantity);
    if (position === 0 || position > 0 === quantity > 0) {
      this.increase(s, quantity, price, fee, step, time);
      return;
    }
    const held = Math.abs(position);
    let excess = size - held;
    if (Math.abs(excess) <= SAME_QUANTITY * Math.max(size, held)) excess = 0;
    const closing = excess >= 0 ? held : size;
    const closingFee = excess > 0 ? (fee * closing) / size : fee;
    this.reduce(s, closing, price, closingFee, step, time);
    if (excess > 0) this.increase(s, quantity > 0 ? excess : -excess, price, fee - closingFee, step, time);
  }

  private increase(s: number, quantity: number, price: number, fee: number, step: number, time: number): void {
    const position = this.positions[s];
    const size = Math.abs(quantity);
    let trade = this.openTrades[s];
    if (trade === undefined) {
      trade = new OpenTrade(this.symbols[s], quantity > 0 ? 1 : -1, step, time);
      this.openTrades[s] = trade;
    }
    trade.openedQuantity += size;
    trade.openedNotional += size * price;
    trade.fees += fee;
    const held = Math.abs(position);
    this.averagePrices[s] = position === 0 ? price : (this.averagePrices[s] * held + price * size) / (held + size);
    this.positions[s] = position + quantity;
  }

  /** Closes `size` units (at most the position) of symbol `s`. */
  private reduce(s: number, size: number, price: number, fee: number, step: number, time: number): void {
    const trade = this.openTrades[s] as OpenTrade;
    const position = this.positions[s];
    const direction = position > 0 ? 1 : -1;
    trade.realised += direction * (price - this.averagePrices[s]) * size;
    trade.closedQuantity += size;
    trade.closedNotional += size * price;
    trade.fees += fee;
    const rest = Math.abs(position) - size;
    if (rest <= SAME_QUANTITY * Math.abs(position)) {
      this.positions[s] = 0;
      this.averagePrices[s] = NaN;
      this.openTrades[s] = undefined;
      trade.log(this.closedTrades, s, step, time);
    } else {
      this.positions[s] = direction * rest;
    }
  }

  /** The closed round trips, in order of exit. */
  tradeRecords(): TradeRecord[] {
    const log = this.closedTrades;
    const out: TradeRecord[] = [];
    for (let row = 0; row < log.size; row++) {
      const gross = log.get(row, T.gross);
      const fees = log.get(row, T.fees);
      const entryStep = log.get(row, T.entryStep);
      const exitStep = log.get(row, T.exitStep);
      out.push({
        symbol: this.symbols[log.get(row, T.symbol)],
        direction: log.get(row, T.direction) > 0 ? 'long' : 'short',
        quantity: log.get(row, T.quantity),
        entryStep,
        entryTime: log.get(row, T.entryTime),
        entryPrice: log.get(row, T.entryPrice),
        exitStep,
        exitTime: log.get(row, T.exitTime),
        exitPrice: log.get(row, T.exitPrice),
        grossPnl: gross,
        fees,
        netPnl: gross - fees,
        steps: exitStep - entryStep,
        open: false,
      });
    }
    return out;
  }

  /** The positions still open, as trades marked at the last close (`lastStep` for their length). */
  openTradeRecords(lastStep: number): TradeRecord[] {
    const out: TradeRecord[] = [];
    this.openTrades.forEach((trade, s) => {
      if (trade === undefined) return;
      const unrealised = (this.lastClose[s] - this.averagePrices[s]) * this.positions[s];
      out.push(trade.openRecord(trade.realised + unrealised, lastStep));
    });
    return out;
  }
}
