import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Tick } from '@meridian/market-data';
import type { Logger } from '@meridian/observability';
import { LOGGER } from '@meridian/service-kit';
import { Dec, expiryTime, isOpen, matchOrder, nextTrailAnchor, type Order } from '@meridian/trading';
import { MarketFeedService } from '../markets/market-feed.service';
import { TRADING_CONFIG, type TradingConfig } from './trading-config';
import { TradingEngine } from './trading-engine.service';

const EXPIRY_SWEEP_MS = 1_000;

/**
 * The simulated venue's matching engine (paper trading): an accepted order arrives after the
 * configured latency and is matched against the last price, then against every tick of its symbol
 * (libs/trading's matchOrder decides; the engine records). Decisions are made on the tick, the
 * recording is queued on the trading sequencer, and an order is never queued twice at once.
 */
@Injectable()
export class PaperVenueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly arrived = new Set<string>();
  private readonly inFlight = new Set<string>();
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly engine: TradingEngine,
    private readonly feed: MarketFeedService,
    @Inject(TRADING_CONFIG) private readonly config: TradingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // Orders that were open before a restart have long arrived.
    for (const o of this.engine.state.openOrders()) this.arrived.add(o.id);
    this.engine.addListener({
      accepted: (order) => this.scheduleArrival(order),
      closed: (order) => this.arrived.delete(order.id),
    });
    this.feed.addTickListener((tick) => this.onTick(tick));
    this.sweep = setInterval(() => this.expireDue(), EXPIRY_SWEEP_MS);
    this.sweep.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  /** Orders of Deriv accounts execute on Deriv (the Deriv bridge), not here. */
  private isPaper(order: Order): boolean {
    return this.engine.state.accounts.get(order.accountId)?.venue !== 'deriv';
  }

  private scheduleArrival(order: Order): void {
    if (order.role === 'algo-parent' || !this.isPaper(order)) return;
    const arrive = () => {
      this.arrived.add(order.id);
      const price = this.engine.lastPrice(order.symbol);
      if (price) this.evaluate(order.id, price, true);
    };
    if (this.config.fillModel.latencyMs > 0) setTimeout(arrive, this.config.fillModel.latencyMs).unref();
    else queueMicrotask(arrive);
  }

  private onTick(tick: Tick): void {
    const orders = this.engine.state.openOrders({ symbol: tick.symbol });
    if (orders.length === 0) return;
    const price = new Dec(String(tick.quote));
    for (const order of orders) {
      if (order.role === 'algo-parent' || !this.arrived.has(order.id) || !this.isPaper(order)) continue;
      if (order.type === 'trailing-stop' && order.triggeredAt === undefined) order.trailAnchor = nextTrailAnchor(order, price);
      this.evaluate(order.id, price, false);
    }
  }

  private evaluate(orderId: string, price: Dec, arrival: boolean): void {
    if (this.inFlight.has(orderId)) return;
    const order = this.engine.state.orders.get(orderId);
    if (!order || !isOpen(order) || order.status === 'new') return;
    if (order.type === 'trailing-stop' && !order.trailAnchor) order.trailAnchor = price;
    const outcome = matchOrder(order, price, this.config.fillModel, arrival);
    if (outcome.kind === 'none') return;
    this.inFlight.add(orderId);
    void this.engine
      .serial(() => this.engine.applyMatch(orderId, outcome, price))
      .then(() => {
        this.inFlight.delete(orderId);
        // A triggered stop is evaluated again at once, as the market or limit order it became.
        if (outcome.kind === 'trigger') this.evaluate(orderId, price, true);
      })
      .catch((err) => {
        this.inFlight.delete(orderId);
        this.logger.warn({ err, orderId }, 'could not record a paper fill; the next tick tries again');
      });
  }

  private expireDue(): void {
    const now = Date.now();
    const due = this.engine.state.openOrders().filter((o) => {
      const at = expiryTime(o);
      return at !== undefined && at <= now;
    });
    if (due.length === 0) return;
    void this.engine
      .serial(() => this.engine.expire(due.map((o) => o.id), 'time in force ended'))
      .catch((err) => this.logger.warn({ err }, 'could not expire orders; retrying on the next sweep'));
  }
}
