import type { OrderIntent, ParamValues, Strategy, StrategyDefinition } from '@meridian/strategy';
import { columns, Table } from './columns';
import { EngineContext } from './context';
import { matchBar } from './fill-model';
import { computeMetrics } from './metrics';
import { type Order, OrderBook, orderId } from './orders';
import { Portfolio } from './portfolio';
import { BarSeriesView } from './series-view';
import { defaultQuantity, targetPercentQuantity } from './sizing';
import { unionTimeline } from './timeline';
import type { BacktestInput, BacktestOptions, BacktestResult, DefaultSizing, FillRecord, Rejection, SymbolBars } from './types';
import { validateInput } from './validate-input';

/** Columns of the fill log. */
const F = columns('order', 'price', 'notional', 'fee', 'step', 'time');

/** A target within this (relative) distance of what is held or on its way needs no order. */
const TARGET_REACHED = 1e-9;

/**
 * An event-driven bar backtest, advanced in chunks so that a caller can report progress and stop
 * it between chunks (see run.ts). Per time step of the union timeline:
 *
 * 1. every symbol with a bar at that time matches its resting orders against the bar
 *    (fill-model.ts: market, limit, stop, stop-limit, trailing stop; a stop-limit touched on the
 *    bar becomes a limit, a trailing stop not filled moves its anchor to the bar's extreme only
 *    after being checked against it), then its series view grows by one bar;
 * 2. positions are marked at the latest closes: equity = cash + Σ position × close;
 * 3. the strategy's onBar sees the context once (all symbols' bars of that time are in); its
 *    intents become orders that rest until the symbol's next bar, so a decision on bar t can
 *    fill at bar t + 1 at the earliest;
 * 4. equity and gross exposure of the step are recorded.
 *
 * A bar on which nothing trades allocates nothing: input columns are read in place, one view per
 * symbol and one context are reused. Orders, fills and trades are recorded as rows of numbers
 * (columns.ts); the only objects are the strategy's intents and its open orders, which die young,
 * and the records are built once, in result().
 *
 * Warm-up: onBar is called from the first bar (so the strategy's indicators warm up), but an
 * intent about a symbol is acted on only once that symbol has more than `definition.warmup(params)`
 * bars, i.e. from its bar index `warmup` on; earlier ones are counted and dropped.
 */
export class BacktestEngine {
  readonly steps: number;
  readonly times: Float64Array;
  readonly warmup: number;
  private nextStep = 0;
  private readonly symbolNames: readonly string[];
  private readonly bars: readonly SymbolBars[];
  /** The time and close columns and lengths, held by the engine so the hot loop reads monomorphic arrays. */
  private readonly timeColumns: Float64Array[];
  private readonly closeColumns: Float64Array[];
  private readonly lengths: Int32Array;
  private readonly views: BarSeriesView[];
  private readonly cursors: Int32Array;
  private readonly portfolio: Portfolio;
  private readonly book: OrderBook;
  private readonly ctx: EngineContext;
  private readonly strategy: Strategy;
  private readonly equity: Float64Array;
  private readonly grossExposure: Float64Array;
  private readonly tradedNotional: Float64Array;
  /** Fills as columns (see columns.ts); `order` is the order's sequence number. */
  private readonly fills = new Table(F.width);
  private readonly rejections: Rejection[] = [];
  private intentsDuringWarmup = 0;
  private readonly slippage: number;
  private readonly feesBps: number;
  private readonly feeFixed: number;
  private readonly lotSize: number;
  private readonly defaultSizing: DefaultSizing | undefined;
  /** Reused by matchBar for its snapshot of the resting orders. */
  private readonly matchScratch: Order[] = [];
  /** Step and time of the bar being matched, for `fill`. */
  private matchStep = 0;
  private matchTime = 0;

