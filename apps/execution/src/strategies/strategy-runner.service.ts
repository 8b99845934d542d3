import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Inject, Injectable, NotFoundException, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DeploymentLive, DeploymentSpec, DeploymentStatus, DeploymentView, RequestContext } from '@meridian/contracts';
import type { Candle, Timeframe } from '@meridian/market-data';
import { RpcFailure } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { HaltStateService, LOGGER } from '@meridian/service-kit';
import { findBuiltin, parseRuleStrategy, resolveParams, type OrderIntent, type ParamValues, type Strategy, type StrategyContext, type StrategyDefinition } from '@meridian/strategy';
import { stopLevel, type Order } from '@meridian/trading';
import { CandleStore } from '../markets/candle-store';
import { MarketFeedService } from '../markets/market-feed.service';
import { TradingEngine } from '../trading/trading-engine.service';
import { TradingPublisher } from '../trading/trading-publisher';
import { LiveSeries } from './live-series';

interface Row {
  id: string;
  owner_id: string;
  account_id: string;
  strategy_id: string;
  version: number;
  label: string;
  source: DeploymentSpec['source'];
  params: ParamValues;
  symbols: string[];
  timeframe: Timeframe;
  backtest_run_id: string;
  status: DeploymentStatus;
  status_reason: string | null;
  bars_seen: number;
  orders_placed: number;
  last_bar_at: Date | null;
  created_at: Date;
  started_at: Date;
  updated_at: Date;
}

/** A deployment being run: its strategy object, bar history and the bars of the time being assembled. */
interface Running {
  row: Row;
  tag: string;
  strategy: Strategy;
  history: Map<string, LiveSeries>;
  context: LiveContext;
  pending: Map<number, Map<string, Candle>>;
  timers: Map<number, NodeJS.Timeout>;
}

const WAIT_FOR_ALL_SYMBOLS_MS = 3_000;
const QUANTITY_DP = 6;

/** Rebuilds the strategy a deployment names: a rule document or a built-in with parameters. */
export function buildDefinition(source: DeploymentSpec['source'], params: Record<string, unknown>): { definition: StrategyDefinition; params: ParamValues } {
  if ('rule' in source) {
    const doc = source.rule && !('name' in source.rule) ? { name: 'Rule', ...source.rule } : source.rule;
    const parsed = parseRuleStrategy(doc);
    if (!parsed.ok) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: `the rule does not parse: ${parsed.errors[0]?.message}` });
    return { definition: parsed.definition, params: params as ParamValues };
  }
  const builtin = findBuiltin(source.builtin);
  if (!builtin) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: `no built-in strategy ${source.builtin}` });
  const resolved = resolveParams(builtin.params, params, builtin.relations);
  if (!resolved.ok) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: `invalid parameters: ${resolved.errors.map((e) => e.message).join('; ')}` });
  return { definition: builtin, params: resolved.values };
}

/** What a live strategy reads: its bars, and its own position (from its tagged orders) in the account. */
class LiveContext implements StrategyContext {
  time = 0;
  barIndex = -1;

  constructor(
    readonly symbols: readonly string[],
    private readonly history: Map<string, LiveSeries>,
    private readonly engine: TradingEngine,
    private readonly accountId: string,
    private readonly tag: string,
  ) {}

  series(symbol: string) {
    const s = this.history.get(symbol);
    return s && s.length > 0 ? s : undefined;
  }

  /** Net filled quantity of this strategy's orders in the symbol (kept by the trading state as fills land). */
  position(symbol: string): number {
    const book = this.engine.state.tagBook(this.tag, symbol);
    return book ? book.buyQuantity.minus(book.sellQuantity).toNumber() : 0;
  }

  /** Average price of the fills on the position's side (an approximation after partial closes). */
  averagePrice(symbol: string): number {
    const book = this.engine.state.tagBook(this.tag, symbol);
    if (!book) return NaN;
    const long = book.buyQuantity.greaterThanOrEqualTo(book.sellQuantity);
    const quantity = long ? book.buyQuantity : book.sellQuantity;
    return quantity.isZero() ? NaN : (long ? book.buyNotional : book.sellNotional).div(quantity).toNumber();
  }

  get cash(): number {
    return this.engine.state.accounts.get(this.accountId)?.cash.toNumber() ?? 0;
  }

  get equity(): number {
    return this.engine.equity(this.accountId).toNumber();
  }

