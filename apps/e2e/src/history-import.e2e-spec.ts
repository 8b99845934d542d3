import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import type { ApiErrorBody, ImportResult } from '@meridian/contracts';
import { randomWalkBars, yahooCsv, yahooCsvChunks, YAHOO_HEADER } from '../../../tools/fixtures/history-csv';
import { TEST_DATABASE_URL, TestPlatform } from './support/platform';

/**
 * POST /api/data/import through the whole platform: the gateway streams and validates the CSV,
 * execution stages the rows and commits them into its candles table (checked in PostgreSQL).
 * HISTORY_IMPORT_BENCH=1 also streams a 1,000,000-row file and prints rows/s and peak RSS.
 */
describe('History import (POST /api/data/import), end to end', () => {
  const platform = new TestPlatform();
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  let trader: string;
  let schema: string;

  beforeAll(async () => {
    await platform.start();
    trader = await platform.tokenFor('trader');
    schema = `"e2e_${platform.id}_execution"`;
    await pg.connect();
  }, 90_000);
  afterAll(async () => {
    await pg.end();
    await platform.close();
  }, 30_000);

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const postCsv = (query: string, csv: string, token = trader) =>
    platform.http().post(`/api/data/import?${query}`).set(auth(token)).set('Content-Type', 'text/csv').send(csv);
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await pg.query(text.replaceAll('$schema', schema), params)).rows as T[];
  const count = async (text: string, params: unknown[] = []) => Number((await sql<{ n: string }>(text, params))[0].n);

  /** Everything a refused file could have left behind, for one symbol. */
  async function storedFor(symbol: string) {
    return {
      candles: await count(`SELECT count(*) AS n FROM $schema.candles WHERE symbol = $1`, [symbol]),
      instruments: await count(`SELECT count(*) AS n FROM $schema.instruments WHERE symbol = $1`, [symbol]),
      stagingRows: await count(`SELECT count(*) AS n FROM $schema.history_import_rows r JOIN $schema.history_imports i ON i.id = r.import_id WHERE i.symbol = $1`, [symbol]),
      allStagingRows: await count(`SELECT count(*) AS n FROM $schema.history_import_rows`),
      imports: await sql<{ state: string; error: string | null }>(`SELECT state, error FROM $schema.history_imports WHERE symbol = $1`, [symbol]),
    };
  }

  // Two Yahoo files: 300 weekdays each, the second starting 200 weekdays after the first (100 overlap).
  const first = { seed: 7, start: '2022-01-03', days: 300 };
  const firstBars = [...randomWalkBars(first)];
  const second = { seed: 8, start: firstBars[200].date, days: 300, startPrice: 140 };
  const secondBars = [...randomWalkBars(second)];

  describe('Yahoo Finance files', () => {
    let firstResult: ImportResult;

    it('imports 300 daily bars into execution’s candles, prices exactly as written, and registers the symbol', async () => {
      const res = await postCsv('symbol=SPY&format=yahoo', yahooCsv(first)).expect(201);
      firstResult = res.body as ImportResult;
      expect(firstResult).toMatchObject({ symbol: 'SPY', timeframe: '1d', rows: 300, from: firstBars[0].date, to: firstBars[299].date });
      expect(firstResult.importId).toMatch(/^[0-9a-f-]{36}$/);
      expect(firstResult.durationMs).toEqual(expect.any(Number));

      const candles = await sql<{ open_time: Date; open: string; high: string; low: string; close: string; volume: string; tick_count: number; closed: boolean; source: string }>(
        `SELECT open_time, open::text, high::text, low::text, close::text, volume::text, tick_count, closed, source FROM $schema.candles WHERE symbol = 'SPY' AND timeframe = '1d' ORDER BY open_time`,
      );
      expect(candles).toHaveLength(300);
      expect(candles[0]).toEqual({
        open_time: new Date(`${firstBars[0].date}T00:00:00Z`), open: firstBars[0].open, high: firstBars[0].high, low: firstBars[0].low, close: firstBars[0].close,
        volume: firstBars[0].volume, tick_count: 0, closed: true, source: `import:${firstResult.importId}`,
      });
      expect(candles[299].close).toBe(firstBars[299].close);
      const [instrument] = await sql(`SELECT venue, live, type, decimals FROM $schema.instruments WHERE symbol = 'SPY'`);
      expect(instrument).toEqual({ venue: 'imported', live: false, type: 'imported', decimals: 6 });
      const [record] = await sql(`SELECT state, rows, requested_by FROM $schema.history_imports WHERE id = $1`, [firstResult.importId]);
      expect(record).toMatchObject({ state: 'committed', rows: 300 });
      expect(String(record.requested_by)).toMatch(/^trader-/);
      expect(await count(`SELECT count(*) AS n FROM $schema.history_import_rows`)).toBe(0);
    });

    it('imports an overlapping second file: its bars replace the overlapped days, the union is kept', async () => {
      const res = await postCsv('symbol=SPY', yahooCsv(second)).expect(201);
      const result = res.body as ImportResult;
      expect(result).toMatchObject({ rows: 300, from: secondBars[0].date, to: secondBars[299].date });
      const bySource = await sql<{ source: string; n: string }>(`SELECT source, count(*) AS n FROM $schema.candles WHERE symbol = 'SPY' GROUP BY source`);
      expect(Object.fromEntries(bySource.map((r) => [r.source, Number(r.n)]))).toEqual({ [`import:${firstResult.importId}`]: 200, [`import:${result.importId}`]: 300 });
      const overlapDay = secondBars[0].date;
      const [overlapped] = await sql<{ close: string }>(`SELECT close::text FROM $schema.candles WHERE symbol = 'SPY' AND open_time = $1`, [`${overlapDay}T00:00:00Z`]);
      expect(overlapped.close).toBe(secondBars[0].close);
      expect(await count(`SELECT count(*) AS n FROM $schema.instruments WHERE symbol = 'SPY'`)).toBe(1);
    });

    it('refuses a file with a bad row on line 57 with 400 naming the line, and stores nothing of it', async () => {
      const csv = yahooCsv({ seed: 9, start: '2021-01-04', days: 300 }, (line, n) => (n === 57 ? '2021-03-25,102.5,101.2,103.5,102.9,102.9,1000\n' : line));
      const res = await postCsv('symbol=BAD57', csv).expect(400);
      const body = res.body as ApiErrorBody;
      expect(body.message).toMatch(/^line 57: High 101\.2 is below Low 103\.5/);
      expect(body.details).toEqual([{ field: 'line 57', rules: { highBelowLow: 'High 101.2 is below Low 103.5' } }]);
      expect(body.requestId).toEqual(expect.any(String));
      const stored = await storedFor('BAD57');
      expect(stored).toMatchObject({ candles: 0, instruments: 0, stagingRows: 0, allStagingRows: 0 });
      // Only the record that the attempt was refused remains.
      expect(stored.imports).toEqual([{ state: 'aborted', error: expect.stringMatching(/^line 57: /) }]);
    });

    it('refuses a bad row after several batches were staged and deletes the staged rows', async () => {
      const csv = yahooCsv({ seed: 10, start: '1990-01-01', days: 12_500 }, (line, n) => (n === 12_001 ? line.replace(/^(\d{4}-\d{2}-\d{2}),[^,]+/, '$1,abc') : line));
      const res = await postCsv('symbol=BAD12K', csv).expect(400);
      expect(res.body.message).toMatch(/^line 12001: Open 'abc' is not a number/);
      expect(res.body.details[0].field).toBe('line 12001');
      expect(await storedFor('BAD12K')).toMatchObject({ candles: 0, instruments: 0, stagingRows: 0, allStagingRows: 0, imports: [{ state: 'aborted' }] });
    }, 30_000);

    it('names the line of a date that is not a date, and of a repeated date', async () => {
      const notADate = await postCsv('symbol=BADDATE', `${YAHOO_HEADER}\n2024-01-02,1,2,1,1,1,1\n2024-13-01,1,2,1,1,1,1\n`).expect(400);
      expect(notADate.body.message).toMatch(/^line 3: Date '2024-13-01' is not a date/);
      const repeated = await postCsv('symbol=BADDATE', `${YAHOO_HEADER}\r\n2024-01-02,1,2,1,1,1,1\r\n2024-01-02,1,2,1,1,1,1\r\n`).expect(400);
      expect(repeated.body.details).toEqual([{ field: 'line 3', rules: { duplicateDate: 'Date 2024-01-02 repeats line 2' } }]);
      expect(await storedFor('BADDATE')).toMatchObject({ candles: 0, instruments: 0, stagingRows: 0 });
    });

    it("refuses Yahoo's all-null rows unless skipNullRows=true", async () => {
      const csv = `${YAHOO_HEADER}\n2024-01-02,1,2,1,1,1,1\n2024-01-03,null,null,null,null,null,null\n2024-01-04,1,2,1,1,1,1\n`;
      const refused = await postCsv('symbol=NULLS', csv).expect(400);
      expect(refused.body.details[0]).toMatchObject({ field: 'line 3', rules: { nullRow: expect.any(String) } });
      const res = await postCsv('symbol=NULLS&skipNullRows=true', csv).expect(201);
      expect(res.body).toMatchObject({ rows: 2, from: '2024-01-02', to: '2024-01-04' });
    });
  });

  describe('generic CSV with a column mapping', () => {
    it('imports the mapped columns; datetimes count as their written date; no volume column gives null volume', async () => {
      const csv = 'ticker;ignored,ts,px_open,px_high,px_low,px_close,comment\n' +
        'X,2024-02-01T00:00:00-05:00,10.5,11.25,10,11,"first, with a comma"\n' +
        'X,2024-02-02T00:00:00-05:00,11,11.5,10.75,11.125,""\n' +
        'X,2024-02-05T00:00:00-05:00,11.125,12,11,11.9,"say ""hi"""\n';
      const query = 'symbol=BRK.B&format=generic&dateColumn=ts&openColumn=px_open&highColumn=px_high&lowColumn=px_low&closeColumn=px_close';
      const res = await postCsv(query, csv).expect(201);
      expect(res.body).toMatchObject({ symbol: 'BRK.B', rows: 3, from: '2024-02-01', to: '2024-02-05' });
      const candles = await sql(`SELECT open_time, close::text, volume FROM $schema.candles WHERE symbol = 'BRK.B' ORDER BY open_time`);
      expect(candles).toEqual([
        { open_time: new Date('2024-02-01T00:00:00Z'), close: '11', volume: null },
        { open_time: new Date('2024-02-02T00:00:00Z'), close: '11.125', volume: null },
        { open_time: new Date('2024-02-05T00:00:00Z'), close: '11.9', volume: null },
      ]);
    });

    it('refuses format=generic without the column mapping, naming the missing parameters', async () => {
      const res = await postCsv('symbol=GEN&format=generic&dateColumn=ts', 'ts,o\n').expect(400);
      expect((res.body as ApiErrorBody).details!.map((d) => d.field)).toEqual(['openColumn', 'highColumn', 'lowColumn', 'closeColumn']);
    });

    it('refuses a mapping naming a column the header does not have, on line 1', async () => {
      const res = await postCsv('symbol=GEN&format=generic&dateColumn=ts&openColumn=o&highColumn=h&lowColumn=l&closeColumn=close', 'ts,o,h,l,c\n2024-01-02,1,1,1,1\n').expect(400);
      expect(res.body.details).toEqual([{ field: 'line 1', rules: { missingColumn: expect.stringContaining("no 'close' column") } }]);
    });
  });

  describe('access and request checks', () => {
    it('refuses a viewer with 403 and stores nothing', async () => {
      const viewer = await platform.tokenFor('viewer');
      const res = await postCsv('symbol=VIEWER', yahooCsv({ seed: 1, start: '2024-01-01', days: 5 }), viewer).expect(403);
      expect(res.body.message).toMatch(/trader/);
      expect(await storedFor('VIEWER')).toMatchObject({ candles: 0, imports: [] });
    });

    it('refuses a request without credentials with 401', async () => {
      await platform.http().post('/api/data/import?symbol=X').set('Content-Type', 'text/csv').send('Date\n').expect(401);
    });

    it('refuses a missing symbol with 400 naming symbol', async () => {
      const res = await postCsv('format=yahoo', yahooCsv({ seed: 1, start: '2024-01-01', days: 5 })).expect(400);
      expect((res.body as ApiErrorBody).details!.map((d) => d.field)).toContain('symbol');
      expect(res.body.message).toMatch(/symbol/);
    });

    it('refuses a malformed symbol, an unknown timeframe and unknown parameters with 400', async () => {
      const csv = yahooCsv({ seed: 1, start: '2024-01-01', days: 5 });
      expect((await postCsv('symbol=a%20b', csv).expect(400)).body.details[0].field).toBe('symbol');
      expect((await postCsv('symbol=SPY&timeframe=1h', csv).expect(400)).body.details[0].field).toBe('timeframe');
      expect((await postCsv('symbol=SPY&dateColumn=Date', csv).expect(400)).body.details[0]).toMatchObject({ field: 'dateColumn', rules: { onlyForGeneric: expect.any(String) } });
      await postCsv('symbol=SPY&colour=red', csv).expect(400);
    });

    it('refuses a body that is not sent as text/csv with 415', async () => {
      const res = await platform.http().post('/api/data/import?symbol=SPY').set(auth(trader)).set('Content-Type', 'application/x-www-form-urlencoded').send('Date,Open').expect(415);
      expect(res.body.message).toMatch(/text\/csv/);
    });

    it('refuses a body declared larger than 512 MB with 413 before reading it', async () => {
      const url = new URL(platform.url);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({
          host: url.hostname, port: url.port, method: 'POST', path: '/api/data/import?symbol=HUGE',
          headers: { ...auth(trader), 'Content-Type': 'text/csv', 'Content-Length': String(600 * 1024 * 1024) },
        }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', (err) => reject(err));
        req.write(`${YAHOO_HEADER}\n`);
      });
      expect(status).toBe(413);
      expect(await storedFor('HUGE')).toMatchObject({ candles: 0, imports: [] });
    });

    it('documents the endpoint in OpenAPI: tag data, a text/csv body and each query parameter', async () => {
      const doc = (await platform.http().get('/api/docs-json').expect(200)).body;
      const op = doc.paths['/api/data/import'].post;
      expect(op.tags).toEqual(['data']);
      expect(op.requestBody.content['text/csv'].schema.type).toBe('string');
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['symbol', 'format', 'timeframe', 'dateColumn', 'openColumn', 'highColumn', 'lowColumn', 'closeColumn', 'volumeColumn', 'skipNullRows']),
      );
    });
  });

  (process.env.HISTORY_IMPORT_BENCH ? describe : describe.skip)('throughput (HISTORY_IMPORT_BENCH=1; measured, not asserted)', () => {
    it('streams a 1,000,000-row Yahoo file through the gateway', async () => {
      const rows = Number(process.env.HISTORY_IMPORT_BENCH_ROWS ?? 1_000_000);
      const url = new URL(platform.url);
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peakRss = rssBefore;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
      let bytes = 0;
      const started = performance.now();
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: url.hostname, port: url.port, method: 'POST', path: '/api/data/import?symbol=BENCH', headers: { ...auth(trader), 'Content-Type': 'text/csv' } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        const chunks = yahooCsvChunks({ seed: 42, start: '1000-01-01', days: rows, calendar: 'daily' });
        const pump = () => {
          for (;;) {
            const next = chunks.next();
            if (next.done) return void req.end();
            bytes += Buffer.byteLength(next.value);
            if (!req.write(next.value)) return void req.once('drain', pump);
          }
        };
        pump();
      });
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      expect(answer.status).toBe(201);
      const result = JSON.parse(answer.body) as ImportResult;
      const [timing] = await sql<{ commit_ms: number }>(`SELECT extract(epoch FROM committed_at - updated_at) * 1000 AS commit_ms FROM $schema.history_imports WHERE id = $1`, [result.importId]);
      const report = {
        rows: result.rows, megabytes: +(bytes / 1e6).toFixed(1), seconds: +seconds.toFixed(2), rowsPerSecond: Math.round(result.rows / seconds),
        commitMs: Math.round(Number(timing.commit_ms)), rssBeforeMb: Math.round(rssBefore / 1e6), peakRssMb: Math.round(peakRss / 1e6), rssGrowthMb: Math.round((peakRss - rssBefore) / 1e6),
      };
      console.log(`history import benchmark: ${JSON.stringify(report)}`);
      expect(result.rows).toBe(rows);
    }, 600_000);
  });
});
