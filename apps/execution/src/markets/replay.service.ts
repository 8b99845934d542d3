import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MARKET_CHANNELS, type MarketStreamServerFrame, type ReplayView, type RequestContext } from '@meridian/contracts';
import type { ReplayStartDto } from '@meridian/contracts/dto';
import { CandleAggregator, TIMEFRAME_MS, type Candle, type Timeframe } from '@meridian/market-data';
import { PublishBatcher } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { ReplayVenue } from '@meridian/venues';
import { candleView } from './market-feed.service';

const MAX_ACTIVE = 5;
const KEEP_FINISHED = 20;

interface Replay {
  view: ReplayView;
  venue: ReplayVenue;
  stop: (() => Promise<void>) | null;
}

/**
 * Replays stored candles (imported history, or what the feed recorded) as a live feed on the
 * market stream, under `<symbol>.replay`, so charts, alerts and later strategies can be watched
 * against real data at any speed. Replays are not stored as candles.
 */
@Injectable()
export class ReplayService implements OnApplicationShutdown {
  private readonly replays = new Map<string, Replay>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async start(cmd: ReplayStartDto, ctx: RequestContext): Promise<ReplayView> {
    const by = ctx.principal?.userId;
    if (!by) throw new ForbiddenException('A replay is started by a user');
    if ([...this.replays.values()].filter((r) => r.view.state === 'playing').length >= MAX_ACTIVE) {
      throw new ConflictException(`At most ${MAX_ACTIVE} replays play at once; stop one first`);
    }
    const timeframe = (cmd.timeframe ?? '1d') as Timeframe;
    const [range] = await this.dataSource.query(
      `SELECT (extract(epoch FROM min(open_time)) * 1000)::float8 AS first, (extract(epoch FROM max(open_time)) * 1000)::float8 AS last, count(*)::int AS n
         FROM candles WHERE symbol = $1 AND timeframe = $2 AND closed`,
      [cmd.symbol, timeframe],
    );
    if (!range?.n) throw new BadRequestException(`No stored ${timeframe} candles for ${cmd.symbol}; import history first`);
    const fromMs = cmd.from ? Date.parse(cmd.from) : Number(range.first);
    const toMs = cmd.to ? Date.parse(cmd.to) : Number(range.last) + TIMEFRAME_MS[timeframe];
    if (!(toMs > fromMs)) throw new BadRequestException('to must be after from');
    const speed = cmd.speed ?? 86_400;
    const id = randomUUID();
    const streamSymbol = `${cmd.symbol}.replay`;
    const view: ReplayView = {
      id, symbol: cmd.symbol, streamSymbol, timeframe, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), speed,
      state: 'playing', ticksSent: 0, startedBy: by, startedAt: new Date().toISOString(),
    };
    const venue = new ReplayVenue({
      loadCandles: (symbol, tf, from, to) => this.load(symbol, tf, from, to),
      timeframe, fromMs, toMs, speed, tickMode: 'ohlc',
      instruments: [{ symbol: cmd.symbol, displayName: `${cmd.symbol} (replay)`, decimals: 10, pipSize: 1e-10, type: 'replay', tradingOpen: true }],
      onError: (err) => this.logger.warn({ err, replay: id }, 'replay error'),
    });
    const replay: Replay = { view, venue, stop: null };
    this.replays.set(id, replay);
    const aggregator = new CandleAggregator({ timeframes: [timeframe] });
    const ns = this.runtime.config.namespace;
    const frames = new PublishBatcher(this.runtime.redis, (err) => this.logger.debug({ err, replay: id }, 'replay frames not published'));
    venue.onStatus?.((status) => {
      if (status.state === 'closed' && view.state === 'playing') {
        view.state = 'finished';
        this.logger.info({ replay: id, ticks: view.ticksSent }, `replay of ${cmd.symbol} finished`);
        this.forgetOld();
      }
    });
    replay.stop = await venue.subscribeTicks([cmd.symbol], (tick) => {
      view.ticksSent++;
      const frame: MarketStreamServerFrame = { type: 'tick', symbol: streamSymbol, price: tick.quote, epochMs: tick.epochMs, publishedAt: Date.now() };
      frames.publish(`${ns}:${MARKET_CHANNELS.ticks}`, JSON.stringify(frame));
      for (const e of aggregator.push({ ...tick, symbol: streamSymbol })) {
        const c: MarketStreamServerFrame = { type: 'candle', symbol: streamSymbol, timeframe, candle: candleView(e.candle, e.type === 'closed') };
        frames.publish(`${ns}:${MARKET_CHANNELS.candles}`, JSON.stringify(c));
      }
    });
    this.logger.info({ replay: id, symbol: cmd.symbol, speed }, `replay of ${cmd.symbol} started`);
    return { ...view };
  }

  list(): ReplayView[] {
    return [...this.replays.values()].map((r) => ({ ...r.view }));
  }

  async stop(id: string): Promise<ReplayView> {
    const replay = this.replays.get(id);
    if (!replay) throw new NotFoundException(`No replay ${id}`);
    if (replay.view.state === 'playing') replay.view.state = 'stopped';
    await replay.stop?.();
    await replay.venue.close();
    return { ...replay.view };
  }

  async onApplicationShutdown(): Promise<void> {
    for (const r of this.replays.values()) await r.venue.close().catch(() => undefined);
  }

  private async load(symbol: string, timeframe: Timeframe, fromMs: number, toMs: number): Promise<Candle[]> {
    const rows: { t: number; o: number; h: number; l: number; c: number; n: number }[] = await this.dataSource.query(
      `SELECT (extract(epoch FROM open_time) * 1000)::float8 AS t, open::float8 AS o, high::float8 AS h, low::float8 AS l, close::float8 AS c, tick_count AS n
         FROM candles WHERE symbol = $1 AND timeframe = $2 AND closed AND open_time >= $3 AND open_time < $4 ORDER BY open_time`,
      [symbol, timeframe, new Date(fromMs), new Date(toMs)],
    );
    const size = TIMEFRAME_MS[timeframe];
    return rows.map((r) => ({ symbol, timeframe, openTimeMs: Number(r.t), closeTimeMs: Number(r.t) + size, open: r.o, high: r.h, low: r.l, close: r.c, tickCount: Number(r.n) }));
  }

  private forgetOld(): void {
    const done = [...this.replays.values()].filter((r) => r.view.state !== 'playing');
    for (const r of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) this.replays.delete(r.view.id);
  }
}
