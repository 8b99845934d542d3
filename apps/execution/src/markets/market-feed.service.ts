import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MARKET_CHANNELS, type CandleView, type MarketStreamServerFrame } from '@meridian/contracts';
import { CandleAggregator, type Candle, type MarketVenue, type Tick, type Timeframe } from '@meridian/market-data';
import type { Logger } from '@meridian/observability';
import { PublishBatcher } from '@meridian/messaging';
import { LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { CandleStore } from './candle-store';
import { InstrumentEntity } from './market-data.entities';
import { PriceAlertsService } from './price-alerts.service';
import { MARKET_VENUE } from './venue.provider';

const FLUSH_EVERY_MS = 1_000;

export function candleView(c: Candle, closed: boolean): CandleView {
  return { time: c.openTimeMs, open: c.open, high: c.high, low: c.low, close: c.close, volume: null, tickCount: c.tickCount, closed };
}

/**
 * The live feed: venue ticks → latest prices, candles of every timeframe (persisted each second,
 * the building one included), price alerts, and Redis pub/sub for the gateway's market stream.
 */
@Injectable()
export class MarketFeedService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly latestTicks = new Map<string, Tick>();
  private readonly aggregator = new CandleAggregator();
  private readonly building = new Map<string, Candle>();
  private pendingClosed: Candle[] = [];
  private pendingBuilding = new Map<string, Candle>();
  private stop: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;
  private readonly tickChannel: string;
  private readonly candleChannel: string;
  /** Every tick and candle frame of one venue pump goes to Redis in one write (see PublishBatcher). */
  private readonly frames: PublishBatcher;
  ticksReceived = 0;
  private readonly tickListeners: ((tick: Tick) => void)[] = [];
  private readonly closedCandleListeners: ((candle: Candle) => void)[] = [];

  constructor(
    @Inject(MARKET_VENUE) private readonly venue: MarketVenue,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly store: CandleStore,
    private readonly alerts: PriceAlertsService,
  ) {
    this.tickChannel = `${runtime.config.namespace}:${MARKET_CHANNELS.ticks}`;
    this.candleChannel = `${runtime.config.namespace}:${MARKET_CHANNELS.candles}`;
    // Live frames are best effort while Redis is away (the stream resumes with fresh prices).
    this.frames = new PublishBatcher(runtime.redis, (err) => this.logger.debug({ err }, 'market frames not published'));
  }

  async onApplicationBootstrap(): Promise<void> {
    const instruments = await this.venue.instruments();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(InstrumentEntity)
      .values(instruments.map((i) => ({ symbol: i.symbol, displayName: i.displayName, type: i.type, decimals: i.decimals, pipSize: String(i.pipSize), venue: this.venue.name, live: true })))
      .orUpdate(['display_name', 'type', 'decimals', 'pip_size', 'venue', 'live', 'updated_at'], ['symbol'])
      .execute();
    this.stop = await this.venue.subscribeTicks(instruments.map((i) => i.symbol), (tick) => this.onTick(tick));
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
    this.logger.info({ symbols: instruments.length, venue: this.venue.name }, `market feed started: ${instruments.length} instruments`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.stop?.().catch(() => undefined);
    await this.flush();
    await this.venue.close().catch(() => undefined);
  }

  /** Other parts of execution that act on every tick (the paper venue's matching). */
  addTickListener(listener: (tick: Tick) => void): void {
    this.tickListeners.push(listener);
  }

  /** Parts of execution that act on every closed candle (deployed strategies). */
  addClosedCandleListener(listener: (candle: Candle) => void): void {
    this.closedCandleListeners.push(listener);
  }

  private closed(candle: Candle): void {
    for (const listener of this.closedCandleListeners) listener(candle);
  }

  latest(symbol: string): Tick | undefined {
    return this.latestTicks.get(symbol);
  }

  allLatest(): Tick[] {
    return [...this.latestTicks.values()];
  }

  /** The candle still being built for a symbol and timeframe, if any. */
  buildingCandle(symbol: string, timeframe: Timeframe): Candle | undefined {
    return this.building.get(`${symbol}|${timeframe}`);
  }

  onTick(tick: Tick): void {
    this.ticksReceived++;
    this.latestTicks.set(tick.symbol, tick);
    this.frames.publish(this.tickChannel, JSON.stringify({ type: 'tick', symbol: tick.symbol, price: tick.quote, epochMs: tick.epochMs, publishedAt: Date.now() } satisfies MarketStreamServerFrame));
    for (const event of this.aggregator.push(tick)) {
      const c = event.candle;
      const key = `${c.symbol}|${c.timeframe}`;
      if (event.type === 'closed') {
        this.closed(c);
        this.pendingClosed.push(c);
        this.building.delete(key);
        this.pendingBuilding.delete(key);
      } else {
        this.building.set(key, c);
        this.pendingBuilding.set(key, c);
      }
      const frame: MarketStreamServerFrame = { type: 'candle', symbol: c.symbol, timeframe: c.timeframe, candle: candleView(c, event.type === 'closed') };
      this.frames.publish(this.candleChannel, JSON.stringify(frame));
    }
    this.alerts.onTick(tick);
    for (const listener of this.tickListeners) listener(tick);
  }

  /** Writes closed candles and the ones being built; on failure they are kept for the next try. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    for (const e of this.aggregator.flush(Date.now())) {
      if (e.type !== 'closed') continue;
      this.closed(e.candle);
      this.pendingClosed.push(e.candle);
      this.building.delete(`${e.candle.symbol}|${e.candle.timeframe}`);
      this.pendingBuilding.delete(`${e.candle.symbol}|${e.candle.timeframe}`);
    }
    const closed = this.pendingClosed;
    const building = [...this.pendingBuilding.values()];
    this.pendingClosed = [];
    this.pendingBuilding = new Map();
    try {
      await this.store.upsertLive([...closed.map((c) => ({ ...c, closed: true })), ...building.map((c) => ({ ...c, closed: false }))]);
    } catch (err) {
      this.pendingClosed.unshift(...closed);
      for (const c of building) if (!this.pendingBuilding.has(`${c.symbol}|${c.timeframe}`)) this.pendingBuilding.set(`${c.symbol}|${c.timeframe}`, c);
      this.logger.warn({ err }, 'could not store candles; will retry');
    } finally {
      this.flushing = false;
    }
  }
}