  constructor(
    private readonly definition: StrategyDefinition,
    params: ParamValues,
    private readonly input: BacktestInput,
    private readonly options: BacktestOptions = {},
  ) {
    validateInput(input, options);
    this.bars = input.symbols;
    this.timeColumns = input.symbols.map((s) => s.time);
    this.closeColumns = input.symbols.map((s) => s.close);
    this.lengths = Int32Array.from(input.symbols, (s) => s.time.length);
    this.symbolNames = input.symbols.map((s) => s.symbol);
    this.times = unionTimeline(input.symbols.map((s) => s.time));
    this.steps = this.times.length;
    this.views = input.symbols.map((s) => new BarSeriesView(s));
    this.cursors = new Int32Array(input.symbols.length);
    this.portfolio = new Portfolio(this.symbolNames, input.initialCash);
    this.book = new OrderBook(this.symbolNames);
    this.ctx = new EngineContext(this.symbolNames, this.views, this.portfolio, this.book);
    this.equity = new Float64Array(this.steps);
    this.grossExposure = new Float64Array(this.steps);
    this.tradedNotional = new Float64Array(this.steps);
    this.slippage = (input.slippageBps ?? 0) / 10_000;
    this.feesBps = input.feesBps ?? 0;
    this.feeFixed = input.feeFixed ?? 0;
    this.lotSize = options.lotSize ?? 0;
    this.defaultSizing = options.defaultSizing;
    this.warmup = definition.warmup(params);
    if (!(Number.isInteger(this.warmup) && this.warmup >= 0)) {
      throw new RangeError(`strategy ${definition.id}: warmup must be an integer >= 0, got ${this.warmup}`);
    }
    this.strategy = definition.create(params);
    this.strategy.init?.(this.ctx);
  }

  get done(): boolean {
    return this.nextStep >= this.steps;
  }

  /** Time steps done so far. */
  get stepsDone(): number {
    return this.nextStep;
  }

  /** Equity at the end of the last step done (the initial cash before the first). */
  get currentEquity(): number {
    return this.nextStep === 0 ? this.input.initialCash : this.equity[this.nextStep - 1];
  }

  /** Runs up to `maxSteps` more time steps. */
  advance(maxSteps: number): void {
    const end = Math.min(this.steps, this.nextStep + maxSteps);
    const { times, cursors, views, portfolio, ctx, strategy, timeColumns, closeColumns, lengths, equity, grossExposure } = this;
    const symbolCount = lengths.length;
    const positions = portfolio.positions;
    const lastClose = portfolio.lastClose;
    const open = this.book.open;
    for (let t = this.nextStep; t < end; t++) {
      const now = times[t];
      for (let s = 0; s < symbolCount; s++) {
        const c = cursors[s];
        if (c < lengths[s] && timeColumns[s][c] === now) {
          if (open[s].length !== 0) this.matchResting(s, c, t, now);
          lastClose[s] = closeColumns[s][c];
          views[s].length = c + 1;
          cursors[s] = c + 1;
        }
      }
      let marked = 0;
      let gross = 0;
      for (let s = 0; s < symbolCount; s++) {
        const p = positions[s];
        if (p !== 0) {
          const value = p * lastClose[s];
          marked += value;
          gross += value < 0 ? -value : value;
        }
      }
      const value = portfolio.cash + marked;
      ctx.time = now;
      ctx.barIndex = t;
      ctx.cash = portfolio.cash;
      ctx.equity = value;
      const intents = strategy.onBar(ctx);
      if (intents && intents.length !== 0) this.decide(intents, t, now, value);
      equity[t] = value;
      grossExposure[t] = gross;
    }
    this.nextStep = end;
  }

  private matchResting(s: number, c: number, step: number, time: number): void {
    const b = this.bars[s];
    this.matchStep = step;
    this.matchTime = time;
    matchBar(this.book.open[s], b.open[c], b.high[c], b.low[c], this.slippage, this.fill, this.matchScratch);
  }

  /** Books a fill of `order` at `price` (bound once: matchBar calls it without allocation). */
  private readonly fill = (order: Order, price: number): void => {
    const step = this.matchStep;
    const time = this.matchTime;
    const notional = order.quantity * price;
    const fee = (notional * this.feesBps) / 10_000 + this.feeFixed;
    this.book.close(order, 'filled', step, price);
    this.portfolio.applyFill(order.symbolIndex, order.signedQuantity, price, fee, step, time);
    this.tradedNotional[step] += notional;
    const row = this.fills.add();
    this.fills.set(row, F.order, order.sequence);
    this.fills.set(row, F.price, price);
    this.fills.set(row, F.notional, notional);
    this.fills.set(row, F.fee, fee);
    this.fills.set(row, F.step, step);
    this.fills.set(row, F.time, time);
  };

