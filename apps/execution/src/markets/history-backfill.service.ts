import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { resampleCandles, TIMEFRAME_MS, type Candle, type MarketVenue, type Timeframe } from '@meridian/market-data';
import type { Logger } from '@meridian/observability';
import { z } from 'zod';
import { LOGGER, parseEnv, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { MarketFeedService } from './market-feed.service';
import { MARKET_VENUE } from './venue.provider';

const backfillEnv = z.object({ HISTORY_BACKFILL: z.enum(['on', 'off']).default('on') });

/** How much history a fresh platform fetches per live symbol (1d is resampled from 1h). */
const DEPTH: [Timeframe, number][] = [['1m', 500], ['5m', 500], ['15m', 400], ['1h', 240]];

/**
 * Fills the candle table with the venue's history for every live symbol, in the background after
 * start (a fresh platform has charts at once; later starts only fetch what is missing). Existing
 * candles win: history never overwrites what the live feed stored.
 */
@Injectable()
export class HistoryBackfillService implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  private running: Promise<void> | null = null;
  /** Symbols whose history is still being fetched: their charts are told to ask again. */
  private readonly pending = new Set<string>();

  constructor(
    @Inject(MARKET_VENUE) private readonly venue: MarketVenue,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly feed: MarketFeedService,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
  ) {}

  onApplicationBootstrap(): void {
    if (parseEnv(backfillEnv, this.runtime.env).HISTORY_BACKFILL === 'off') {
      this.logger.info('history backfill: off (HISTORY_BACKFILL=off); charts start with the live candles only');
      return;
    }
    this.running = this.run()
      .catch((err) => this.logger.warn({ err }, 'history backfill stopped'))
      .finally(() => this.pending.clear());
  }

  /** True while the symbol's history has not landed yet (its first chart page is incomplete). */
  isBackfilling(symbol: string): boolean {
    return this.pending.has(symbol);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async run(): Promise<void> {
    const started = Date.now();
    const symbols = (await this.venue.instruments()).map((i) => i.symbol);
    for (const symbol of symbols) this.pending.add(symbol);
    let stored = 0;
    for (const symbol of symbols) {
      // The venue's clock may run faster than ours (a demo speed): "now" is its latest tick.
      const now = await this.latestTickTime(symbol);
      if (now === null) continue;
      for (const [timeframe, count] of DEPTH) {
        if (this.stopped) return;
        const size = TIMEFRAME_MS[timeframe];
        const to = Math.floor(now / size) * size; // the building candle is the live feed's
        const from = to - count * size;
        if ((await this.countStored(symbol, timeframe, from, to)) >= count * 0.9) continue;
        const candles = await this.venue.candleHistory(symbol, timeframe, from, to);
        stored += await this.insert(candles);
        if (timeframe === '1h') {
          const dayEnd = Math.floor(now / TIMEFRAME_MS['1d']) * TIMEFRAME_MS['1d'];
          stored += await this.insert(resampleCandles(candles, '1d').filter((c) => c.closeTimeMs <= dayEnd && c.openTimeMs >= candles[0]?.openTimeMs));
        }
      }
      this.pending.delete(symbol);
    }
    this.logger.info({ stored, symbols: symbols.length, ms: Date.now() - started }, `history backfill: ${stored} candles stored`);
  }

  private async latestTickTime(symbol: string): Promise<number | null> {
    for (let i = 0; i < 100 && !this.stopped; i++) {
      const tick = this.feed.latest(symbol);
      if (tick) return tick.epochMs;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }

  private async countStored(symbol: string, timeframe: Timeframe, from: number, to: number): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM candles WHERE symbol = $1 AND timeframe = $2 AND open_time >= $3 AND open_time < $4',
      [symbol, timeframe, new Date(from), new Date(to)],
    );
    return n;
  }

  private async insert(candles: readonly Candle[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < candles.length; i += 500) {
      const chunk = candles.slice(i, i + 500);
      const values: unknown[] = [];
      const rows = chunk.map((c, j) => {
        const b = j * 8;
        values.push(c.symbol, c.timeframe, new Date(c.openTimeMs), c.open, c.high, c.low, c.close, c.tickCount);
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, true, 'venue-history')`;
      });
      const result = await this.dataSource.query(
        `INSERT INTO candles (symbol, timeframe, open_time, open, high, low, close, tick_count, closed, source) VALUES ${rows.join(', ')}
         ON CONFLICT (symbol, timeframe, open_time) DO NOTHING`,
        values,
      );
      inserted += Array.isArray(result) && typeof result[1] === 'number' ? result[1] : chunk.length;
    }
    return inserted;
  }
}
