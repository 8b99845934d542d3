import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CorrelationResponse, LiveDataResponse } from '@meridian/contracts';
import { yahooCsv } from '../../../tools/fixtures/history-csv';
import { ADMIN, TestPlatform } from './support/platform';

// The Markets page as a user sees it: the built web app served by the gateway, in Debian's
// Chromium, against a Redis of its own so that the test can stop it and start it again.
const ROOT = resolve(__dirname, '../../..');
const WEB_DIST = join(ROOT, 'dist/apps/web');
const CHROMIUM = '/usr/bin/chromium';
const WORK = '/tmp/meridian-markets';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A private redis-server, in memory, on a fixed port (so a restart comes back at the same address). */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port}`);
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Pearson correlation of simple returns over the common dates, written out plainly from the CSV text. */
function correlationOfCsvs(a: string, b: string): { value: number; observations: number } {
  const closes = (csv: string) => new Map(csv.trim().split('\n').slice(1).map((line) => [line.split(',')[0], Number(line.split(',')[4])] as const));
  const ca = closes(a);
  const cb = closes(b);
  const dates = [...ca.keys()].filter((d) => cb.has(d)).sort();
  const ra = dates.slice(1).map((d, i) => ca.get(d)! / ca.get(dates[i])! - 1);
  const rb = dates.slice(1).map((d, i) => cb.get(d)! / cb.get(dates[i])! - 1);
  const n = ra.length;
  const ma = ra.reduce((s, v) => s + v, 0) / n;
  const mb = rb.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) ** 2;
    sbb += (rb[i] - mb) ** 2;
  }
  return { value: sab / Math.sqrt(saa * sbb), observations: n };
}

describe('Markets page in Chromium', () => {
  let redisPort: number;
  let redis: ChildProcess | undefined;
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
    if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not on the PATH: this test stops and restarts a Redis of its own (Debian: apt-get install redis-server)');
    if (!existsSync(join(WEB_DIST, 'index.html'))) execFileSync(process.execPath, ['tools/build/build.mjs', '--web-only'], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(WORK, { recursive: true });
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    // Five times real time: R_100 ticks about five times a second; the venue's history is backfilled.
    platform = await new TestPlatform({ WEB_DIST, VENUE_SPEED: '5', VENUE_SEED: '11', REDIS_URL: `redis://127.0.0.1:${redisPort}` }).start();
    token = (await platform.login()).accessToken;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(platform.url);
    await page.waitForURL(/\/login$/);
    await page.fill('[data-testid="login-email"]', ADMIN.email);
    await page.fill('[data-testid="login-password"]', ADMIN.password);
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL(/\/dashboard/);
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await platform?.close();
    if (redis) await stopRedis(redis);
  }, 30_000);

  const api = async <T,>(path: string) => (await platform!.http().get(path).set('Authorization', `Bearer ${token}`).expect(200)).body as T;
  const quoteText = async (symbol: string) => ((await page.textContent(`[data-testid="quote-${symbol}"]`)) ?? '').trim();
  /** Waits until the watchlist shows a price for the symbol different from `before`. */
  const priceChangesFrom = (symbol: string, before: string, timeout: number) =>
    page.waitForFunction(
      ([s, b]) => {
        const text = document.querySelector(`[data-testid="quote-${s}"]`)?.textContent?.trim() ?? '';
        return text !== '' && text !== b;
      },
      [symbol, before] as const,
      { timeout },
    );

  it('shows R_100 and the other live symbols ticking within 5 s, and the last candle moving', async () => {
    const live = (await api<LiveDataResponse>('/api/markets/live-data')).quotes.map((q) => q.symbol);
    expect(live).toContain('R_100');
    const opened = Date.now();
    await page.goto(`${platform!.url}/markets/watch?symbol=R_100&tf=1m`);
    // Ticking: every live symbol's price has changed at least once on the page (data-direction is
    // set on the first change after the first price).
    await page.waitForFunction(
      (symbols) => symbols.every((s) => document.querySelector(`[data-testid="quote-${s}"]`)?.getAttribute('data-direction')),
      live,
      { timeout: 5_000 },
    );
    expect(Date.now() - opened).toBeLessThan(5_000);

    const chart = page.locator('[data-testid="candle-chart"]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="candle-chart"]')?.getAttribute('data-bars')) > 0, undefined, { timeout: 10_000 });
    const before = { close: await chart.getAttribute('data-last-close'), time: await chart.getAttribute('data-last-time'), pixels: await chart.screenshot() };
    await page.waitForFunction(
      ([c, t]) => {
        const el = document.querySelector('[data-testid="candle-chart"]');
        return el?.getAttribute('data-last-close') !== c || el?.getAttribute('data-last-time') !== t;
      },
      [before.close, before.time] as const,
      { timeout: 10_000 },
    );
    // What moved is drawn: the chart's pixels differ too.
    await page.waitForTimeout(300);
    const after = await chart.screenshot();
    expect(after.equals(before.pixels)).toBe(false);
    writeFileSync(join(WORK, 'watchlist.png'), await page.screenshot());
  }, 60_000);

  it("fills the open chart with the venue's history once it has landed, without a reload", async () => {
    // The page was opened seconds after the platform started, usually before the backfill finished.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="candle-chart"]')?.getAttribute('data-bars')) >= 400, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('.chart-status')?.textContent?.includes('Fetching history'), undefined, { timeout: 10_000 });
    expect(page.url()).toContain('tf=1m');
    writeFileSync(join(WORK, 'history-filled.png'), await page.screenshot());
  }, 60_000);

  it('loads the history of another timeframe when it is picked', async () => {
    // The backfill of R_100's 5m history (500 candles) has landed before the click.
    await platform!.waitFor(
      async () => ((await api<LiveDataResponse>('/api/markets/live-data?symbol=R_100&timeframe=5m&limit=500')).candles?.items.length ?? 0) >= 400,
      30_000,
      'R_100 5m history backfilled',
    );
    const response = page.waitForResponse((r) => r.url().includes('/api/markets/live-data?') && r.url().includes('symbol=R_100') && r.url().includes('timeframe=5m'));
    await page.click('[data-testid="timeframe-5m"]');
    const reply = await response;
    expect(reply.status()).toBe(200);
    const history = ((await reply.json()) as LiveDataResponse).candles!.items;
    expect(history.length).toBeGreaterThan(100);
    expect(page.url()).toContain('tf=5m');
    expect(await page.getAttribute('[data-testid="timeframe-5m"]', 'aria-pressed')).toBe('true');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="candle-chart"]')?.getAttribute('data-bars')) >= n, history.length, { timeout: 10_000 });
    // Five-minute candles: consecutive times 300 s apart at the end of the chart.
    const lastTime = Number(await page.getAttribute('[data-testid="candle-chart"]', 'data-last-time'));
    expect(lastTime % 300_000).toBe(0);
  }, 60_000);

  it('resumes the prices by itself after Redis is stopped for 10 s and started again', async () => {
    await page.goto(`${platform!.url}/markets/watch?symbol=R_100&tf=1m`);
    await priceChangesFrom('R_100', '', 5_000);
    await stopRedis(redis!);
    redis = undefined;
    await new Promise((r) => setTimeout(r, 10_000));
    const frozen = await quoteText('R_100');
    redis = await startRedis(redisPort);
    const restarted = Date.now();
    // No reload, no click: the page's stream and the services' Redis connections come back.
    await priceChangesFrom('R_100', frozen, 30_000);
    const resumedAfterMs = Date.now() - restarted;
    const again = await quoteText('R_100');
    await priceChangesFrom('R_100', again, 5_000);
    expect(resumedAfterMs).toBeLessThan(30_000);
    expect(await page.getAttribute('[data-testid="market-stream-status"]', 'data-status')).toBe('live');
    // The services answer over the Redis transport again.
    await platform!.waitFor(async () => (await platform!.http().get('/api/markets/instruments').set('Authorization', `Bearer ${token}`)).status === 200, 20_000, 'execution answering after the restart');
  }, 90_000);

  it('imports two CSVs of daily bars and shows their correlation in the heatmap', async () => {
    // Two Yahoo files of 120 weekdays each, overlapping by 80.
    const csvA = yahooCsv({ seed: 21, start: '2023-01-02', days: 120 });
    const csvB = yahooCsv({ seed: 22, start: '2023-02-27', days: 120, startPrice: 50 });
    const files = { BRWSA: join(WORK, 'brwsa.csv'), BRWSB: join(WORK, 'brwsb.csv') };
    writeFileSync(files.BRWSA, csvA);
    writeFileSync(files.BRWSB, csvB);
    await page.goto(`${platform!.url}/markets/import`);
    for (const [symbol, path] of Object.entries(files)) {
      await page.setInputFiles('[data-testid="import-file"]', path);
      await page.fill('[data-testid="import-symbol"]', symbol);
      await page.click('[data-testid="import-submit"]');
      await page.waitForSelector(`[data-testid="import-result"]:has-text("${symbol}")`, { timeout: 20_000 });
      expect(await page.textContent('[data-testid="import-result"]')).toContain('120');
    }

    const expected = correlationOfCsvs(csvA, csvB);
    await page.goto(`${platform!.url}/markets/correlations`);
    // With two imported histories, those two are picked, on daily bars.
    const cell = page.locator('[data-testid="corr-BRWSA-BRWSB"]');
    await cell.waitFor({ timeout: 20_000 });
    expect(Math.abs(Number(await cell.getAttribute('data-value')) - expected.value)).toBeLessThan(1e-9);
    expect((await cell.textContent())!.trim()).toBe(expected.value.toFixed(2));
    expect(await page.textContent('[data-testid="corr-observations"]')).toContain(`${expected.observations} observations`);
    expect(await page.textContent('[data-testid="corr-BRWSA-BRWSA"]')).toContain('1.00');
    // The page shows what the endpoint says.
    const body = await api<CorrelationResponse>('/api/markets/correlations?symbols=BRWSA,BRWSB&timeframe=1d');
    expect(body.matrix[0][1]).toBe(Number(await cell.getAttribute('data-value')));
    writeFileSync(join(WORK, 'correlations.png'), await page.screenshot());
  }, 60_000);

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