  openOrders(symbol?: string) {
    return this.engine.state
      .openOrders({ accountId: this.accountId, symbol })
      .filter((o) => o.tag === this.tag)
      .map((o) => ({ id: o.id, symbol: o.symbol, side: o.side, type: o.type, quantity: o.quantity.minus(o.filledQuantity).toNumber(), limitPrice: o.limitPrice?.toNumber(), stopPrice: stopLevel(o)?.toNumber(), trailAmount: o.trail?.amount?.toNumber(), trailPercent: o.trail?.percent?.toNumber(), tag: o.tag }));
  }
}

/**
 * Runs deployed strategies in paper trading: the same strategy object as the backtest, fed the
 * live closed candles of its symbols; its intents become orders through the order management
 * system (and its pre-trade checks), tagged with the strategy and version. Deployments survive a
 * restart (warmed up again from stored candles) and the emergency stop pauses them all.
 */
@Injectable()
export class StrategyRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: TradingEngine,
    private readonly feed: MarketFeedService,
    private readonly candles: CandleStore,
    private readonly halt: HaltStateService,
    private readonly publisher: TradingPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.feed.addClosedCandleListener((c) => this.onClosedCandle(c));
    const rows = (await this.dataSource.query(`SELECT * FROM strategy_deployments WHERE status = 'running'`)) as Row[];
    for (const row of rows) {
      try {
        await this.startInstance(row);
      } catch (err) {
        await this.setStatus(row.id, 'paused', `could not resume after a restart: ${(err as Error).message}`);
      }
    }
    if (rows.length) this.logger.info({ deployments: rows.length }, 'deployed strategies resumed after start');
  }

  onApplicationShutdown(): void {
    for (const r of this.running.values()) for (const t of r.timers.values()) clearTimeout(t);
    this.running.clear();
  }

  async deploy(spec: DeploymentSpec, ctx: RequestContext): Promise<DeploymentView> {
    if (this.halt.current.halted) throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: 'Trading is halted (emergency stop); resume it before deploying' });
    const account = await this.engine.resolveAccount(ctx, spec.accountId);
    buildDefinition(spec.source, spec.params); // refuse what cannot run before storing it
    const id = randomUUID();
    const [row] = (await this.dataSource.query(
      `INSERT INTO strategy_deployments (id, owner_id, account_id, strategy_id, version, label, source, params, symbols, timeframe, backtest_run_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, 'running') RETURNING *`,
      [id, account.ownerId, account.id, spec.strategyId, spec.version, spec.label, JSON.stringify(spec.source), JSON.stringify(spec.params), spec.symbols, spec.timeframe, spec.backtestRunId],
    )) as Row[];
    await this.startInstance(row);
    this.logger.info({ deploymentId: id, strategy: spec.label, symbols: spec.symbols }, 'strategy deployed to paper trading');
    this.published(row);
    return this.view(row);
  }

  async list(ctx: RequestContext): Promise<DeploymentView[]> {
    const rows = (await this.dataSource.query('SELECT * FROM strategy_deployments WHERE owner_id = $1 OR $2 ORDER BY created_at DESC LIMIT 200', [ctx.principal?.userId ?? '', ctx.principal?.role === 'admin'])) as Row[];
    return rows.map((r) => this.view(r));
  }

  async control(id: string, action: 'start' | 'pause' | 'stop', ctx: RequestContext): Promise<DeploymentView> {
    const row = await this.owned(id, ctx);
    if (row.status === 'stopped') throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: `Deployment ${id} is stopped; deploy again to run it` });
    if (action === 'start') {
      if (this.halt.current.halted) throw new RpcFailure({ statusCode: 409, error: 'Conflict', message: 'Trading is halted (emergency stop); resume it before starting a deployment' });
      if (row.status !== 'running') {
        await this.setStatus(id, 'running', null);
        await this.startInstance({ ...row, status: 'running' });
      }
    } else {
      this.running.delete(id);
      await this.setStatus(id, action === 'pause' ? 'paused' : 'stopped', `${action === 'pause' ? 'paused' : 'stopped'} by ${ctx.principal?.userId ?? 'request'}`);
      if (action === 'stop') await this.cancelOpenOrders(row, 'deployment stopped');
    }
    return this.view(await this.owned(id, ctx));
  }

  /** The emergency stop: every running deployment is paused (and its orders were cancelled by the halt). */
  async pauseAll(reason: string): Promise<number> {
    const ids = [...this.running.keys()];
    this.running.clear();
    for (const id of ids) await this.setStatus(id, 'paused', reason);
    return ids.length;
  }

  async live(id: string, ctx: RequestContext): Promise<DeploymentLive> {
    const row = await this.owned(id, ctx);
    const tag = tagOf(row);
    // From the log: every fill of the deployment's orders, with the side its order was placed on.
    const fills = (await this.dataSource.query(
      `SELECT f.order_id, f.symbol, f.quantity::float8 AS quantity, f.price::float8 AS price, f.fee::float8 AS fee, f.at, c.payload->'spec'->>'side' AS side
       FROM trading_events c JOIN trading_events f ON f.order_id = c.order_id AND f.type = 'order.filled' AND f.payload->>'fillId' NOT LIKE '%:parent'
       WHERE c.type = 'order.created' AND c.account_id = $1 AND c.payload->'spec'->>'tag' = $2 ORDER BY f.sequence`,
      [row.account_id, tag],
    )) as { order_id: string; symbol: string; quantity: number; price: number; fee: number; at: Date; side: 'buy' | 'sell' }[];
    const side = new Map(fills.map((f) => [f.order_id, f.side]));
    const book = new Map<string, { quantity: number; cost: number; realised: number }>();
    let fees = 0;
    for (const f of fills) {
      const s = side.get(f.order_id) === 'buy' ? 1 : -1;
      const p = book.get(f.symbol) ?? { quantity: 0, cost: 0, realised: 0 };
      fees += f.fee;
      const avg = p.quantity !== 0 ? p.cost / p.quantity : 0;
      if (p.quantity === 0 || Math.sign(p.quantity) === s) {
        p.quantity += s * f.quantity;
        p.cost += s * f.quantity * f.price;
      } else {
        const closed = Math.min(Math.abs(p.quantity), f.quantity);
        p.realised += closed * (f.price - avg) * Math.sign(p.quantity);
        p.quantity += s * f.quantity;
        p.cost = Math.abs(p.quantity) < 1e-12 ? 0 : Math.sign(p.quantity) === s ? p.quantity * f.price : p.quantity * avg;
      }
      book.set(f.symbol, p);
    }
    let realised = 0;
    let unrealised = 0;
    const positions = [...book.entries()].map(([symbol, p]) => {
      realised += p.realised;
      const last = this.engine.lastPrice(symbol)?.toNumber() ?? null;
      const avg = p.quantity !== 0 ? p.cost / p.quantity : 0;
      if (last !== null) unrealised += (last - avg) * p.quantity;
      return { symbol, quantity: p.quantity, averagePrice: avg, lastPrice: last };
    });
    return {
      deployment: this.view(row),
      fills: fills.map((f) => ({ time: new Date(f.at).toISOString(), symbol: f.symbol, side: side.get(f.order_id) ?? 'buy', quantity: f.quantity, price: f.price, fee: f.fee })),
      positions,
      realisedPnl: realised,
      unrealisedPnl: unrealised,
      feesPaid: fees,
    };
  }

  // ---- running ----

  private async startInstance(row: Row): Promise<void> {
    const { definition, params } = buildDefinition(row.source, row.params);
    const tag = tagOf(row);
    const history = new Map(row.symbols.map((s) => [s, new LiveSeries(s)]));
    const context = new LiveContext(row.symbols, history, this.engine, row.account_id, tag);
    const strategy = definition.create(params);
    const warmup = definition.warmup(params);
    // Warm up on stored closed candles: decisions on them are not acted on.
    const stored = await Promise.all(row.symbols.map((s) => this.candles.columns(s, row.timeframe, undefined, Date.now(), Math.max(300, warmup * 3))));
    const times = [...new Set(stored.flatMap((c) => c.time))].sort((a, b) => a - b);
    strategy.init?.(context);
    for (const t of times) {
      stored.forEach((c) => {
        const i = c.time.indexOf(t);
        if (i >= 0) history.get(c.symbol)!.push({ time: t, open: c.open[i], high: c.high[i], low: c.low[i], close: c.close[i], volume: c.volume[i] });
      });
      context.time = t;
      context.barIndex++;
      strategy.onBar(context);
    }
    this.running.set(row.id, { row, tag, strategy, history, context, pending: new Map(), timers: new Map() });
    this.logger.info({ deploymentId: row.id, warmupBars: times.length }, 'deployment running');
  }

  private onClosedCandle(c: Candle): void {
    for (const r of this.running.values()) {
      if (r.row.timeframe !== c.timeframe || !r.history.has(c.symbol)) continue;
      if (c.openTimeMs <= (r.history.get(c.symbol)?.lastTime() ?? -Infinity)) continue;
      const bucket = r.pending.get(c.openTimeMs) ?? new Map<string, Candle>();
      bucket.set(c.symbol, c);
      r.pending.set(c.openTimeMs, bucket);
      if (bucket.size === r.row.symbols.length) this.decide(r, c.openTimeMs);
      else if (!r.timers.has(c.openTimeMs)) {
        const timer = setTimeout(() => this.decide(r, c.openTimeMs), WAIT_FOR_ALL_SYMBOLS_MS);
        timer.unref();
        r.timers.set(c.openTimeMs, timer);
      }
    }
  }

  /** Every symbol's bar of this time is in (or the wait is over): the strategy decides, its intents become orders. */
  private decide(r: Running, time: number): void {
    const bucket = r.pending.get(time);
    const timer = r.timers.get(time);
    if (timer) clearTimeout(timer);
    r.timers.delete(time);
    r.pending.delete(time);
    if (!bucket || this.running.get(r.row.id) !== r) return;
    for (const [symbol, c] of bucket) r.history.get(symbol)!.push({ time, open: c.open, high: c.high, low: c.low, close: c.close, volume: 0 });
    r.context.time = time;
    r.context.barIndex++;
    let intents: readonly OrderIntent[] = [];
    try {
      intents = r.strategy.onBar(r.context) ?? [];
    } catch (err) {
      this.logger.error({ err, deploymentId: r.row.id }, 'a deployed strategy threw; it is paused');
      this.running.delete(r.row.id);
      void this.setStatus(r.row.id, 'paused', `the strategy threw: ${(err as Error).message}`);
      return;
    }
    void this.act(r, time, intents).catch((err) => this.logger.warn({ err, deploymentId: r.row.id }, 'could not place a deployed strategy\'s orders'));
  }

  private async act(r: Running, time: number, intents: readonly OrderIntent[]): Promise<void> {
    let placed = 0;
    const ctx: RequestContext = { requestId: `deployment-${r.row.id}-${time}`, principal: { kind: 'user', id: r.row.owner_id, userId: r.row.owner_id, role: 'trader' } as RequestContext['principal'] };
    for (const [i, intent] of intents.entries()) {
      if (intent.kind === 'cancel' || intent.kind === 'cancel-all') {
        const targets = r.context.openOrders(intent.kind === 'cancel-all' ? intent.symbol : undefined).filter((o) => intent.kind === 'cancel-all' || o.id === intent.orderId);
        const orders = targets.map((t) => this.engine.state.orders.get(t.id)).filter((o): o is Order => Boolean(o));
        if (orders.length) await this.engine.serial(() => this.engine.cancelOrders(orders, `cancelled by strategy ${r.row.label}`));
        continue;
      }
      const order = this.toOrder(r, intent);
      if (!order) continue;
      try {
        await this.engine.createOrder({ ...order, clientOrderId: `d${r.row.id.slice(0, 8)}-${time}-${i}`, accountId: r.row.account_id, tag: r.tag, timeInForce: 'GTC' }, ctx);
        placed++;
      } catch (err) {
        const body = (err as RpcFailure).body;
        this.logger.info({ deploymentId: r.row.id, reason: body?.message ?? (err as Error).message }, 'a deployed strategy\'s order was refused');
      }
    }
    this.publishedRows(
      await this.dataSource.query(
        'UPDATE strategy_deployments SET bars_seen = bars_seen + 1, orders_placed = orders_placed + $2, last_bar_at = $3, updated_at = now() WHERE id = $1 RETURNING *',
        [r.row.id, placed, new Date(time)],
      ),
    );
  }

  /** An intent as an order request, or null when there is nothing to trade. */
  private toOrder(r: Running, intent: Exclude<OrderIntent, { kind: 'cancel' } | { kind: 'cancel-all' }>) {
    const round = (x: number) => Number(Math.abs(x).toFixed(QUANTITY_DP));
    const price = (x: number) => String(Number(x.toPrecision(12)));
    let side: 'buy' | 'sell';
    let quantity: number;
    if (intent.kind === 'target-quantity' || intent.kind === 'target-percent') {
      const last = r.history.get(intent.symbol)?.close() ?? NaN;
      const target = intent.kind === 'target-quantity' ? intent.quantity : Number.isFinite(last) && last > 0 ? (intent.percent * r.context.equity) / last : NaN;
      const delta = target - r.context.position(intent.symbol);
      if (!Number.isFinite(delta)) return null;
      side = delta >= 0 ? 'buy' : 'sell';
      quantity = round(delta);
      return quantity > 0 ? { symbol: intent.symbol, side, type: 'market' as const, quantity: String(quantity) } : null;
    }
    side = intent.side;
    quantity = round(intent.quantity);
    if (quantity <= 0) return null;
    if (intent.kind === 'limit') return { symbol: intent.symbol, side, type: 'limit' as const, quantity: String(quantity), limitPrice: price(intent.limitPrice) };
    if (intent.kind === 'stop') return { symbol: intent.symbol, side, type: 'stop' as const, quantity: String(quantity), stopPrice: price(intent.stopPrice) };
    if (intent.kind === 'stop-limit') {
      return { symbol: intent.symbol, side, type: 'stop-limit' as const, quantity: String(quantity), stopPrice: price(intent.stopPrice), limitPrice: price(intent.limitPrice) };
    }
    if (intent.kind === 'trailing-stop') {
      // Exactly one of the two, as the backtest requires (percent is a fraction: 0.02 = 2 %).
      const { trailAmount, trailPercent } = intent;
      if ((trailAmount === undefined) === (trailPercent === undefined)) return null;
      const trail = trailAmount !== undefined ? { trailAmount: price(trailAmount) } : { trailPercent: price(trailPercent as number) };
      return { symbol: intent.symbol, side, type: 'trailing-stop' as const, quantity: String(quantity), ...trail };
    }
    return { symbol: intent.symbol, side, type: 'market' as const, quantity: String(quantity) };
  }

  private async cancelOpenOrders(row: Row, reason: string): Promise<void> {
    const tag = tagOf(row);
    const open = this.engine.state.openOrders({ accountId: row.account_id }).filter((o) => o.tag === tag);
    if (open.length) await this.engine.serial(() => this.engine.cancelOrders(open, reason));
  }

  private async owned(id: string, ctx: RequestContext): Promise<Row> {
    const [row] = (await this.dataSource.query('SELECT * FROM strategy_deployments WHERE id = $1', [id])) as Row[];
    if (!row || (row.owner_id !== ctx.principal?.userId && ctx.principal?.role !== 'admin')) throw new NotFoundException(`No deployment ${id} of yours`);
    return row;
  }

  private async setStatus(id: string, status: DeploymentStatus, reason: string | null): Promise<void> {
    this.publishedRows(
      await this.dataSource.query(
        'UPDATE strategy_deployments SET status = $2, status_reason = $3, updated_at = now(), started_at = CASE WHEN $2 = \'running\' THEN now() ELSE started_at END WHERE id = $1 RETURNING *',
        [id, status, reason],
      ),
    );
  }

  /** Tells the owner's WebSocket (the `trading` channel) what the deployment looks like now. */
  private published(row: Row): void {
    this.publisher.tradingBatch([{ kind: 'deployment', ownerId: row.owner_id, deployment: this.view(row) }]);
  }

  /** Publishes the rows of an UPDATE … RETURNING (TypeORM answers [rows, count] on PostgreSQL, the rows on PGlite). */
  private publishedRows(result: unknown): void {
    const rows: unknown = Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result;
    if (Array.isArray(rows)) for (const row of rows as Row[]) this.published(row);
  }

  private view(r: Row): DeploymentView {
    return {
      id: r.id,
      strategyId: r.strategy_id,
      version: r.version,
      label: r.label,
      tag: tagOf(r),
      accountId: r.account_id,
      symbols: r.symbols,
      timeframe: r.timeframe,
      params: r.params as Record<string, number | boolean | string>,
      status: r.status,
      statusReason: r.status_reason,
      backtestRunId: r.backtest_run_id,
      barsSeen: r.bars_seen,
      ordersPlaced: r.orders_placed,
      lastBarAt: r.last_bar_at ? new Date(r.last_bar_at).toISOString() : null,
      createdAt: new Date(r.created_at).toISOString(),
      startedAt: new Date(r.started_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }
}

/** The tag on a deployment's orders: strategy, version and deployment. */
function tagOf(r: Pick<Row, 'strategy_id' | 'version' | 'id'>): string {
  return `strategy:${r.strategy_id}:v${r.version}:${r.id.slice(0, 8)}`;
}
