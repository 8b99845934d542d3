import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type {
  AccountView,
  EquityPoint,
  FillView,
  Page,
  PositionView,
  PositionsResponse,
  RebalanceOrderPlan,
  RebalanceResponse,
  RequestContext,
  RiskMetricsResponse,
  TradingEventPayload,
} from '@meridian/contracts';
import type { EquityQueryDto, FillsQueryDto, RebalanceDto, RiskMetricsQueryDto } from '@meridian/contracts/dto';
import { RpcFailure } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { portfolioRiskMetrics } from '@meridian/risk';
import { LOGGER } from '@meridian/service-kit';
import { Dec, decString, grossExposure, unrealisedPnl, ZERO, type Account, type Position } from '@meridian/trading';
import { CandleStore } from '../markets/candle-store';
import { TRADING_CONFIG, type TradingConfig } from './trading-config';
import { TradingEngine } from './trading-engine.service';
import { TradingPublisher } from './trading-publisher';

const DAY_MS = 86_400_000;
const REBALANCE_QUANTITY_DP = 6;

/**
 * F8 Portfolio: accounts and positions marked to live prices, the equity curve (sampled into
 * PostgreSQL), fills history, risk metrics (libs/risk) and rebalancing through the order path.
 */
@Injectable()
export class PortfolioService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly engine: TradingEngine,
    private readonly candles: CandleStore,
    private readonly dataSource: DataSource,
    @Inject(TRADING_CONFIG) private readonly config: TradingConfig,
    private readonly publisher: TradingPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const today = Math.floor(Date.now() / DAY_MS);
    const rows = (await this.dataSource.query(
      'SELECT DISTINCT ON (account_id) account_id, equity FROM equity_samples WHERE at >= $1 ORDER BY account_id, at',
      [new Date(today * DAY_MS)],
    )) as { account_id: string; equity: string }[];
    for (const r of rows) this.engine.setDayStartEquity(r.account_id, today, new Dec(r.equity));
    this.timer = setInterval(() => void this.sampleEquity(), this.config.equitySampleMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One equity sample per account that has traded; the curve behind Sharpe, Sortino and drawdown. */
  async sampleEquity(): Promise<void> {
    const at = new Date();
    const rows: unknown[] = [];
    const values: string[] = [];
    const samples: TradingEventPayload[] = [];
    for (const account of this.engine.state.accounts.values()) {
      const positions = this.engine.state.accountPositions(account.id);
      if (positions.length === 0) continue;
      const b = rows.length;
      const point: EquityPoint = { at: at.toISOString(), equity: decString(this.engine.equity(account.id)), cash: decString(account.cash) };
      values.push(`($${b + 1}, $${b + 2}, $${b + 3}::numeric, $${b + 4}::numeric, $${b + 5}::numeric)`);
      rows.push(account.id, at, point.equity, point.cash, decString(grossExposure(positions, (s) => this.engine.lastPrice(s))));
      samples.push({ kind: 'equity', ownerId: account.ownerId, accountId: account.id, point });
    }
    if (values.length === 0) return;
    try {
      await this.dataSource.query(`INSERT INTO equity_samples (account_id, at, equity, cash, gross_exposure) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`, rows);
      // Stored: the owners' charts can draw the new point.
      this.publisher.tradingBatch(samples);
    } catch (err) {
      this.logger.warn({ err }, 'could not record equity samples');
    }
  }

  accountView(account: Account): AccountView {
    let realised = ZERO;
    let unrealised = ZERO;
    let fees = ZERO;
    for (const p of this.engine.state.accountPositions(account.id)) {
      realised = realised.plus(p.realisedPnl);
      fees = fees.plus(p.feesPaid);
      const last = this.engine.lastPrice(p.symbol);
      if (last) unrealised = unrealised.plus(unrealisedPnl(p, last));
    }
    return {
      id: account.id,
      name: account.name,
      currency: account.currency,
      initialCash: decString(account.initialCash),
      cash: decString(account.cash),
      equity: decString(this.engine.equity(account.id)),
      realisedPnl: decString(realised),
      unrealisedPnl: decString(unrealised),
      feesPaid: decString(fees),
      openOrders: this.engine.state.openOrders({ accountId: account.id }).length,
    };
  }

  async positions(ctx: RequestContext, accountId?: string): Promise<PositionsResponse> {
    const account = await this.engine.resolveAccount(ctx, accountId);
    const equity = this.engine.equity(account.id);
    const positions = this.engine.state
      .accountPositions(account.id)
      .filter((p) => !p.quantity.isZero() || !p.realisedPnl.isZero())
      .map((p) => this.positionView(p, equity))
      .sort((a, b) => a.symbol.localeCompare(b.symbol));
    return { account: this.accountView(account), positions };
  }

  positionView(p: Position, equity: Dec): PositionView {
    const last = this.engine.lastPrice(p.symbol);
    const value = last ? p.quantity.times(last) : null;
    return {
      symbol: p.symbol,
      quantity: decString(p.quantity),
      averagePrice: decString(p.averagePrice.toDecimalPlaces(8)),
      lastPrice: last ? decString(last) : null,
      marketValue: value ? decString(value.toDecimalPlaces(8)) : null,
      unrealisedPnl: last ? decString(unrealisedPnl(p, last).toDecimalPlaces(8)) : null,
      realisedPnl: decString(p.realisedPnl.toDecimalPlaces(8)),
      feesPaid: decString(p.feesPaid),
      weight: value && !equity.isZero() ? value.div(equity).toNumber() : null,
      updatedAt: new Date(p.updatedAt).toISOString(),
    };
  }

  async equityCurve(ctx: RequestContext, q: EquityQueryDto): Promise<EquityPoint[]> {
    const account = this.engine.findAccount(ctx, q.accountId);
    if (!account) return [];
    const rows = (await this.dataSource.query(
      `SELECT at, equity::text AS equity, cash::text AS cash FROM (
         SELECT at, equity, cash FROM equity_samples WHERE account_id = $1 AND at >= $2 ORDER BY at DESC LIMIT $3) s ORDER BY at`,
      [account.id, q.from ? new Date(q.from) : new Date(0), q.limit ?? 2000],
    )) as { at: Date; equity: string; cash: string }[];
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), equity: r.equity, cash: r.cash }));
  }

  async fills(ctx: RequestContext, q: FillsQueryDto): Promise<Page<FillView> | { csv: string; rows: number }> {
    const account = this.engine.findAccount(ctx, q.accountId);
    const limit = q.limit ?? (q.format === 'csv' ? 10_000 : 100);
    const offset = q.offset ?? 0;
    if (!account) return q.format === 'csv' ? { csv: CSV_HEADER, rows: 0 } : { items: [], total: 0, limit, offset };
    const where = [`e.type = 'order.filled'`, 'e.account_id = $1', `e.payload->>'fillId' NOT LIKE '%:parent'`];
    const params: unknown[] = [account.id];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.symbol) add('e.symbol = ?', q.symbol);
    if (q.orderId) add('e.order_id::text = ?', q.orderId);
    if (q.from) add('e.at >= ?', new Date(q.from));
    if (q.to) add('e.at < ?', new Date(q.to));
    if (q.side) add(`c.payload->'spec'->>'side' = ?`, q.side);
    // Side and tag come from the order's creation event: the log has every order, memory only the recent ones.
    const from = `trading_events e JOIN trading_events c ON c.order_id = e.order_id AND c.type = 'order.created'`;
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM ${from} WHERE ${where.join(' AND ')}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(
      `SELECT e.order_id, e.symbol, e.quantity::text AS quantity, e.price::text AS price, e.fee::text AS fee, e.payload, e.at,
              c.payload->'spec'->>'side' AS side, c.payload->'spec'->>'tag' AS tag
       FROM ${from} WHERE ${where.join(' AND ')} ORDER BY e.sequence DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    )) as { order_id: string; symbol: string; quantity: string; price: string; fee: string; payload: { fillId: string; liquidity: 'maker' | 'taker' }; at: Date; side: 'buy' | 'sell'; tag: string | null }[];
    const items: FillView[] = rows.map((r) => ({
      id: r.payload.fillId,
      orderId: r.order_id,
      accountId: account.id,
      symbol: r.symbol,
      side: r.side,
      quantity: new Dec(r.quantity).toFixed(),
      price: new Dec(r.price).toFixed(),
      fee: new Dec(r.fee).toFixed(),
      liquidity: r.payload.liquidity,
      tag: r.tag ?? null,
      at: new Date(r.at).toISOString(),
    }));
    if (q.format === 'csv') return { csv: CSV_HEADER + items.map(csvLine).join(''), rows: items.length };
    return { items, total, limit, offset };
  }

  async riskMetrics(ctx: RequestContext, q: RiskMetricsQueryDto): Promise<RiskMetricsResponse> {
    const account = await this.engine.resolveAccount(ctx, q.accountId);
    const timeframe = q.timeframe ?? '1h';
    const benchmark = q.benchmark ?? 'R_100';
    const periodsPerYear = timeframe === '1h' ? 252 * 24 : 252;
    const horizonPeriods = timeframe === '1h' ? 24 : 1;
    const equity = this.engine.equity(account.id);
    const notes: string[] = [];
    const open = this.engine.state.accountPositions(account.id).filter((p) => !p.quantity.isZero());
    const values = open.map((p) => ({ symbol: p.symbol, value: p.quantity.times(this.engine.lastPrice(p.symbol) ?? p.averagePrice) }));
    const gross = values.reduce((s, v) => s.plus(v.value.abs()), ZERO);
    const net = values.reduce((s, v) => s.plus(v.value), ZERO);
    const weights = values.map((v) => ({ symbol: v.symbol, weight: equity.isZero() ? 0 : v.value.div(equity).toNumber() }));

    // Historical returns of the held symbols (and the benchmark) on their common dates.
    const since = Date.now() - (timeframe === '1h' ? 30 : 365) * DAY_MS;
    const series = await Promise.all([...open.map((p) => p.symbol), benchmark].map((s) => this.candles.closes(s, timeframe, since)));
    const aligned = alignReturns(series);
    if (open.length === 0) notes.push('No open positions: exposure and VaR are zero or empty.');
    if (aligned.observations < 2) notes.push(`Too few common ${timeframe} candles of the held symbols and ${benchmark} for return statistics (${aligned.observations}).`);
    const curve = await this.equityCurve(ctx, { accountId: account.id, limit: 10_000 });
    if (curve.length < 3) notes.push('The equity curve has fewer than 3 samples yet: Sharpe, Sortino and drawdown need more history.');
    const metrics = portfolioRiskMetrics({
      weights: Float64Array.from(weights.map((w) => w.weight)),
      assetReturns: aligned.returns.slice(0, open.length),
      benchmarkReturns: aligned.returns[open.length],
      periodsPerYear,
      horizonPeriods,
      equityCurve: Float64Array.from(curve.map((c) => Number(c.equity))),
      equityPeriodsPerYear: (252 * DAY_MS) / this.config.equitySampleMs,
    });
    notes.push(`VaR and CVaR are one-day figures: ${timeframe} returns scaled by the square root of ${horizonPeriods} period(s) (an approximation that assumes independent returns).`);
    return {
      accountId: account.id,
      asOf: new Date().toISOString(),
      equity: decString(equity),
      grossExposure: decString(gross.toDecimalPlaces(8)),
      netExposure: decString(net.toDecimalPlaces(8)),
      leverage: equity.isZero() ? 0 : gross.div(equity).toNumber(),
      weights,
      returnsBasis: { timeframe, observations: metrics.observations, periodsPerYear, horizon: '1d' },
      annualisedVolatility: metrics.annualisedVolatility,
      var: metrics.var,
      cvar: metrics.cvar,
      beta: { benchmark, value: metrics.beta },
      equityCurve: { observations: metrics.equity.observations, maxDrawdown: metrics.equity.maxDrawdown, sharpe: metrics.equity.sharpe, sortino: metrics.equity.sortino },
      notes,
    };
  }

  async rebalance(ctx: RequestContext, dto: RebalanceDto): Promise<RebalanceResponse> {
    const account = await this.engine.resolveAccount(ctx, dto.accountId);
    const mode = dto.mode ?? 'preview';
    const minNotional = new Dec(dto.minTradeNotional ?? '10');
    const symbols = new Set(dto.targets.map((t) => t.symbol));
    if (symbols.size !== dto.targets.length) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: 'targets name a symbol twice', details: [{ field: 'targets', rules: { unique: 'each symbol once' } }] });
    const gross = dto.targets.reduce((s, t) => s + Math.abs(t.weight), 0);
    if (gross > 1 + 1e-9) throw new RpcFailure({ statusCode: 400, error: 'Bad Request', message: `targets add up to ${(gross * 100).toFixed(2)} % gross; at most 100 % without leverage`, details: [{ field: 'targets', rules: { maxGross: 'sum of |weight| ≤ 1' } }] });
    const targets = [...dto.targets];
    if (dto.closeOthers) for (const p of this.engine.state.accountPositions(account.id)) if (!p.quantity.isZero() && !symbols.has(p.symbol)) targets.push({ symbol: p.symbol, weight: 0 });
    const equity = this.engine.equity(account.id);
    const plans: RebalanceOrderPlan[] = [];
    for (const t of targets) {
      const price = this.engine.lastPrice(t.symbol);
      const position = this.engine.state.position(account.id, t.symbol).quantity;
      const currentValue = price ? position.times(price) : ZERO;
      const currentWeight = equity.isZero() ? 0 : currentValue.div(equity).toNumber();
      if (!price) {
        plans.push({ symbol: t.symbol, side: 'buy', quantity: '0', price: '0', currentWeight, targetWeight: t.weight, notional: '0', skipped: 'no live price for this symbol' });
        continue;
      }
      const targetQuantity = t.weight === 0 ? ZERO : equity.times(t.weight).div(price).toDecimalPlaces(REBALANCE_QUANTITY_DP, Dec.ROUND_DOWN);
      const delta = targetQuantity.minus(position);
      const notional = delta.abs().times(price);
      const plan: RebalanceOrderPlan = { symbol: t.symbol, side: delta.isNegative() ? 'sell' : 'buy', quantity: decString(delta.abs()), price: decString(price), currentWeight, targetWeight: t.weight, notional: decString(notional.toDecimalPlaces(2)) };
      if (delta.isZero()) plan.skipped = 'already at target';
      else if (notional.lessThan(minNotional)) plan.skipped = `below the minimum trade of ${minNotional}`;
      plans.push(plan);
    }
    // Sells first, so the cash they free is there for the buys.
    plans.sort((a, b) => (a.side === b.side ? 0 : a.side === 'sell' ? -1 : 1));
    if (mode === 'execute') {
      const batch = randomUUID().slice(0, 8);
      for (const plan of plans) {
        if (plan.skipped) continue;
        try {
          const r = await this.engine.createOrder(
            { symbol: plan.symbol, side: plan.side, type: 'market', quantity: plan.quantity, clientOrderId: `rebalance-${batch}-${plan.symbol}`, accountId: account.id, tag: 'rebalance' },
            ctx,
          );
          plan.result = { orderId: r.order.id, status: r.order.status, rejectCheck: null, rejectReason: null };
        } catch (err) {
          if (!(err instanceof RpcFailure) || err.body.statusCode !== 422) throw err;
          const [check] = Object.keys(err.body.details?.[0]?.rules ?? {});
          plan.result = { orderId: String(err.body.details?.[1]?.rules?.recorded ?? ''), status: 'rejected', rejectCheck: check ?? null, rejectReason: err.body.message };
        }
      }
    }
    return { accountId: account.id, mode, equity: decString(equity.toDecimalPlaces(2)), orders: plans };
  }
}

const CSV_HEADER = 'fill_id,order_id,symbol,side,quantity,price,fee,liquidity,tag,at\n';
const csvCell = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (f: FillView) => [f.id, f.orderId, f.symbol, f.side, f.quantity, f.price, f.fee, f.liquidity, f.tag, f.at].map(csvCell).join(',') + '\n';

/** Simple returns of several close series on the dates they all share. */
export function alignReturns(series: readonly { times: Float64Array; closes: Float64Array }[]): { observations: number; returns: Float64Array[] } {
  if (series.length === 0) return { observations: 0, returns: [] };
  const maps = series.map((s) => {
    const m = new Map<number, number>();
    for (let i = 0; i < s.times.length; i++) m.set(s.times[i], s.closes[i]);
    return m;
  });
  const common = [...maps[0].keys()].filter((t) => maps.every((m) => m.has(t))).sort((a, b) => a - b);
  const n = Math.max(0, common.length - 1);
  const returns = maps.map((m) => {
    const r = new Float64Array(n);
    for (let i = 1; i < common.length; i++) r[i - 1] = (m.get(common[i]) as number) / (m.get(common[i - 1]) as number) - 1;
    return r;
  });
  return { observations: n, returns };
}
