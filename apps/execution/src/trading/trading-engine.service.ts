import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { AlgoProgress, CancelReport, CreateOrderResult, OrderView, RequestContext, TradingEventPayload } from '@meridian/contracts';
import type { AmendOrderDto, CancelOrdersDto, CreateOrderDto } from '@meridian/contracts/dto';
import { RpcFailure } from '@meridian/messaging';
import type { Logger, ProcessMetrics } from '@meridian/observability';
import { Gauge, Histogram } from 'prom-client';
import { HaltStateService, LOGGER, METRICS } from '@meridian/service-kit';
import {
  checkPreTrade,
  Dec,
  grossExposure,
  isMarketable,
  isOpen,
  remaining,
  TradingState,
  ZERO,
  type Account,
  type FillRecord,
  type MatchOutcome,
  type Order,
  type OrderSpec,
  type RiskLimits,
  type TradingEvent,
} from '@meridian/trading';
import { MarketFeedService } from '../markets/market-feed.service';
import { GroupCommit, TradingEventStore } from './event-store';
import { OrderReadModel } from './order-read-model';
import { RiskLimitsService } from './risk-limits.service';
import { TRADING_CONFIG, type TradingConfig } from './trading-config';
import { TradingPublisher } from './trading-publisher';
import { toFillView, toOrderView } from './trading.views';
import { Sequencer } from './sequencer';

export interface OrderListener {
  /** An order was accepted (the paper venue schedules its arrival; the algo runner starts parents). */
  accepted?(order: Order): void;
  /** An order left the book (filled, cancelled, expired). */
  closed?(order: Order): void;
  /** A fill was committed. */
  filled?(order: Order, fill: FillRecord): void;
}

const MONEY_DP = 8;
/** How often finished orders are moved out of memory (each pass is a short piece of sequencer work). */
const EVICTION_INTERVAL_MS = 250;
/** During the fold at start, evict every this many events, so a long history never sits in memory whole. */
const REBUILD_EVICT_EVERY = 5_000;
/** Views written per step when the read model catches up with the log. */
const CATCH_UP_PIECE = 2_000;

/**
 * The order management system. Every change is decided against the in-memory state, appended to
 * the event log in one statement, and only then applied to memory and announced, all on one
 * sequencer: what a client was told is always what the log holds, and a restart folds the log
 * back into exactly the same state.
 */