  private decide(intents: readonly OrderIntent[], step: number, time: number, equity: number): void {
    for (let k = 0; k < intents.length; k++) {
      const reason = this.act(intents[k], step, time, equity);
      if (reason !== undefined) this.rejections.push({ step, time, intent: intents[k], reason });
    }
  }

  /**
   * Carries out one intent; returns why it was refused, or undefined. A trailing stop's anchor is
   * the symbol's last close (the decision bar's close).
   */
  private act(intent: OrderIntent, step: number, time: number, equity: number): string | undefined {
    if (intent.kind === 'cancel') return this.cancel(intent.orderId, step);
    if (intent.kind === 'cancel-all') return this.cancelAll(intent.symbol, step);
    const s = this.ctx.indexOf(intent.symbol);
    if (s < 0) return `unknown symbol ${intent.symbol}`;
    if (this.views[s].length <= this.warmup) {
      this.intentsDuringWarmup++;
      return undefined;
    }
    const position = this.portfolio.positions[s];
    switch (intent.kind) {
      case 'target-quantity':
        if (!Number.isFinite(intent.quantity)) return `target quantity must be finite, got ${intent.quantity}`;
        this.placeTowards(s, intent.quantity, position, intent.kind, intent.tag, step, time);
        return undefined;
      case 'target-percent': {
        if (!Number.isFinite(intent.percent)) return `target percent must be finite, got ${intent.percent}`;
        if (!(equity > 0)) return `equity is ${equity}: a percent target is undefined`;
        const target = targetPercentQuantity(intent.percent, equity, this.portfolio.lastClose[s], this.lotSize);
        this.placeTowards(s, target, position, intent.kind, intent.tag, step, time);
        return undefined;
      }
      case 'market':
      case 'limit':
      case 'stop':
      case 'stop-limit':
      case 'trailing-stop':
        return this.placeExplicit(intent, s, step, time, equity);
      default:
        return `unknown intent kind ${(intent as { kind: unknown }).kind}`;
    }
  }

  private placeExplicit(
    intent: Extract<OrderIntent, { kind: 'market' | 'limit' | 'stop' | 'stop-limit' | 'trailing-stop' }>,
    s: number,
    step: number,
    time: number,
    equity: number,
  ): string | undefined {
    if (intent.side !== 'buy' && intent.side !== 'sell') return `side must be buy or sell, got ${String(intent.side)}`;
    if (!(Number.isFinite(intent.quantity) && intent.quantity >= 0)) return `quantity must be a finite number >= 0, got ${intent.quantity}`;
    const limit = intent.kind === 'limit' || intent.kind === 'stop-limit' ? intent.limitPrice : undefined;
    const stop = intent.kind === 'stop' || intent.kind === 'stop-limit' ? intent.stopPrice : undefined;
    if (limit !== undefined && !(Number.isFinite(limit) && limit > 0)) return `limit price must be a finite number > 0, got ${limit}`;
    if (stop !== undefined && !(Number.isFinite(stop) && stop > 0)) return `stop price must be a finite number > 0, got ${stop}`;
    if (intent.kind === 'stop-limit' && (limit === undefined || stop === undefined)) return 'a stop-limit needs both stopPrice and limitPrice';
    let trailAmount: number | undefined;
    let trailPercent: number | undefined;
    let anchor = NaN;
    let reference = limit ?? stop ?? this.portfolio.lastClose[s];
    if (intent.kind === 'trailing-stop') {
      trailAmount = intent.trailAmount;
      trailPercent = intent.trailPercent;
      if ((trailAmount === undefined) === (trailPercent === undefined)) return 'a trailing stop needs exactly one of trailAmount and trailPercent';
      if (trailAmount !== undefined && !(Number.isFinite(trailAmount) && trailAmount > 0)) return `trail amount must be a finite number > 0, got ${trailAmount}`;
      if (trailPercent !== undefined && !(Number.isFinite(trailPercent) && trailPercent > 0 && trailPercent < 1)) {
        return `trail percent must be a fraction > 0 and < 1 (0.02 = 2 %), got ${trailPercent}`;
      }
      anchor = this.portfolio.lastClose[s]; // the decision bar's close
      const distance = trailAmount ?? anchor * (trailPercent as number);
      reference = intent.side === 'sell' ? anchor - distance : anchor + distance;
      if (!(reference > 0)) return `trail distance ${distance} puts the stop at ${reference}, not above 0`;
    }
    let quantity = intent.quantity;
    if (quantity === 0) {
      if (this.defaultSizing === undefined) return 'quantity 0 and no defaultSizing option to size it';
      quantity = defaultQuantity(this.defaultSizing, reference, equity, this.lotSize);
      if (!(quantity > 0)) return `defaultSizing ${this.defaultSizing.kind} gives no whole lot here`;
    }
    this.book.place(s, intent.side, intent.kind, quantity, limit, stop, intent.tag, intent.kind, step, time, trailAmount, trailPercent, anchor);
    return undefined;
  }

