import { DataSource, type EntityManager } from 'typeorm';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import type { ImportResult, MarketTimeframe } from '@meridian/contracts';
import { currentContext, type Logger } from '@meridian/observability';
import { LOGGER } from '@meridian/service-kit';
import type { ImportAbortDto, ImportBeginDto } from './history-import.dto';
import type { ImportAppendPayload } from './import-append.pipe';

/** A staging import untouched (no begin or append) for this long is abandoned and cleaned up. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export interface ImportBegun {
  importId: string;
}

export interface ImportAppended {
  importId: string;
  /** Rows staged so far in this import. */
  rows: number;
}

export interface ImportAborted {
  importId: string;
  /** False when there was nothing to abort (unknown, already committed or already aborted). */
  aborted: boolean;
  /** Staging rows deleted. */
  deletedRows: number;
}

/**
 * History imports, the execution side. The gateway streams a CSV, validates each row and sends
 * them here in batches: begin → append… → commit (or abort). Appends land in
 * history_import_rows (one INSERT … SELECT FROM unnest(arrays) per batch: 8 parameters whatever
 * the batch size, so PostgreSQL's 65,535-parameter cap never applies); commit moves them into
 * candles in one transaction, so readers see all of an import or none of it.
 */
@Injectable()
export class HistoryImportService implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource, @Inject(LOGGER) private readonly logger: Logger) {}

  /** Crash safety: imports left staging by a gateway or execution that died are cleaned up at start. */
  async onApplicationBootstrap(): Promise<void> {
    await this.cleanUpAbandoned().catch((err) => this.logger.error({ err }, 'history import: clean-up of abandoned imports failed'));
  }

  async cleanUpAbandoned(olderThanMs = ABANDONED_AFTER_MS): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const { rows } = await changed<{ id: string }>(m,
        `UPDATE history_imports SET state = 'aborted', error = 'abandoned: no activity for over an hour', updated_at = now()
         WHERE state = 'staging' AND updated_at < now() - $1 * interval '1 millisecond' RETURNING id`,
        [olderThanMs],
      );
      if (!rows.length) return 0;
      await m.query(`DELETE FROM history_import_rows WHERE import_id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      this.logger.warn({ imports: rows.map((r) => r.id) }, `history import: cleaned up ${rows.length} abandoned staging import(s)`);
      return rows.length;
    });
  }

  async begin(dto: ImportBeginDto): Promise<ImportBegun> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO history_imports (symbol, timeframe, format, state, requested_by, request_id) VALUES ($1, $2, $3, 'staging', $4, $5) RETURNING id`,
      [dto.symbol, dto.timeframe, dto.format, dto.requestedBy ?? null, currentContext()?.requestId ?? null],
    );
    this.logger.info({ importId: row.id, symbol: dto.symbol, timeframe: dto.timeframe, by: dto.requestedBy }, 'history import begun');
    return { importId: row.id };
  }

  async append(dto: ImportAppendPayload): Promise<ImportAppended> {
    const bars = dto.bars;
    const n = bars.length;
    const line = new Array<number>(n);
    const time = new Array<number>(n);
    const open = new Array<string>(n);
    const high = new Array<string>(n);
    const low = new Array<string>(n);
    const close = new Array<string>(n);
    const volume = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const b = bars[i];
      line[i] = b.line;
      time[i] = b.time;
      open[i] = b.open;
      high[i] = b.high;
      low[i] = b.low;
      close[i] = b.close;
      volume[i] = b.volume ?? null;
    }
    // One statement, so the batch and the import's counters change together or not at all.
    const [result]: { found: number; rows: number }[] = await this.dataSource.query(
      `WITH target AS (
         UPDATE history_imports SET rows = rows + $9, updated_at = now() WHERE id = $1 AND state = 'staging' RETURNING id, rows
       ), staged AS (
         INSERT INTO history_import_rows (import_id, line, open_time, open, high, low, close, volume)
         SELECT target.id, u.line, timestamptz 'epoch' + u.t * interval '1 millisecond', u.o, u.h, u.l, u.c, u.v
         FROM target, unnest($2::int[], $3::bigint[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[]) AS u(line, t, o, h, l, c, v)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM target)::int AS found, COALESCE((SELECT max(rows) FROM target), 0)::int AS rows`,
      [dto.importId, line, time, open, high, low, close, volume, n],
    );
    if (!result.found) await this.refuseNotStaging(dto.importId);
    return { importId: dto.importId, rows: result.rows };
  }

  async commit(importId: string): Promise<ImportResult> {
    const started = performance.now();
    const result = await this.dataSource.transaction(async (m) => {
      const [imp]: { symbol: string; timeframe: MarketTimeframe; state: string }[] = await m.query(
        `SELECT symbol, timeframe, state FROM history_imports WHERE id = $1 FOR UPDATE`,
        [importId],
      );
      if (!imp) throw new NotFoundException(`History import ${importId} does not exist`);
      if (imp.state !== 'staging') throw new ConflictException(`History import ${importId} is already ${imp.state}`);
      // Two imports of one symbol commit one after the other (both replace candles of the symbol).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`history-import:${imp.symbol}`]);
      const [agg]: { rows: number; from: Date | null; to: Date | null; decimals: number | null }[] = await m.query(
        `SELECT count(*)::int AS rows, min(open_time) AS "from", max(open_time) AS "to",
                max(greatest(scale(open), scale(high), scale(low), scale(close)))::int AS decimals
         FROM history_import_rows WHERE import_id = $1`,
        [importId],
      );
      if (!agg.rows || !agg.from || !agg.to) throw new BadRequestException(`History import ${importId} has no rows to commit`);
      await this.upsertInstrument(m, imp.symbol, Math.min(Math.max(agg.decimals ?? 2, 0), 12));
      const replaced = await changed(m,
        `DELETE FROM candles WHERE symbol = $1 AND timeframe = $2 AND open_time BETWEEN $3 AND $4`,
        [imp.symbol, imp.timeframe, agg.from, agg.to],
      );
      await m.query(
        `INSERT INTO candles (symbol, timeframe, open_time, open, high, low, close, volume, tick_count, closed, source)
         SELECT $1, $2, open_time, open, high, low, close, volume, 0, true, $4 FROM history_import_rows WHERE import_id = $3`,
        [imp.symbol, imp.timeframe, importId, `import:${importId}`],
      );
      await m.query(`DELETE FROM history_import_rows WHERE import_id = $1`, [importId]);
      await m.query(
        `UPDATE history_imports SET state = 'committed', rows = $2, from_time = $3, to_time = $4, committed_at = clock_timestamp(), updated_at = now() WHERE id = $1`,
        [importId, agg.rows, agg.from, agg.to],
      );
      return { symbol: imp.symbol, timeframe: imp.timeframe, rows: agg.rows, from: agg.from, to: agg.to, replaced: replaced.count };
    });
    const durationMs = Math.round(performance.now() - started);
    this.logger.info({ importId, symbol: result.symbol, rows: result.rows, replacedCandles: result.replaced, durationMs }, 'history import committed');
    return {
      importId,
      symbol: result.symbol,
      timeframe: result.timeframe,
      rows: result.rows,
      from: formatTime(result.from, result.timeframe),
      to: formatTime(result.to, result.timeframe),
      durationMs,
    };
  }

  async abort(dto: ImportAbortDto): Promise<ImportAborted> {
    return this.dataSource.transaction(async (m) => {
      const { rows } = await changed<{ id: string }>(m,
        `UPDATE history_imports SET state = 'aborted', error = $2, updated_at = now() WHERE id = $1 AND state = 'staging' RETURNING id`,
        [dto.importId, dto.reason ?? null],
      );
      if (!rows.length) return { importId: dto.importId, aborted: false, deletedRows: 0 };
      const deletedRows = (await changed(m, `DELETE FROM history_import_rows WHERE import_id = $1`, [dto.importId])).count;
      this.logger.info({ importId: dto.importId, deletedRows, reason: dto.reason }, 'history import aborted');
      return { importId: dto.importId, aborted: true, deletedRows };
    });
  }

  /**
   * An imported symbol gets an instrument row (venue imported, not live); a symbol that is
   * already a live instrument keeps its row as it is.
   */
  private async upsertInstrument(m: EntityManager, symbol: string, decimals: number): Promise<void> {
    await m.query(
      `INSERT INTO instruments (symbol, display_name, type, decimals, pip_size, venue, live)
       VALUES ($1, $1, 'imported', $2::int, power(10::numeric, -$2::int), 'imported', false)
       ON CONFLICT (symbol) DO UPDATE SET
         type = 'imported', venue = 'imported', updated_at = now(),
         decimals = GREATEST(instruments.decimals, EXCLUDED.decimals),
         pip_size = LEAST(instruments.pip_size, EXCLUDED.pip_size)
       WHERE NOT instruments.live`,
      [symbol, decimals],
    );
  }

  private async refuseNotStaging(importId: string): Promise<never> {
    const [imp]: { state: string }[] = await this.dataSource.query(`SELECT state FROM history_imports WHERE id = $1`, [importId]);
    if (!imp) throw new NotFoundException(`History import ${importId} does not exist`);
    throw new ConflictException(`History import ${importId} is ${imp.state}; rows can only be added while it is staging`);
  }
}

/** TypeORM answers UPDATE and DELETE with [rows, rowCount] and other statements with the rows. */
async function changed<T = unknown>(m: EntityManager, sql: string, params: unknown[]): Promise<{ rows: T[]; count: number }> {
  const raw: unknown = await m.query(sql, params);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return { rows: raw[0] as T[], count: raw[1] };
  const rows = (Array.isArray(raw) ? raw : []) as T[];
  return { rows, count: rows.length };
}

function formatTime(t: Date, timeframe: MarketTimeframe): string {
  return timeframe === '1d' ? t.toISOString().slice(0, 10) : t.toISOString();
}