@Injectable()
export class TradingEngine implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  state = new TradingState();
  private readonly sequencer = new Sequencer();
  private readonly listeners: OrderListener[] = [];
  private readonly dayStartEquity = new Map<string, { day: number; equity: Dec }>();
  private readonly journal: GroupCommit;
  private nextSequence = 0;
  /** The durability of the events the current sequencer work committed. */
  private barrier: Promise<void> | null = null;
  private lastBatch: Promise<void> | null = null;
  private rebuilding = false;
  private readonly outbox: TradingEventPayload[] = [];
  private evictionTimer: NodeJS.Timeout | null = null;
  recoveredAt: number | null = null;
  /** Order create to acknowledgement inside execution (the benchmark of docs/BENCHMARKS.md reads it). */
  private readonly ackSeconds: Histogram<'outcome'>;
  /** Where an acknowledgement's time goes: waiting for the sequencer, and the event-log write it waits for. */
  private readonly sequencerWaitSeconds: Histogram;
  private readonly logWriteSeconds: Histogram;

  constructor(
    private readonly store: TradingEventStore,
    private readonly readModel: OrderReadModel,
    private readonly limits: RiskLimitsService,
    private readonly feed: MarketFeedService,
    private readonly halt: HaltStateService,
    private readonly publisher: TradingPublisher,
    @Inject(TRADING_CONFIG) private readonly config: TradingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) metrics: ProcessMetrics,
  ) {
    // A histogram, not a summary: a summary's sliding window costs a t-digest insert per age bucket
    // on every order (4 % of execution's CPU at 500 orders/s), and buckets subtract, so a
    // benchmark or PromQL's rate() reads any window exactly. Fine buckets around the 5 ms target.
    this.ackSeconds = new Histogram({
      name: 'meridian_order_ack_seconds',
      help: 'Order create request to acknowledgement inside execution (recorded in the event log), by outcome',
      labelNames: ['outcome'],
      buckets: [0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [metrics.registry],
    });
    // Histograms (cheap to observe on every piece of work, and they add up across scrapes).
    const phaseBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.02, 0.05, 0.1, 0.5];
    this.sequencerWaitSeconds = new Histogram({
      name: 'meridian_trading_sequencer_wait_seconds',
      help: 'Time trading work waited for the sequencer (the work before it) to start',
      buckets: phaseBuckets,
      registers: [metrics.registry],
    });
    this.logWriteSeconds = new Histogram({
      name: 'meridian_trading_log_write_seconds',
      help: 'Duration of one group-commit write of trading events to PostgreSQL',
      buckets: phaseBuckets,
      registers: [metrics.registry],
    });
    // Memory is the open and recent orders; the rest is in the read model (read at scrape time).
    const orders = () => this.state;
    const readModelPosition = () => this.readModel.position;
    new Gauge({
      name: 'meridian_trading_orders_in_memory',
      help: 'Orders held in the execution service memory (open, recent, or not yet in the read model)',
      registers: [metrics.registry],
      collect() {
        this.set(orders().orders.size);
      },
    });
    new Gauge({
      name: 'meridian_trading_orders_evicted',
      help: 'Finished orders moved out of memory since the service started (they are read from the orders read model)',
      registers: [metrics.registry],
      collect() {
        this.set(orders().evictedOrders);
      },
    });
    new Gauge({
      name: 'meridian_trading_read_model_lag_events',
      help: 'Event-log sequences not yet reflected in the orders read model',
      registers: [metrics.registry],
      collect() {
        this.set(Math.max(0, orders().lastSequence - readModelPosition()));
      },
    });
    this.journal = new GroupCommit(
      async (batch) => {
        const started = performance.now();
        await this.store.write(batch, (logged) => this.symbolOf(logged));
        // This commit waited for the disk: read-model batches committed before it began are durable now.
        this.readModel.logCommitted(started);
      },
      (err) => {
        this.logger.error({ err }, 'a write to the trading event log failed; its orders were not acknowledged');
        this.scheduleRebuild();
      },
      // One message per write carries every order and fill event of it to the gateway.
      (notices) => {
        for (const n of notices) n();
        if (this.outbox.length) this.publisher.tradingBatch(this.outbox.splice(0));
      },
      (seconds) => this.logWriteSeconds.observe(seconds),
      (err) => this.logger.error({ err }, 'announcing committed trading events failed (they are in the log)'),
    );
  }

  async onModuleInit(): Promise<void> {
    const started = performance.now();
    // Limits first: the fold keeps every order inside the longest duplicate window in memory.
    await this.limits.load();
    await this.rebuild();
    // Before serving: write the views the read model missed (a crash between the log and the read
    // model, or its first start), so the orders it holds can leave memory now.
    await this.catchUpReadModel();
    await this.readModel.confirmDurable(0);
    this.state.evict(this.evictionRule());
    this.recoveredAt = Date.now();
    this.logger.info(
      {
        events: this.state.lastSequence,
        inMemory: this.state.orders.size,
        evicted: this.state.evictedOrders,
        open: this.state.openOrders().length,
        fills: this.state.fillCount,
        readModelAt: this.readModel.position,
        ms: Math.round(performance.now() - started),
      },
      'trading state rebuilt from the event log',
    );
  }

  onApplicationBootstrap(): void {
    // Keep memory to the open and recent orders.
    this.evictionTimer = setInterval(() => void this.evictFinished(), EVICTION_INTERVAL_MS);
    this.evictionTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.evictionTimer) clearInterval(this.evictionTimer);
    this.evictionTimer = null;
    await this.readModel.close().catch((err: Error) => this.logger.warn({ err }, 'the orders read model was not flushed at shutdown; the next start writes it again'));
  }

  /**
   * Writes the views of every order the read model is behind on, in pieces (views are built a
   * piece at a time), and waits for them. Runs at start and after a rebuild on the sequencer:
   * nothing is decided meanwhile, so the state is the log's.
   */
  private async catchUpReadModel(): Promise<void> {
    const from = this.readModel.position;
    const behind = [...this.state.orders.values()].filter((o) => o.version > from);
    for (let i = 0; i < behind.length; i += CATCH_UP_PIECE) {
      // The position moves only with the last piece: until then a crash means starting over.
      this.readModel.record(
        behind.slice(i, i + CATCH_UP_PIECE).map((o) => ({ view: this.view(o), version: o.version })),
        from,
      );
      await this.readModel.flush();
    }
    this.readModel.record([], this.state.lastSequence);
    await this.readModel.flush();
    if (behind.length) this.logger.info({ orders: behind.length, from }, 'orders read model caught up with the event log');
  }

  /** Moves finished orders out of memory once the read model has them on disk (a short piece of sequencer work). */
  private async evictFinished(): Promise<number> {
    await this.readModel.confirmDurable().catch((err: Error) => this.logger.warn({ err }, 'could not confirm the orders read model on disk; finished orders stay in memory for now'));
    return this.sequencer.run(async () => this.state.evict(this.evictionRule()));
  }

  private evictionRule() {
    return this.evictionRuleFor(this.state);
  }

  private evictionRuleFor(state: TradingState) {
    return {
      finishedBefore: Date.now() - Math.max(this.config.finishedOrderRetentionMs, this.limits.longestDuplicateWindowMs()),
      persistedThrough: this.readModel.durablePosition,
      // Deriv's reconciliation reads its orders' history from memory; it is small, so it stays.
      evictable: (root: Order) => state.accounts.get(root.accountId)?.venue !== 'deriv',
    };
  }

  addListener(listener: OrderListener): void {
    this.listeners.push(listener);
  }

  /**
   * Runs work on the trading sequencer (decisions see the state the previous one left) and
   * resolves once the events it committed are in the database: nothing is answered before that.
   */
  async serial<T>(work: () => Promise<T> | T): Promise<T> {
    let barrier: Promise<void> | null = null;
    const queued = performance.now();
    const value = await this.sequencer.run(async () => {
      this.sequencerWaitSeconds.observe((performance.now() - queued) / 1000);
      this.barrier = null;
      const result = await work();
      barrier = this.barrier;
      return result;
    });
    if (barrier) await (barrier as Promise<void>).catch((err: Error) => this.notDurable(err));
    return value;
  }

  private notDurable(err: Error): never {
    throw new ServiceUnavailableException(`The trading database did not take the change (${err.message}); nothing was acknowledged, retry shortly`);
  }

  get queueDepth(): number {
    return this.sequencer.pending;
  }

  /** The last price as a decimal, converted once per tick (each order asks for it several times). */
  private readonly lastPrices = new Map<string, { quote: number; price: Dec }>();

  lastPrice(symbol: string): Dec | undefined {
    const tick = this.feed.latest(symbol);
    if (!tick) return undefined;
    const known = this.lastPrices.get(symbol);
    if (known && known.quote === tick.quote) return known.price;
    const price = new Dec(String(tick.quote));
    this.lastPrices.set(symbol, { quote: tick.quote, price });
    return price;
  }

  // ---- accounts ----

  /** The caller's account: the one named (theirs, or any for an admin) or their paper account, opened on first use. */
  async resolveAccount(ctx: RequestContext, accountId?: string): Promise<Account> {
    const owner = ownerOf(ctx);
    if (accountId) {
      const account = this.state.accounts.get(accountId);
      if (!account || (account.ownerId !== owner && ctx.principal?.role !== 'admin')) throw new NotFoundException(`No account ${accountId} of yours`);
      return account;
    }
    const existing = this.defaultAccount(owner);
    if (existing) return existing;
    return this.serial(async () => this.defaultAccount(owner) ?? this.openAccount(owner));
  }

  /** Read-only variant: undefined when the caller has no account yet (nothing to show). */
  findAccount(ctx: RequestContext, accountId?: string): Account | undefined {
    const owner = ownerOf(ctx);
    if (accountId) {
      const account = this.state.accounts.get(accountId);
      if (!account || (account.ownerId !== owner && ctx.principal?.role !== 'admin')) throw new NotFoundException(`No account ${accountId} of yours`);
      return account;
    }
    return this.defaultAccount(owner);
  }

  private defaultAccount(owner: string): Account | undefined {
    for (const a of this.state.accounts.values()) if (a.ownerId === owner && a.name === 'Paper') return a;
    return undefined;
  }

  /** Opens an account (the paper account by default). Must run on the sequencer. */
  async openAccount(owner: string, options: { name?: string; venue?: 'paper' | 'deriv'; cash?: Dec; currency?: string } = {}): Promise<Account> {
    const id = randomUUID();
    const cash = options.cash ?? this.config.startingCash;
    const currency = options.currency ?? this.config.currency;
    await this.limits.ensureDefaults(id);
    this.commit([{ type: 'account.opened', accountId: id, at: Date.now(), currency, cash, ownerId: owner, name: options.name ?? 'Paper', venue: options.venue ?? 'paper' }]);
    this.logger.info({ accountId: id, owner, venue: options.venue ?? 'paper' }, `${options.name ?? 'Paper'} account opened with ${cash} ${currency}`);
    return this.state.accounts.get(id) as Account;
  }

  // ---- orders ----

  async createOrder(dto: CreateOrderDto, ctx: RequestContext): Promise<CreateOrderResult> {
    const started = performance.now();
    const account = await this.resolveAccount(ctx, dto.accountId);
    const result = await this.serial(async () => {
      const existing = this.state.orderByClientId(account.id, dto.clientOrderId);
      if (existing) {
        // Answer a repeat only once the original is in the database too.
        this.barrier = this.lastBatch;
        return { order: existing, related: this.related(existing), duplicate: true };
      }
      if (this.state.wasEvicted(account.id, dto.clientOrderId)) return null;
      const specs = buildSpecs(dto, account.id);
      return this.placeOrders(specs, { skipSizeLimits: specs[0].role === 'algo-parent' });
    });
    if (!result) {
      // A repeat of a finished order that has left memory: it is final, and in the read model.
      const view = await this.finishedDuplicate(account.id, dto.clientOrderId);
      this.ackSeconds.observe({ outcome: 'duplicate' }, (performance.now() - started) / 1000);
      return view;
    }
    const view: CreateOrderResult = { order: this.view(result.order), related: result.related.map((o) => this.view(o)), duplicate: result.duplicate };
    this.ackSeconds.observe({ outcome: result.duplicate ? 'duplicate' : result.order.status === 'rejected' ? 'rejected' : 'accepted' }, (performance.now() - started) / 1000);
    if (result.order.status === 'rejected') throw rejection(result.order);
    return view;
  }

  private async finishedDuplicate(accountId: string, clientOrderId: string): Promise<CreateOrderResult> {
    const order = await this.readModel.byClientOrderId(accountId, clientOrderId);
    if (!order) throw new ServiceUnavailableException(`Order ${clientOrderId} is recorded but could not be read back; retry shortly`);
    const linked = order.linkedOrderId ? await this.readModel.byId(order.linkedOrderId) : undefined;
    if (order.status === 'rejected') throw rejection({ id: order.id, rejectCheck: order.rejectCheck ?? undefined, rejectReason: order.rejectReason ?? undefined });
    return { order, related: linked ? [linked] : [], duplicate: true };
  }

  /** An order by id: from memory, or (finished and gone from memory) from the read model. */
  async findOrderView(id: string): Promise<OrderView | undefined> {
    const order = this.state.orders.get(id);
    return order ? this.view(order) : this.readModel.byId(id);
  }

  /** An order by client order id, from memory or the read model. */
  async findOrderViewByClientId(accountId: string, clientOrderId: string): Promise<OrderView | undefined> {
    const order = this.state.orderByClientId(accountId, clientOrderId);
    return order ? this.view(order) : this.state.wasEvicted(accountId, clientOrderId) ? this.readModel.byClientOrderId(accountId, clientOrderId) : undefined;
  }

  /** Places an algorithm's child or a strategy's order (already on the sequencer). */
  async placeInternal(spec: OrderSpec): Promise<Order> {
    const existing = this.state.orderByClientId(spec.accountId, spec.clientOrderId);
    if (existing) return existing;
    if (this.state.wasEvicted(spec.accountId, spec.clientOrderId)) {
      throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: `clientOrderId ${spec.clientOrderId} belongs to a finished order of this account` });
    }
    return (await this.placeOrders([spec], { skipSizeLimits: false })).order;
  }

  /**
   * Risk-checks and records a group of orders placed together (one order, or the two legs of an
   * OCO pair, which are accepted or refused together). Runs on the sequencer.
   */
  private async placeOrders(specs: OrderSpec[], options: { skipSizeLimits: boolean }): Promise<{ order: Order; related: Order[]; duplicate: boolean }> {
    const now = Date.now();
    const ids = specs.map(() => randomUUID());
    if (specs.length === 2) {
      specs[0].linkedOrderId = ids[1];
      specs[1].linkedOrderId = ids[0];
    }
    let refusal: { check: string; reason: string } | null = null;
    for (const spec of specs) {
      const decision = this.preTrade(spec, now, options.skipSizeLimits);
      if (!decision.ok) {
        refusal = { check: decision.check, reason: decision.reason };
        break;
      }
    }
    const events: TradingEvent[] = [];
    specs.forEach((spec, i) => {
      events.push({ type: 'order.created', accountId: spec.accountId, orderId: ids[i], at: now, spec });
      events.push(
        refusal
          ? { type: 'order.rejected', accountId: spec.accountId, orderId: ids[i], at: now, check: refusal.check, reason: refusal.reason }
          : { type: 'order.accepted', accountId: spec.accountId, orderId: ids[i], at: now },
      );
    });
    this.commit(events);
    const orders = ids.map((id) => this.state.orders.get(id) as Order);
    if (refusal) this.logger.info({ clientOrderId: specs[0].clientOrderId, check: refusal.check }, `order refused: ${refusal.reason}`);
    return { order: orders[0], related: orders.slice(1), duplicate: false };
  }

  private preTrade(spec: OrderSpec, now: number, skipSizeLimits: boolean) {
    const lastPrice = this.lastPrice(spec.symbol);
    if (spec.postOnly && lastPrice && isMarketable(spec, lastPrice)) {
      return { ok: false as const, check: 'post-only', reason: `A post-only ${spec.side} limit at ${spec.limitPrice} would trade at once against the last price ${lastPrice}` };
    }
    let limits: RiskLimits = this.limits.limitsFor(spec.accountId, spec.symbol);
    if (skipSizeLimits) limits = { ...limits, maxOrderQuantity: undefined, maxOrderNotional: undefined, maxOpenOrders: undefined, duplicateWindowMs: undefined };
    const openOrders = this.state.openOrders({ accountId: spec.accountId });
    return checkPreTrade({
      spec,
      lastPrice,
      limits,
      halted: this.halt.current.halted,
      position: this.state.position(spec.accountId, spec.symbol).quantity,
      openOrders,
      grossExposure: grossExposure(this.state.accountPositions(spec.accountId), (s) => this.lastPrice(s)),
      dailyPnl: this.dailyPnl(spec.accountId),
      recentOrders: limits.duplicateWindowMs ? this.state.recentOrders(spec.accountId, now - limits.duplicateWindowMs) : [],
      now,
    });
  }

  // ---- equity ----

  equity(accountId: string): Dec {
    const account = this.state.accounts.get(accountId);
    if (!account) return ZERO;
    let equity = account.cash;
    for (const p of this.state.accountPositions(accountId)) {
      if (p.quantity.isZero()) continue;
      equity = equity.plus(p.quantity.times(this.lastPrice(p.symbol) ?? p.averagePrice));
    }
    return equity;
  }

  /** Equity change since the start of the UTC day (the first equity this process saw that day). */
  dailyPnl(accountId: string): Dec {
    const now = this.equity(accountId);
    const day = Math.floor(Date.now() / 86_400_000);
    const start = this.dayStartEquity.get(accountId);
    if (!start || start.day !== day) {
      this.dayStartEquity.set(accountId, { day, equity: now });
      return ZERO;
    }
    return now.minus(start.equity);
  }

  /** Seeds the start-of-day equity from the stored equity curve (after a restart). */
  setDayStartEquity(accountId: string, day: number, equity: Dec): void {
    const known = this.dayStartEquity.get(accountId);
    if (!known || known.day !== day) this.dayStartEquity.set(accountId, { day, equity });
  }

  // ---- matching results (from the paper venue) ----

  /** Applies what the matching engine decided for an order, if the order still allows it. Runs on the sequencer. */
  async applyMatch(orderId: string, outcome: MatchOutcome, price: Dec): Promise<void> {
    const order = this.state.orders.get(orderId);
    if (!order || !isOpen(order) || order.status === 'new') return;
    const now = Date.now();
    if (outcome.kind === 'trigger') {
      this.commit([{ type: 'order.triggered', accountId: order.accountId, orderId, at: now, price }]);
      return;
    }
    if (outcome.kind === 'expire') {
      this.commit([{ type: 'order.expired', accountId: order.accountId, orderId, at: now, reason: outcome.reason }]);
      return;
    }
    if (outcome.kind !== 'fill') return;
    let quantity = Dec.min(outcome.quantity, remaining(order));
    const events: TradingEvent[] = [];
    if (order.reduceOnly) {
      // Reduce-only never opens or flips: cap at the position left, or cancel when nothing is left.
      const position = this.state.position(order.accountId, order.symbol).quantity;
      const reducible = (order.side === 'sell' && position.isPositive()) || (order.side === 'buy' && position.isNegative()) ? position.abs() : ZERO;
      if (reducible.isZero()) {
        this.commit([{ type: 'order.cancelled', accountId: order.accountId, orderId, at: now, reason: 'reduce-only: no position left to reduce' }]);
        return;
      }
      quantity = Dec.min(quantity, reducible);
    }
    const price6 = outcome.price.toDecimalPlaces(MONEY_DP);
    const fee = quantity.times(price6).times(this.config.fillModel.feeBps).div(10_000).plus(this.config.fillModel.feeFixed).toDecimalPlaces(MONEY_DP);
    const fillId = randomUUID();
    events.push({ type: 'order.filled', accountId: order.accountId, orderId, at: now, fillId, quantity, price: price6, fee, liquidity: outcome.liquidity });
    const filledAfter = order.filledQuantity.plus(quantity);
    const complete = filledAfter.equals(order.quantity);
    const parent = order.parentId ? this.state.orders.get(order.parentId) : undefined;
    if (parent && parent.role === 'algo-parent' && isOpen(parent)) {
      const room = remaining(parent);
      const mirrored = Dec.min(quantity, room);
      if (mirrored.isPositive()) events.push({ type: 'order.filled', accountId: parent.accountId, orderId: parent.id, at: now, fillId: `${fillId}:parent`, quantity: mirrored, price: price6, fee: ZERO, liquidity: outcome.liquidity });
    }
    if (!complete && (outcome.cancelRest || (order.reduceOnly && quantity.lessThan(Dec.min(outcome.quantity, remaining(order)))))) {
      events.push({ type: 'order.cancelled', accountId: order.accountId, orderId, at: now, reason: outcome.cancelRest ?? 'reduce-only: the position is closed' });
    }
    // One cancels the other: the first fill of an OCO leg or a bracket child cancels its sibling.
    if (order.linkedOrderId && order.filledQuantity.isZero()) {
      const sibling = this.state.orders.get(order.linkedOrderId);
      if (sibling && isOpen(sibling)) events.push({ type: 'order.cancelled', accountId: sibling.accountId, orderId: sibling.id, at: now, reason: `one-cancels-other: ${order.role} ${order.id} filled` });
    }
    if (complete && order.role === 'bracket-entry') events.push(...this.bracketChildren(order, filledAfter, now));
    this.commit(events);
  }

  private bracketChildren(entry: Order, quantity: Dec, now: number): TradingEvent[] {
    const b = entry.bracket;
    if (!b || (!b.takeProfit && !b.stopLoss)) return [];
    const exitSide = entry.side === 'buy' ? 'sell' : 'buy';
    const tpId = randomUUID();
    const slId = randomUUID();
    const base = { accountId: entry.accountId, symbol: entry.symbol, side: exitSide, quantity, timeInForce: 'GTC', reduceOnly: true, postOnly: false, parentId: entry.id, tag: entry.tag } as const;
    const events: TradingEvent[] = [];
    if (b.takeProfit) {
      const spec: OrderSpec = { ...base, clientOrderId: `${entry.clientOrderId}:tp`, type: 'limit', limitPrice: b.takeProfit, role: 'take-profit', linkedOrderId: b.stopLoss ? slId : undefined };
      events.push({ type: 'order.created', accountId: entry.accountId, orderId: tpId, at: now, spec }, { type: 'order.accepted', accountId: entry.accountId, orderId: tpId, at: now });
    }
    if (b.stopLoss) {
      const spec: OrderSpec = { ...base, clientOrderId: `${entry.clientOrderId}:sl`, type: 'stop', stopPrice: b.stopLoss, role: 'stop-loss', linkedOrderId: b.takeProfit ? tpId : undefined };
      events.push({ type: 'order.created', accountId: entry.accountId, orderId: slId, at: now, spec }, { type: 'order.accepted', accountId: entry.accountId, orderId: slId, at: now });
    }
    return events;
  }

  // ---- cancel, amend, expire ----

  async cancel(dto: CancelOrdersDto, ctx: RequestContext): Promise<CancelReport> {
    const account = this.findAccount(ctx, dto.accountId);
    if (!account) return { cancelled: [], skipped: [] };
    const gone = dto.scope === 'order' ? await this.finishedElsewhere(account.id, dto.id, dto.clientOrderId) : undefined;
    if (gone) return { cancelled: [], skipped: [{ id: gone.id, reason: `already ${gone.status}` }] };
    return this.serial(async () => {
      let targets: Order[];
      const skipped: CancelReport['skipped'] = [];
      if (dto.scope === 'order') {
        if (!dto.id && !dto.clientOrderId) throw new BadRequestException('scope "order" needs id or clientOrderId');
        const order = dto.id ? this.state.orders.get(dto.id) : this.state.orderByClientId(account.id, dto.clientOrderId as string);
        if (!order || order.accountId !== account.id) throw new NotFoundException(`No order ${dto.id ?? dto.clientOrderId} in this account`);
        if (!isOpen(order)) {
          skipped.push({ id: order.id, reason: `already ${order.status}` });
          targets = [];
        } else targets = [order];
      } else {
        targets = this.state.openOrders({ accountId: account.id, symbol: dto.scope === 'symbol' ? dto.symbol : undefined });
      }
      const cancelled = await this.cancelOrders(targets, `cancelled by ${ctx.principal?.userId ?? 'request'}`);
      return { cancelled: cancelled.map((o) => this.view(o)), skipped };
    });
  }

  /** Cancels orders and, for algorithm parents, their open children. Runs on the sequencer. */
  async cancelOrders(targets: readonly Order[], reason: string): Promise<Order[]> {
    const ids = new Set<string>();
    for (const o of targets) {
      if (isOpen(o)) ids.add(o.id);
      if (o.role === 'algo-parent') for (const child of this.state.childrenOf(o.id)) if (isOpen(child)) ids.add(child.id);
    }
    if (ids.size === 0) return [];
    const now = Date.now();
    const events: TradingEvent[] = [...ids].map((id) => {
      const o = this.state.orders.get(id) as Order;
      return { type: 'order.cancelled', accountId: o.accountId, orderId: id, at: now, reason };
    });
    this.commit(events);
    return [...ids].map((id) => this.state.orders.get(id) as Order);
  }

  /** The emergency stop: every open order and algorithm of every account, at once. */
  async cancelEverything(reason: string): Promise<{ orders: number; algorithms: number }> {
    return this.serial(async () => {
      const open = this.state.openOrders();
      const cancelled = await this.cancelOrders(open, reason);
      const algorithms = cancelled.filter((o) => o.role === 'algo-parent').length;
      return { orders: cancelled.length - algorithms, algorithms };
    });
  }

  async amend(dto: AmendOrderDto, ctx: RequestContext) {
    const account = this.findAccount(ctx);
    const gone = account ? await this.finishedElsewhere(account.id, dto.id) : undefined;
    if (gone) throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: `Order ${gone.id} is ${gone.status}; only open orders can be amended` });
    return this.serial(async () => {
      const order = this.state.orders.get(dto.id);
      if (!order || (account && order.accountId !== account.id && ctx.principal?.role !== 'admin') || (!account && ctx.principal?.role !== 'admin')) throw new NotFoundException(`No order ${dto.id} of yours`);
      if (!isOpen(order)) throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: `Order ${order.id} is ${order.status}; only open orders can be amended` });
      if (order.role === 'algo-parent') throw new BadRequestException('Algorithm parents cannot be amended; cancel and place a new one');
      if (!dto.quantity && !dto.limitPrice && !dto.stopPrice) throw new BadRequestException('Give quantity, limitPrice or stopPrice to amend');
      if (dto.limitPrice && order.limitPrice === undefined) throw new BadRequestException(`A ${order.type} order has no limit price`);
      if (dto.stopPrice && order.stopPrice === undefined) throw new BadRequestException(`A ${order.type} order has no stop price`);
      const quantity = dto.quantity ? new Dec(dto.quantity) : undefined;
      if (quantity && quantity.lessThanOrEqualTo(order.filledQuantity)) throw new BadRequestException(`quantity must stay above the ${order.filledQuantity} already filled`);
      const amended: OrderSpec = { ...order, quantity: quantity ?? order.quantity, limitPrice: dto.limitPrice ? new Dec(dto.limitPrice) : order.limitPrice, stopPrice: dto.stopPrice ? new Dec(dto.stopPrice) : order.stopPrice };
      // The amended order must pass the same checks; the order's own open quantity does not count twice.
      const decision = checkPreTrade({
        spec: { ...amended, quantity: quantity ? quantity.minus(order.filledQuantity) : remaining(order) },
        lastPrice: this.lastPrice(order.symbol),
        limits: { ...this.limits.limitsFor(order.accountId, order.symbol), maxOpenOrders: undefined, duplicateWindowMs: undefined },
        halted: this.halt.current.halted,
        position: this.state.position(order.accountId, order.symbol).quantity,
        openOrders: this.state.openOrders({ accountId: order.accountId }).filter((o) => o.id !== order.id),
        grossExposure: grossExposure(this.state.accountPositions(order.accountId), (s) => this.lastPrice(s)),
        dailyPnl: this.dailyPnl(order.accountId),
        recentOrders: [],
        now: Date.now(),
      });
      if (!decision.ok) throw new RpcFailure({ statusCode: 422, error: 'Unprocessable Entity', message: `Amend refused by ${decision.check}: ${decision.reason}`, details: [{ field: 'risk', rules: { [decision.check]: decision.reason } }] });
      this.commit([{ type: 'order.amended', accountId: order.accountId, orderId: order.id, at: Date.now(), quantity, limitPrice: dto.limitPrice ? new Dec(dto.limitPrice) : undefined, stopPrice: dto.stopPrice ? new Dec(dto.stopPrice) : undefined }]);
      return this.view(order);
    });
  }

  /**
   * A finished order of this account that has left memory (the read model has it), or undefined.
   * Finished orders never change again, so this needs no sequencer.
   */
  private async finishedElsewhere(accountId: string, id?: string, clientOrderId?: string): Promise<OrderView | undefined> {
    if (id && this.state.orders.has(id)) return undefined;
    if (!id && clientOrderId && !this.state.wasEvicted(accountId, clientOrderId)) return undefined;
    const view = id ? await this.readModel.byId(id) : clientOrderId ? await this.readModel.byClientOrderId(accountId, clientOrderId) : undefined;
    return view && view.accountId === accountId ? view : undefined;
  }

  /** Runs on the sequencer. */
  async expire(orderIds: readonly string[], reason: string): Promise<void> {
    const now = Date.now();
    const events: TradingEvent[] = [];
    for (const id of orderIds) {
      const o = this.state.orders.get(id);
      if (o && isOpen(o) && o.status !== 'new') events.push({ type: 'order.expired', accountId: o.accountId, orderId: id, at: now, reason });
    }
    this.commit(events);
  }

  // ---- the one write path ----

  /**
   * Decides nothing, records everything: numbers the events, applies them to memory (so the next
   * decision on the sequencer sees them), and hands them to the group commit. The work's
   * `serial` call answers only once they are written; subscribers hear of them only then too.
   * Runs on the sequencer.
   */
  commit(events: TradingEvent[]): void {
    if (events.length === 0) return;
    if (this.journal.failure) this.notDurable(this.journal.failure);
    const logged = events.map((event) => ({ sequence: ++this.nextSequence, event }));
    const touched = new Map<string, Order>();
    /** Orders this commit accepted (listeners start working them once; a later touch is not a new acceptance). */
    const acceptedNow = new Set<string>();
    const fills: FillRecord[] = [];
    try {
      for (const { sequence, event } of logged) {
        this.state.apply(event, sequence, (fill) => fills.push(fill));
        if ('orderId' in event) touched.set(event.orderId, this.state.orders.get(event.orderId) as Order);
        if (event.type === 'order.accepted') acceptedNow.add(event.orderId);
        // A new slice changes its algorithm's progress.
        if (event.type === 'order.created' && event.spec.parentId) {
          const parent = this.state.orders.get(event.spec.parentId);
          if (parent) touched.set(parent.id, parent);
        }
      }
    } catch (err) {
      // A decision the state machine refuses is a bug; the memory may be half-applied, so it is rebuilt from the log.
      this.logger.error({ err }, 'an event was refused by the trading state; rebuilding from the event log');
      this.scheduleRebuild();
      throw err;
    }
    // What happened, as of this commit, to announce once it is durable.
    const through = logged[logged.length - 1].sequence;
    const notices = [...touched.values()].map((order) => ({
      order,
      version: order.version,
      view: this.view(order),
      ownerId: this.state.accounts.get(order.accountId)?.ownerId ?? '',
      accepted: acceptedNow.has(order.id) && order.status === 'accepted',
      closed: !isOpen(order),
    }));
    const fillNotices = fills.map((fill) => ({ fill, order: this.state.orders.get(fill.orderId) as Order, ownerId: this.state.accounts.get(fill.accountId)?.ownerId ?? '' }));
    const notice = () => {
      this.readModel.record(notices, through);
      for (const n of notices) {
        this.outbox.push({ kind: 'order', ownerId: n.ownerId, order: n.view });
        for (const l of this.listeners) {
          if (n.accepted) l.accepted?.(n.order);
          else if (n.closed) l.closed?.(n.order);
        }
      }
      for (const f of fillNotices) {
        this.outbox.push({ kind: 'fill', ownerId: f.ownerId, fill: toFillView(f.fill) });
        for (const l of this.listeners) l.filled?.(f.order, f.fill);
      }
    };
    const durable = this.journal.append(logged, notice);
    this.barrier = durable;
    this.lastBatch = durable;
  }

  /** After a failed write, memory is ahead of the log: rebuild it from the log before deciding anything else. */
  private scheduleRebuild(): void {
    if (this.rebuilding) return;
    this.rebuilding = true;
    void this.sequencer.run(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await this.rebuild();
          this.journal.reset();
          this.rebuilding = false;
          await this.catchUpReadModel();
          this.logger.warn({ attempt }, 'trading state rebuilt from the event log after a failed write');
          return;
        } catch (err) {
          this.logger.error({ err, attempt }, 'could not rebuild the trading state yet; retrying');
          await new Promise((r) => setTimeout(r, Math.min(5_000, 200 * attempt)));
        }
      }
    });
  }

  /** Folds the log into a new state, evicting as it goes what the read model already holds. */
  private async rebuild(): Promise<void> {
    await this.readModel.load();
    const state = new TradingState();
    let applied = 0;
    for await (const { sequence, event } of this.store.readAll()) {
      state.apply(event, sequence);
      if (++applied % REBUILD_EVICT_EVERY === 0) state.evict(this.evictionRuleFor(state));
    }
    state.evict(this.evictionRuleFor(state));
    this.state = state;
    this.nextSequence = this.state.lastSequence;
  }

  private symbolOf({ event }: { event: TradingEvent }): string | null {
    if (event.type === 'order.created') return event.spec.symbol;
    if ('orderId' in event) return this.state.orders.get(event.orderId)?.symbol ?? null;
    return null;
  }

  // ---- views ----

  private progressProvider: ((o: Order) => AlgoProgress) | null = null;

  setProgressProvider(provider: (o: Order) => AlgoProgress): void {
    this.progressProvider = provider;
  }

  view(order: Order) {
    return toOrderView(order, order.role === 'algo-parent' && this.progressProvider ? this.progressProvider(order) : undefined);
  }

  related(order: Order): Order[] {
    const out: Order[] = [];
    if (order.linkedOrderId) {
      const linked = this.state.orders.get(order.linkedOrderId);
      if (linked) out.push(linked);
    }
    return out;
  }
}