  /** A market order for the difference between `target` and what is held or already ordered. */
  private placeTowards(
    s: number,
    target: number,
    position: number,
    source: 'target-quantity' | 'target-percent',
    tag: string | undefined,
    step: number,
    time: number,
  ): void {
    const delta = target - position - this.book.pendingMarket[s];
    if (Math.abs(delta) <= TARGET_REACHED * Math.max(1, Math.abs(target), Math.abs(position))) return;
    this.book.place(s, delta > 0 ? 'buy' : 'sell', 'market', Math.abs(delta), undefined, undefined, tag, source, step, time);
  }

  private cancel(orderId: string, step: number): string | undefined {
    const order = this.book.findOpen(orderId);
    if (typeof order === 'string') return order;
    this.book.close(order, 'cancelled', step);
    return undefined;
  }

  private cancelAll(symbol: string | undefined, step: number): string | undefined {
    const indices = symbol === undefined ? this.symbolNames.map((_, i) => i) : [this.ctx.indexOf(symbol)];
    if (indices[0] < 0) return `unknown symbol ${symbol}`;
    for (const s of indices) for (const order of this.book.open[s].slice()) this.book.close(order, 'cancelled', step);
    return undefined;
  }

  private fillRecords(): FillRecord[] {
    const f = this.fills;
    const out: FillRecord[] = [];
    for (let row = 0; row < f.size; row++) {
      const sequence = f.get(row, F.order);
      const book = this.book;
      out.push({
        orderId: orderId(sequence),
        symbol: book.symbolOf(sequence),
        side: book.sideOf(sequence),
        type: book.typeOf(sequence),
        quantity: book.quantityOf(sequence),
        price: f.get(row, F.price),
        notional: f.get(row, F.notional),
        fee: f.get(row, F.fee),
        step: f.get(row, F.step),
        time: f.get(row, F.time),
        tag: book.tagOf(sequence),
      });
    }
    return out;
  }

  /** The result of a finished run. */
  result(): BacktestResult {
    if (!this.done) throw new Error(`the backtest is not finished (${this.nextStep} of ${this.steps} steps)`);
    const { portfolio, input } = this;
    const lastStep = this.steps - 1;
    const positions: Record<string, number> = {};
    this.symbolNames.forEach((s, i) => (positions[s] = portfolio.positions[i]));
    const openTrades = portfolio.openTradeRecords(lastStep);
    const trades = portfolio.tradeRecords();
    const analysis = computeMetrics({
      initialCash: input.initialCash,
      equity: this.equity,
      grossExposure: this.grossExposure,
      tradedNotional: this.tradedNotional,
      trades,
      feesPaid: portfolio.feesPaid,
      periodsPerYear: input.periodsPerYear,
      riskFreeRate: this.options.riskFreeRate,
    });
    return {
      strategyId: this.definition.id,
      warmup: this.warmup,
      symbols: this.symbolNames,
      times: this.times,
      equity: this.equity,
      returns: analysis.returns,
      drawdown: analysis.drawdown,
      grossExposure: this.grossExposure,
      orders: this.book.records(),
      fills: this.fillRecords(),
      trades,
      openTrades,
      rejections: this.rejections,
      intentsDuringWarmup: this.intentsDuringWarmup,
      positions,
      cash: portfolio.cash,
      metrics: analysis.metrics,
    };
  }
}
