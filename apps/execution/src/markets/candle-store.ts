import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Candle, Timeframe } from '@meridian/market-data';
import type { CandleColumns, CandleView } from '@meridian/contracts';

export interface StoredCandleRow {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  tickCount: number;
  closed: boolean;
}

/** Candles in PostgreSQL (NUMERIC prices, read back as numbers for charts and analytics). */
@Injectable()
export class CandleStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Upserts live candles. A candle seen again (the one still building, or the same bucket after a
   * restart) keeps the widest range and the latest close.
   */
  async upsertLive(candles: readonly (Candle & { closed: boolean })[]): Promise<void> {
    if (candles.length === 0) return;
    const values: unknown[] = [];
    const rows = candles.map((c, i) => {
      const b = i * 9;
      values.push(c.symbol, c.timeframe, new Date(c.openTimeMs), c.open, c.high, c.low, c.close, c.tickCount, c.closed);
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, 'live')`;
    });
    await this.dataSource.query(
      `INSERT INTO candles (symbol, timeframe, open_time, open, high, low, close, tick_count, closed, source)
       VALUES ${rows.join(', ')}
       ON CONFLICT (symbol, timeframe, open_time) DO UPDATE SET
         high = GREATEST(candles.high, EXCLUDED.high),
         low = LEAST(candles.low, EXCLUDED.low),
         close = EXCLUDED.close,
         tick_count = GREATEST(candles.tick_count, EXCLUDED.tick_count),
         closed = candles.closed OR EXCLUDED.closed`,
      values,
    );
  }

  /** A page of candles, oldest first, ending before `beforeMs` (exclusive) within [fromMs, toMs). */
  async page(symbol: string, timeframe: Timeframe, opts: { fromMs?: number; toMs?: number; beforeMs?: number; limit: number }): Promise<{ items: CandleView[]; hasMore: boolean }> {
    const conditions = ['symbol = $1', 'timeframe = $2'];
    const params: unknown[] = [symbol, timeframe];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (opts.fromMs !== undefined) add('open_time >= ?', new Date(opts.fromMs));
    if (opts.toMs !== undefined) add('open_time < ?', new Date(opts.toMs));
    if (opts.beforeMs !== undefined) add('open_time < ?', new Date(opts.beforeMs));
    params.push(opts.limit + 1);
    const rows: Record<string, string | number | boolean | Date | null>[] = await this.dataSource.query(
      `SELECT open_time, open::float8 AS open, high::float8 AS high, low::float8 AS low, close::float8 AS close,
              volume::float8 AS volume, tick_count, closed
         FROM candles WHERE ${conditions.join(' AND ')} ORDER BY open_time DESC LIMIT $${params.length}`,
      params,
    );
    const hasMore = rows.length > opts.limit;
    const items = rows.slice(0, opts.limit).reverse().map(toView);
    return { items, hasMore };
  }

  /** Closes of closed candles, oldest first, for analytics. */
  async closes(symbol: string, timeframe: Timeframe, fromMs?: number, toMs?: number): Promise<{ times: Float64Array; closes: Float64Array }> {
    const params: unknown[] = [symbol, timeframe];
    let where = 'symbol = $1 AND timeframe = $2 AND closed';
    if (fromMs !== undefined) {
      params.push(new Date(fromMs));
      where += ` AND open_time >= $${params.length}`;
    }
    if (toMs !== undefined) {
      params.push(new Date(toMs));
      where += ` AND open_time < $${params.length}`;
    }
    const rows: { t: string; c: number }[] = await this.dataSource.query(
      `SELECT (extract(epoch FROM open_time) * 1000)::float8 AS t, close::float8 AS c FROM candles WHERE ${where} ORDER BY open_time`,
      params,
    );
    const times = new Float64Array(rows.length);
    const closes = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      times[i] = Number(r.t);
      closes[i] = Number(r.c);
    });
    return { times, closes };
  }

  /** Closed candles as columns (oldest first), for backtests; at most `limit` of the latest in the range. */
  async columns(symbol: string, timeframe: Timeframe, fromMs: number | undefined, toMs: number | undefined, limit: number): Promise<CandleColumns> {
    const params: unknown[] = [symbol, timeframe];
    let where = 'symbol = $1 AND timeframe = $2 AND closed';
    if (fromMs !== undefined) {
      params.push(new Date(fromMs));
      where += ` AND open_time >= $${params.length}`;
    }
    if (toMs !== undefined) {
      params.push(new Date(toMs));
      where += ` AND open_time < $${params.length}`;
    }
    params.push(limit);
    const rows: { t: number; o: number; h: number; l: number; c: number; v: number | null }[] = await this.dataSource.query(
      `SELECT * FROM (SELECT (extract(epoch FROM open_time) * 1000)::float8 AS t, open::float8 AS o, high::float8 AS h, low::float8 AS l, close::float8 AS c, volume::float8 AS v
         FROM candles WHERE ${where} ORDER BY open_time DESC LIMIT $${params.length}) s ORDER BY t`,
      params,
    );
    return {
      symbol,
      timeframe,
      time: rows.map((r) => Number(r.t)),
      open: rows.map((r) => Number(r.o)),
      high: rows.map((r) => Number(r.h)),
      low: rows.map((r) => Number(r.l)),
      close: rows.map((r) => Number(r.c)),
      volume: rows.map((r) => (r.v === null ? 0 : Number(r.v))),
    };
  }

  /** Open 24 h ago, high and low over 24 h, per symbol, from the 1m candles. */
  async stats24h(sinceMs: number): Promise<Map<string, { open: number; high: number; low: number }>> {
    const rows: { symbol: string; open: number; high: number; low: number }[] = await this.dataSource.query(
      `SELECT symbol, (array_agg(open ORDER BY open_time))[1]::float8 AS open, max(high)::float8 AS high, min(low)::float8 AS low
         FROM candles WHERE timeframe = '1m' AND open_time >= $1 GROUP BY symbol`,
      [new Date(sinceMs)],
    );
    return new Map(rows.map((r) => [r.symbol, { open: Number(r.open), high: Number(r.high), low: Number(r.low) }]));
  }

  /** Last daily close of instruments that only have history (imported). */
  async lastDaily(symbols: readonly string[]): Promise<Map<string, { time: number; close: number; prevClose: number | null; high: number; low: number }>> {
    if (symbols.length === 0) return new Map();
    const rows: { symbol: string; t: string; close: number; prev: number | null; high: number; low: number }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (symbol) symbol, (extract(epoch FROM open_time) * 1000)::float8 AS t, close::float8 AS close,
              lag(close) OVER (PARTITION BY symbol ORDER BY open_time)::float8 AS prev, high::float8 AS high, low::float8 AS low
         FROM candles WHERE timeframe = '1d' AND symbol = ANY($1) ORDER BY symbol, open_time DESC`,
      [symbols],
    );
    return new Map(rows.map((r) => [r.symbol, { time: Number(r.t), close: Number(r.close), prevClose: r.prev === null ? null : Number(r.prev), high: Number(r.high), low: Number(r.low) }]));
  }
}

function toView(r: Record<string, string | number | boolean | Date | null>): CandleView {
  return {
    time: (r.open_time as Date).getTime(),
    open: Number(r.open),
    high: Number(r.high),
    low: Number(r.low),
    close: Number(r.close),
    volume: r.volume === null ? null : Number(r.volume),
    tickCount: Number(r.tick_count),
    closed: Boolean(r.closed),
  };
}