function ownerOf(ctx: RequestContext): string {
  const owner = ctx.principal?.userId;
  if (!owner) throw new ForbiddenException('Trading accounts belong to a user; the request carried none');
  return owner;
}

function rejection(order: Pick<Order, 'id' | 'rejectCheck' | 'rejectReason'>): RpcFailure {
  return new RpcFailure({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: `Refused by ${order.rejectCheck}: ${order.rejectReason}`,
    details: [
      { field: 'check', rules: { [order.rejectCheck ?? 'unknown']: order.rejectReason ?? '' } },
      { field: 'orderId', rules: { recorded: order.id } },
    ],
  });
}

/** The order (and its OCO leg) a request describes, with the rules the DTO cannot express. */
export function buildSpecs(dto: CreateOrderDto, accountId: string): OrderSpec[] {
  const d = (v: string | undefined) => (v === undefined ? undefined : new Dec(v));
  const type = dto.type === 'algo' ? (dto.algo?.kind === 'iceberg' ? 'limit' : 'market') : dto.type;
  const timeInForce = dto.timeInForce ?? 'GTC';
  const problems: string[] = [];
  if ((type === 'limit' || type === 'stop-limit') && !dto.limitPrice) problems.push(`limitPrice is required for ${dto.type} orders`);
  if ((type === 'stop' || type === 'stop-limit') && !dto.stopPrice) problems.push(`stopPrice is required for ${type} orders`);
  if (type === 'trailing-stop' && !dto.trailAmount && !dto.trailPercent) problems.push('trailing-stop orders need trailAmount or trailPercent');
  if (type === 'trailing-stop' && dto.trailPercent && new Dec(dto.trailPercent).greaterThanOrEqualTo(1)) problems.push('trailPercent is a fraction below 1 (0.02 = 2 %)');
  if (type === 'market' && dto.type !== 'algo' && (dto.limitPrice || dto.stopPrice)) problems.push('market orders take no limitPrice or stopPrice');
  if (dto.postOnly && type !== 'limit') problems.push('postOnly applies to limit orders only');
  if (timeInForce === 'GTD' && (!dto.expireAt || Date.parse(dto.expireAt) <= Date.now())) problems.push('GTD orders need an expireAt in the future');
  if (dto.type === 'algo' && !dto.algo) problems.push('algo orders need algo parameters');
  if (dto.type !== 'algo' && dto.algo) problems.push("algo parameters need type 'algo'");
  if (dto.algo?.kind === 'iceberg' && dto.algo.displayQuantity && new Dec(dto.algo.displayQuantity).greaterThan(new Dec(dto.quantity))) problems.push('displayQuantity cannot exceed quantity');
  if (dto.algo?.volumeProfile && dto.algo.slices && dto.algo.volumeProfile.length !== dto.algo.slices) problems.push('volumeProfile needs one weight per slice');
  if (dto.algo?.volumeProfile && !dto.algo.volumeProfile.some((w) => w > 0)) problems.push('volumeProfile needs a positive weight');
  if (dto.bracket && (dto.oco || dto.type === 'algo' || dto.reduceOnly)) problems.push('bracket cannot be combined with oco, algo or reduceOnly');
  if (dto.bracket && !dto.bracket.takeProfit && !dto.bracket.stopLoss) problems.push('bracket needs takeProfit or stopLoss');
  if (dto.oco && dto.type === 'algo') problems.push('oco cannot be combined with algo');
  if (dto.oco && (dto.oco.type === 'limit' || dto.oco.type === 'stop-limit') && !dto.oco.limitPrice) problems.push('oco.limitPrice is required for a limit leg');
  if (dto.oco && (dto.oco.type === 'stop' || dto.oco.type === 'stop-limit') && !dto.oco.stopPrice) problems.push('oco.stopPrice is required for a stop leg');
  if (dto.bracket && dto.limitPrice) {
    const entry = new Dec(dto.limitPrice);
    const tp = d(dto.bracket.takeProfit);
    const sl = d(dto.bracket.stopLoss);
    const long = dto.side === 'buy';
    if (tp && (long ? tp.lessThanOrEqualTo(entry) : tp.greaterThanOrEqualTo(entry))) problems.push(`bracket.takeProfit must be ${long ? 'above' : 'below'} the entry price`);
    if (sl && (long ? sl.greaterThanOrEqualTo(entry) : sl.lessThanOrEqualTo(entry))) problems.push(`bracket.stopLoss must be ${long ? 'below' : 'above'} the entry price`);
  }
  if (problems.length) throw new BadRequestException(problems.join('; '));
  const base: OrderSpec = {
    accountId,
    clientOrderId: dto.clientOrderId,
    symbol: dto.symbol,
    side: dto.side,
    type,
    quantity: new Dec(dto.quantity),
    limitPrice: type === 'limit' || type === 'stop-limit' ? d(dto.limitPrice) : undefined,
    stopPrice: type === 'stop' || type === 'stop-limit' ? d(dto.stopPrice) : undefined,
    trail: type === 'trailing-stop' ? { amount: d(dto.trailAmount), percent: dto.trailAmount ? undefined : d(dto.trailPercent) } : undefined,
    timeInForce,
    expireAt: timeInForce === 'GTD' && dto.expireAt ? Date.parse(dto.expireAt) : undefined,
    reduceOnly: dto.reduceOnly ?? false,
    postOnly: dto.postOnly ?? false,
    role: dto.type === 'algo' ? 'algo-parent' : dto.bracket ? 'bracket-entry' : dto.oco ? 'oco' : 'single',
    tag: dto.tag,
    bracket: dto.bracket ? { takeProfit: d(dto.bracket.takeProfit), stopLoss: d(dto.bracket.stopLoss) } : undefined,
    algo: dto.algo
      ? { kind: dto.algo.kind, durationSec: dto.algo.durationSec, slices: dto.algo.slices, volumeProfile: dto.algo.volumeProfile, displayQuantity: d(dto.algo.displayQuantity) }
      : undefined,
  };
  if (!dto.oco) return [base];
  const leg: OrderSpec = {
    ...base,
    clientOrderId: `${dto.clientOrderId}:oco`,
    type: dto.oco.type,
    limitPrice: dto.oco.type !== 'stop' ? d(dto.oco.limitPrice) : undefined,
    stopPrice: dto.oco.type !== 'limit' ? d(dto.oco.stopPrice) : undefined,
    trail: undefined,
    postOnly: false,
  };
  return [base, leg];
}
