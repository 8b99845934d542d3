import { HttpException, HttpStatus, Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import { MARKET_PATTERNS, type ImportBar, type ImportResult } from '@meridian/contracts';
import { CsvBarParser, CsvLineSplitter, CsvLineTooLongError, type CsvBarsOptions } from '@meridian/market-data';
import type { Logger } from '@meridian/observability';
import { InvalidInputException, LOGGER } from '@meridian/service-kit';
import { ServiceClients } from '../services/service-clients';
import { CsvRowRejectedException } from './csv-row-rejected.exception';
import type { DataImportQueryDto } from './data-import.query';

/** Largest CSV accepted: 256 MB (about 4 million daily bars), refused with 413 above. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** Bars per append message (~270 kB of JSON): p50 190 ms, p95 330 ms per append on a loaded 2-core machine. */
export const IMPORT_BATCH_ROWS = 2_000;
/**
 * Appends normally take a fraction of the 800 ms default deadline, but on a loaded machine one
 * in a few hundred took ~1 s, and a timeout would count against execution's circuit breaker
 * (every caller of execution would then get 503 for 3 s): appends get a safety margin.
 */
export const IMPORT_APPEND_DEADLINE_MS = 10_000;
/**
 * Commit moves every staged row into candles in one transaction: ~18 s per million rows on a loaded
 * 2-core machine, so the deadline grows with the file (60 s, plus 40 s per million rows).
 */
export function importCommitDeadlineMs(rows: number): number {
  return 60_000 + Math.ceil(rows * 0.04);
}
/** Abort deletes the staged rows (up to the whole file's): given the same room. */
export const IMPORT_ABORT_DEADLINE_MS = 30_000;

const CSV_TYPES = new Set(['text/csv', 'text/plain', 'application/csv', 'application/octet-stream']);

export interface ImportRequester {
  label: string;
}

/**
 * POST /api/data/import: streams the request body line by line (never the whole file in memory),
 * validates each row with CsvBarParser and sends the bars to execution in batches, awaiting each
 * (the request is not read while a batch is in flight: backpressure to the client). The first bad
 * row stops everything: execution aborts the import (its staged rows are deleted) and the answer
 * is 400 naming the line. At the end execution commits the import in one transaction.
 */
@Injectable()
export class DataImportService {
  constructor(private readonly services: ServiceClients, @Inject(LOGGER) private readonly logger: Logger) {}

  async importCsv(req: Request, query: DataImportQueryDto, by: ImportRequester): Promise<ImportResult> {
    const started = performance.now();
    const options = csvOptions(query);
    const timeframe = query.timeframe ?? '1d';
    let importId: string | null = null;
    try {
      checkContentType(req.headers['content-type']);
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_IMPORT_BYTES) throw tooLarge();

      const parser = new CsvBarParser(options);
      const splitter = new CsvLineSplitter();
      let batch: ImportBar[] = [];
      let bytes = 0;
      let rows = 0;
      const take = async (lines: string[]) => {
        for (const line of lines) {
          const r = parser.accept(line);
          if (r.kind === 'bar') {
            rows++;
            batch.push(r.bar);
            if (batch.length >= IMPORT_BATCH_ROWS) await flush();
          } else if (r.kind === 'error') {
            throw new CsvRowRejectedException(r.error);
          } else if (r.kind === 'header') {
            // The header is fine: from here on the import exists (and is aborted if a row is bad).
            importId = (await this.services.send<{ importId: string }>('execution', MARKET_PATTERNS.importBegin, { symbol: query.symbol, timeframe, format: options.format, requestedBy: by.label })).importId;
          }
        }
      };
      const flush = async () => {
        if (!batch.length) return;
        const bars = batch;
        batch = [];
        await this.services.send('execution', MARKET_PATTERNS.importAppend, { importId, bars }, IMPORT_APPEND_DEADLINE_MS);
      };

      // destroyOnReturn false: leaving the loop on a bad row must not destroy the socket the 400 goes out on.
      for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > MAX_IMPORT_BYTES) throw tooLarge();
        await take(splitter.push(chunk));
      }
      await take(splitter.end());
      const incomplete = parser.finish();
      if (incomplete) throw new CsvRowRejectedException(incomplete);
      await flush();
      const committed = await this.services.send<ImportResult>('execution', MARKET_PATTERNS.importCommit, { importId }, importCommitDeadlineMs(rows));
      const durationMs = Math.round(performance.now() - started);
      this.logger.info({ importId, symbol: committed.symbol, rows: committed.rows, bytes, durationMs, commitMs: committed.durationMs, skippedNullRows: parser.skippedNullRows }, 'history import done');
      return { ...committed, durationMs };
    } catch (err) {
      const reason = err instanceof CsvLineTooLongError ? err.error.message : err instanceof CsvRowRejectedException ? err.rowError.message : err instanceof Error ? err.message : String(err);
      if (importId) await this.abort(importId, reason);
      stopReading(req);
      if (err instanceof CsvLineTooLongError) throw new CsvRowRejectedException(err.error);
      throw err;
    }
  }

  private async abort(importId: string, reason: string): Promise<void> {
    try {
      await this.services.send('execution', MARKET_PATTERNS.importAbort, { importId, reason: reason.slice(0, 2000) }, IMPORT_ABORT_DEADLINE_MS);
    } catch (err) {
      // Execution cleans staging imports idle for an hour at start-up; nothing was committed either way.
      this.logger.error({ err, importId }, 'history import: abort failed; the staged rows stay until the clean-up');
    }
  }
}

/** The parser options for the query, or 400 naming the missing or misplaced mapping parameters. */
export function csvOptions(q: DataImportQueryDto): CsvBarsOptions {
  const skipNullRows = q.skipNullRows === 'true';
  const mapping = { dateColumn: q.dateColumn, openColumn: q.openColumn, highColumn: q.highColumn, lowColumn: q.lowColumn, closeColumn: q.closeColumn, volumeColumn: q.volumeColumn };
  if ((q.format ?? 'yahoo') === 'yahoo') {
    const given = Object.entries(mapping).filter(([, v]) => v !== undefined).map(([k]) => k);
    if (given.length) throw new InvalidInputException(given.map((field) => ({ field, rules: { onlyForGeneric: `${field} applies to format=generic only (Yahoo files have fixed columns)` } })));
    return { format: 'yahoo', skipNullRows };
  }
  const required = ['dateColumn', 'openColumn', 'highColumn', 'lowColumn', 'closeColumn'] as const;
  const missing = required.filter((k) => !mapping[k]);
  if (missing.length) throw new InvalidInputException(missing.map((field) => ({ field, rules: { requiredForGeneric: `${field} is required with format=generic: the header name of that column` } })));
  return {
    format: 'generic',
    skipNullRows,
    columns: { date: q.dateColumn!, open: q.openColumn!, high: q.highColumn!, low: q.lowColumn!, close: q.closeColumn!, volume: q.volumeColumn },
  };
}

function checkContentType(header: string | undefined): void {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  if (!CSV_TYPES.has(type)) {
    throw new HttpException(`Send the CSV as the raw body with Content-Type text/csv (got ${type ? `'${type}'` : 'none'})`, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
}

function tooLarge(): PayloadTooLargeException {
  return new PayloadTooLargeException(`The CSV is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB; split it into several imports`);
}

/** After a refusal the rest of the body is not wanted: discard it and close the connection after the answer. */
function stopReading(req: Request): void {
  if (req.complete) return;
  req.res?.setHeader('Connection', 'close');
  req.resume();
}
