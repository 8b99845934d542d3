import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CandleColumns, CandlePage, CorrelationResponse, InstrumentView, LiveDataResponse, LiveQuote, MarketTimeframe } from '@meridian/contracts';
import type { CandleColumnsQueryDto, CorrelationQueryDto, LiveDataQueryDto } from '@meridian/contracts/dto';
import { correlationMatrix, rollingCorrelation, type PriceSeries } from '@meridian/market-data';
import { CandleStore } from './candle-store';
import { InstrumentEntity } from './market-data.entities';
import { HistoryBackfillService } from './history-backfill.service';
import { candleView, MarketFeedService } from './market-feed.service';

const DAY_MS = 86_400_000;
const STATS_TTL_MS = 15_000;

/** Reads of market data: quotes with 24 h statistics, candle pages, correlations. */
@Injectable()
export class MarketsService {
  private stats: { at: number; values: Map<string, { open: number; high: number; low: number }> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CandleStore,
    private readonly feed: MarketFeedService,
    private readonly backfill: HistoryBackfillService,
  ) {}

  async instruments(): Promise<InstrumentView[]> {
    const rows = await this.dataSource.getRepository(InstrumentEntity).find({ order: { live: 'DESC', symbol: 'ASC' } });
    return rows.map((r) => ({ symbol: r.symbol, displayName: r.displayName, type: r.type, decimals: r.decimals, pipSize: Number(r.pipSize), venue: r.venue, live: r.live }));
  }

  async liveData(q: LiveDataQueryDto): Promise<LiveDataResponse> {
    const instruments = await this.dataSource.getRepository(InstrumentEntity).find({ order: { symbol: 'ASC' } });
    const stats = await this.stats24h();
    const historyOnly = instruments.filter((i) => !i.live || !this.feed.latest(i.symbol)).map((i) => i.symbol);
    const daily = await this.store.lastDaily(historyOnly);
    const quotes: LiveQuote[] = [];
    for (const i of instruments) {
      const tick = this.feed.latest(i.symbol);
      if (tick) {
        const s = stats.get(i.symbol);
        const building = this.feed.buildingCandle(i.symbol, '1m');
        const high = Math.max(s?.high ?? -Infinity, building?.high ?? -Infinity, tick.quote);
        const low = Math.min(s?.low ?? Infinity, building?.low ?? Infinity, tick.quote);
        const open = s?.open ?? building?.open ?? null;
        quotes.push({
          symbol: i.symbol, displayName: i.displayName, decimals: i.decimals, price: tick.quote, epochMs: tick.epochMs,
          change24h: open === null ? null : round(tick.quote - open, i.decimals),
          changePct24h: open ? round((100 * (tick.quote - open)) / open, 4) : null,
          high24h: high, low24h: low,
        });
      } else {
        const d = daily.get(i.symbol);
        if (!d) continue;
        quotes.push({
          symbol: i.symbol, displayName: i.displayName, decimals: i.decimals, price: d.close, epochMs: d.time,
          change24h: d.prevClose === null ? null : round(d.close - d.prevClose, 10),
          changePct24h: d.prevClose ? round((100 * (d.close - d.prevClose)) / d.prevClose, 4) : null,
          high24h: d.high, low24h: d.low,
        });
      }
    }
    const response: LiveDataResponse = { quotes };
    if (q.symbol) response.candles = await this.candles(q.symbol, q.timeframe ?? '1m', q);
    return response;
  }

  async candles(symbol: string, timeframe: MarketTimeframe, q: LiveDataQueryDto): Promise<CandlePage> {
    const limit = q.limit ?? 500;
    const fromMs = q.from ? Date.parse(q.from) : undefined;
    const toMs = q.to ? Date.parse(q.to) : undefined;
    if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) throw new BadRequestException('from must be before to');
    const { items, hasMore } = await this.store.page(symbol, timeframe, { fromMs, toMs, beforeMs: q.before, limit });
    // The candle being built lives in memory between flushes; the newest page shows it as it is now.
    const building = this.feed.buildingCandle(symbol, timeframe);
    if (building && q.before === undefined && (toMs === undefined || building.openTimeMs < toMs)) {
      const live = candleView(building, false);
      if (items.length && items[items.length - 1].time === live.time) items[items.length - 1] = live;
      else if (!items.length || items[items.length - 1].time < live.time) items.push(live);
    }
    const page: CandlePage = { symbol, timeframe, items, nextBefore: hasMore && items.length ? items[0].time : null };
    if (q.before === undefined && this.backfill.isBackfilling(symbol)) page.backfilling = true;
    return page;
  }

  /** Up to 2,000,000 stored candles of a symbol as columns (for backtests). */
  candleColumns(q: CandleColumnsQueryDto): Promise<CandleColumns> {
    const from = q.from ? Date.parse(q.from) : undefined;
    const to = q.to ? Date.parse(q.to) : undefined;
    if (from !== undefined && to !== undefined && from >= to) throw new BadRequestException('from must be before to');
    return this.store.columns(q.symbol, q.timeframe ?? '1d', from, to, q.limit ?? 2_000_000);
  }

  async correlations(q: CorrelationQueryDto): Promise<CorrelationResponse> {
    const symbols = [...new Set(q.symbols.split(','))];
    if (symbols.length < 2) throw new BadRequestException('symbols must name at least two different symbols');
    if (q.window !== undefined && symbols.length !== 2) throw new BadRequestException('window needs exactly two symbols');
    const timeframe = q.timeframe ?? '1d';
    const fromMs = q.from ? Date.parse(q.from) : undefined;
    const toMs = q.to ? Date.parse(q.to) : undefined;
    const series: PriceSeries[] = [];
    for (const symbol of symbols) {
      const { times, closes } = await this.store.closes(symbol, timeframe, fromMs, toMs);
      if (times.length === 0) throw new BadRequestException(`No ${timeframe} candles for ${symbol} in that period`);
      series.push({ symbol, times, closes });
    }
    const m = correlationMatrix(series);
    if (m.observations < 2) throw new BadRequestException(`The symbols share ${m.observations + 1} ${timeframe} dates; at least 3 are needed`);
    const response: CorrelationResponse = {
      symbols: m.symbols,
      matrix: m.matrix.map((row) => row.map((v) => (Number.isFinite(v) ? v : Number.NaN))),
      observations: m.observations,
      timeframe,
      from: q.from ?? null,
      to: q.to ?? null,
    };
    if (q.window !== undefined) {
      const r = rollingCorrelation(series[0], series[1], q.window);
      response.rolling = { window: q.window, points: Array.from(r.times, (t, i) => ({ time: t, value: Number.isFinite(r.values[i]) ? r.values[i] : null })) };
    }
    return response;
  }

  private async stats24h() {
    if (!this.stats || Date.now() - this.stats.at > STATS_TTL_MS) {
      this.stats = { at: Date.now(), values: await this.store.stats24h(Date.now() - DAY_MS) };
    }
    return this.stats.values;
  }
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
