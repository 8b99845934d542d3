import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DeploymentView, OrderView, Page as ApiPage, RunDetail } from '@meridian/contracts';
import { ADMIN, TestPlatform } from './support/platform';

/**
 * The strategy lifecycle as a user goes through it (F6/F7 acceptance), in Debian's Chromium against
 * the whole platform: build a rule, backtest it, Monte Carlo and stress it, deploy it to paper
 * trading, see its tagged orders in Execution, and see the emergency stop pause it.
 * Sixty times real time: a 1m candle closes every second.
 */
const ROOT = resolve(__dirname, '../../..');
const WEB_DIST = join(ROOT, 'dist/apps/web');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = '/tmp/meridian-strategies';

describe('Strategies and Simulation pages in Chromium', () => {
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];

  // What the steps hand on to the next ones.
  let strategyId = '';
  let runId = '';
  let deploymentId = '';
  let tag = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
    if (!existsSync(join(WEB_DIST, 'index.html'))) execFileSync(process.execPath, ['tools/build/build.mjs', '--web-only'], { cwd: ROOT, stdio: 'inherit' });
    platform = await new TestPlatform({ WEB_DIST, VENUE_SPEED: '60', VENUE_SEED: '5', HISTORY_BACKFILL: 'off' }).start();
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
  }, 30_000);

  const auth = () => ({ Authorization: `Bearer ${token}` });
  /** A GET that must answer 200; a 503 (a service briefly unreachable on a loaded machine) is asked again. */
  const api = async <T,>(path: string): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const res = await platform!.http().get(path).set(auth());
      if (res.status === 503 && attempt < 20) {
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as T;
    }
  };
  const tagged = async () => (await api<ApiPage<OrderView>>('/api/orders/status?status=all&limit=500')).items.filter((o) => o.tag === tag);
  const deploymentNow = async () => (await api<DeploymentView[]>('/api/strategies/deployments')).find((d) => d.id === deploymentId);
  const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}-${name}.png`, fullPage: true });
  const goto = async (path: string) => {
    await page.goto(`${platform!.url}${path}`);
  };

  it('builds a rule strategy in the rule builder and saves it', async () => {
    await goto('/strategies/builder');
    await page.waitForSelector('[data-testid="rule-symbol-R_100"]', { timeout: 20_000 });
    // The builder names the first instrument until the user picks: leave R_100 alone selected.
    await page.waitForSelector('[data-testid="rule-symbols"] [aria-pressed="true"]', { timeout: 10_000 });
    for (const chip of await page.$$('[data-testid="rule-symbols"] [aria-pressed="true"]')) {
      if ((await chip.getAttribute('data-testid')) !== 'rule-symbol-R_100') await chip.click();
    }
    if ((await page.getAttribute('[data-testid="rule-symbol-R_100"]', 'aria-pressed')) !== 'true') await page.click('[data-testid="rule-symbol-R_100"]');
    expect(await page.$$eval('[data-testid="rule-symbols"] [aria-pressed="true"]', (els) => els.map((e) => e.textContent))).toEqual(['R_100']);

    await page.fill('[data-testid="rule-entry"]', 'close > prev(close, 1)');
    await page.fill('[data-testid="rule-exit"]', 'close < prev(close, 1)');
    await page.selectOption('[data-testid="rule-sizing-type"]', 'quantity');
    await page.fill('[data-testid="rule-sizing-value"]', '1');
    // The default parameters are not used by this rule.
    while (await page.$('button[aria-label^="Remove parameter"]')) await page.click('button[aria-label^="Remove parameter"] >> nth=0');
    await page.fill('[data-testid="rule-name"]', 'Tick follower (browser)');
    await page.waitForSelector('[data-testid="rule-canonical-entry"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="rule-status"] .text-ok', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="rule-status"]')).toBe('Valid');
    await shot('builder');
    await page.click('[data-testid="rule-save"]');
    await page.waitForURL(/\/strategies\/view\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    strategyId = page.url().split('/').pop()!;
    await page.waitForSelector('[data-testid="strategy-canonical"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="strategy-canonical"]')).toContain('prev(close, 1)');
  }, 90_000);

  it('backtests it on R_100 1m from the UI and shows the run: progress, equity and drawdown charts, trades', async () => {
    expect(strategyId).not.toBe('');
    // Live 1m candles accumulate (one a second) before there is anything to backtest.
    await platform!.waitFor(
      async () => {
        const res = await platform!.http().get('/api/markets/live-data?symbol=R_100&timeframe=1m').set(auth());
        return ((res.body as { candles?: { items?: { closed: boolean }[] } }).candles?.items ?? []).filter((c) => c.closed).length >= 8;
      },
      90_000,
      '8 closed 1m candles of R_100',
    );

    await page.click('[data-testid="strategy-backtest"]');
    await page.waitForSelector('[data-testid="bt-symbol-R_100"]', { timeout: 15_000 });
    if ((await page.getAttribute('[data-testid="bt-symbol-R_100"]', 'aria-pressed')) !== 'true') await page.click('[data-testid="bt-symbol-R_100"]');
    await page.selectOption('[data-testid="bt-timeframe"]', '1m');
    await page.click('[data-testid="bt-submit"]');
    await page.waitForSelector('[data-testid="bt-run-link"]', { timeout: 20_000 });
    await page.click('[data-testid="bt-run-link"]');
    await page.waitForURL(/\/simulation\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    runId = page.url().split('/').pop()!;

    // The progress bar while it runs (it may be done before the page is), then completed.
    await page.waitForSelector(`[data-testid="run-progress-${runId}"], [data-testid="run-status"][data-status="completed"]`, { timeout: 30_000 });
    await page.waitForSelector('[data-testid="run-status"][data-status="completed"], [data-testid="run-status"][data-status="failed"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="run-status"]', 'data-status')).toBe('completed');
    await page.waitForSelector('[data-testid="run-equity-chart"] canvas', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="run-drawdown-chart"] canvas', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="trades-table"] [data-testid="trade-row"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="run-config"]')).toContain('R_100');
    await shot('backtest');
  }, 180_000);

  it('runs a Monte Carlo of the backtest from the UI and shows the fan chart', async () => {
    expect(runId).not.toBe('');
    const detail = await api<RunDetail>(`/api/simulation/results?id=${runId}`);
    const closed = detail.trades.filter((t) => !t.open).length;
    await page.click('[data-testid="run-to-mc"]');
    await page.waitForURL(/\/simulation\/monte-carlo\?run=/, { timeout: 15_000 });
    await page.waitForSelector('[data-testid="mc-method"]', { timeout: 15_000 });
    // Resampling needs closed trades; a few bars may have left only an open one: then bootstrap the returns.
    await page.selectOption('[data-testid="mc-method"]', closed > 0 ? 'trade-resample' : 'block-bootstrap');
    await page.fill('[data-testid="mc-paths"]', '2000');
    await page.fill('[data-testid="mc-steps"]', '50');
    expect(await page.inputValue('[data-testid="mc-run"]')).toBe(runId);
    await page.click('[data-testid="mc-submit"]');
    await page.waitForSelector('[data-testid="fan-chart"], [data-testid="mc-run-status"][data-status="failed"]', { timeout: 90_000 });
    expect(await page.getAttribute('[data-testid="mc-run-status"]', 'data-status')).toBe('completed');
    await page.waitForSelector('[data-testid="fan-chart"] canvas', { timeout: 15_000 });
    await page.waitForSelector('[data-testid="mc-drawdown-histogram"]', { timeout: 15_000 });
    await shot('monte-carlo');
  }, 150_000);

  it('stress tests the portfolio after a market order and shows each scenario', async () => {
    const placed = await platform!.http().post('/api/orders/create').set(auth()).send({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId: `bs-stress-${platform!.id}` }).expect(201);
    const orderId = (placed.body as { order: OrderView }).order.id;
    await platform!.waitFor(async () => (await api<OrderView>(`/api/orders/${orderId}`)).status === 'filled', 20_000, 'the market order to fill');

    await goto('/simulation/stress');
    await page.waitForSelector('[data-testid="stress-run-btn"]', { timeout: 20_000 });
    expect(await page.inputValue('[data-testid="stress-source"]')).toBe('portfolio');
    await page.click('[data-testid="stress-run-btn"]');
    await page.waitForSelector('[data-testid="stress-results"] tbody tr, [data-testid="stress-error"]', { timeout: 60_000 });
    expect(await page.$('[data-testid="stress-error"]')).toBeNull();
    expect((await page.$$('[data-testid="stress-results"] tbody tr')).length).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="stress-results"]')).toMatch(/[+-]?\d/);
    await shot('stress');
  }, 120_000);

  it('deploys it to paper trading from the UI and follows it in Live', async () => {
    await goto(`/strategies/view/${strategyId}`);
    await page.click('[data-testid="strategy-deploy"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="deploy-symbol-R_100"][aria-pressed="true"]', { timeout: 15_000 });
    expect(await page.$$eval('[data-testid="deploy-symbols"] [aria-pressed="true"]', (els) => els.map((e) => e.textContent))).toEqual(['R_100']);
    expect(await page.inputValue('[data-testid="deploy-timeframe"]')).toBe('1m');
    await page.click('[data-testid="deploy-submit"]');
    await page.waitForSelector('[data-testid="deploy-confirm-text"]', { timeout: 10_000 });
    await shot('deploy-confirm');
    await page.click('[data-testid="confirm-ok"]');
    await page.waitForSelector('[data-testid="deploy-done"], [data-testid="deploy-error"]', { timeout: 45_000 });
    expect(await page.$('[data-testid="deploy-error"]')).toBeNull();
    deploymentId = (await page.getAttribute('[data-testid="deploy-done"]', 'data-deployment-id'))!;
    tag = (await page.getAttribute('[data-testid="deploy-done"]', 'data-tag'))!;
    expect(tag).toMatch(new RegExp(`^strategy:${strategyId}:v1:`));

    await page.click('[data-testid="deploy-live-link"]');
    await page.waitForURL(/\/strategies\/live\?deployment=/, { timeout: 15_000 });
    await page.waitForSelector(`[data-testid="deployment-status-${deploymentId}"]:has-text("running")`, { timeout: 20_000 });
    expect(await page.textContent(`[data-testid="deployment-tag-${deploymentId}"]`)).toBe(tag);
    // The counters follow the live bars (deployment events on the WebSocket).
    await page.waitForFunction((id) => Number(document.querySelector(`[data-testid="deployment-bars-${id}"]`)?.textContent?.replace(/,/g, '')) > 0, deploymentId, { timeout: 60_000 });
    await shot('live');
  }, 120_000);

  it("shows the deployment's tagged orders in Execution and its live report", async () => {
    await platform!.waitFor(async () => (await tagged()).length >= 2, 90_000, 'the deployed strategy to place orders');

    await goto('/execution/trade');
    await page.waitForSelector('[data-testid="blotter-status"]', { timeout: 20_000 });
    // Its market orders fill at once: they are in All, not in Open.
    await page.selectOption('[data-testid="blotter-status"]', 'all');
    await page.waitForSelector(`[data-testid="orders-blotter"] td:has-text("${tag}")`, { timeout: 30_000 });
    const orderIds = (await tagged()).map((o) => o.id);
    expect(await page.$$eval(`[data-testid="orders-blotter"] tbody tr`, (rows, t) => rows.filter((r) => r.textContent?.includes(t)).map((r) => r.getAttribute('data-testid')!.replace('order-row-', '')), tag)).toEqual(
      expect.arrayContaining([orderIds[0]]),
    );
    await shot('execution-orders');
    await goto('/execution/fills');
    await page.waitForSelector(`[data-testid="fills-table"] td:has-text("${tag}")`, { timeout: 30_000 });

    await goto(`/strategies/live?deployment=${deploymentId}`);
    await page.waitForSelector('[data-testid="deployment-report"], [data-testid="deployment-report-box"] [role="alert"]', { timeout: 90_000 });
    expect(await page.$('[data-testid="deployment-report"]')).not.toBeNull();
    expect(Number((await page.textContent('[data-testid="report-live-fills"]'))!.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="report-drift"]')).toMatch(/\d/);
    expect(await page.$('[data-testid="report-backtest-error"]')).toBeNull();
    await shot('report');
  }, 240_000);

  it("pauses it with the Dashboard's emergency stop: no new tagged orders; resumes and starts it again", async () => {
    await goto('/dashboard');
    await page.click('[data-testid="emergency-stop"]', { timeout: 20_000 });
    await page.fill('[data-testid="reason-input"]', 'strategies drill');
    await page.click('[data-testid="reason-confirm"]');
    await page.waitForSelector('[data-testid="stop-totals"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="halt-state"]:has-text("HALTED")', { timeout: 20_000 });

    await goto('/strategies/live');
    await page.waitForSelector(`[data-testid="deployment-status-${deploymentId}"]:has-text("paused")`, { timeout: 30_000 });
    expect(await page.textContent(`[data-testid="deployment-reason-${deploymentId}"]`)).toMatch(/emergency stop/);
    expect((await deploymentNow())?.status).toBe('paused');
    const count = (await tagged()).length;
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await tagged()).length).toBe(count);
    await shot('paused');

    await goto('/dashboard');
    await page.click('[data-testid="resume"]', { timeout: 20_000 });
    await page.fill('[data-testid="reason-input"]', 'drill over');
    await page.click('[data-testid="reason-confirm"]');
    await page.waitForSelector('[data-testid="halt-state"]:has-text("TRADING")', { timeout: 20_000 });
    // The halt is lifted, the deployment stays paused until someone starts it.
    expect((await deploymentNow())?.status).toBe('paused');

    await goto('/strategies/live');
    await page.click(`[data-testid="deployment-start-${deploymentId}"]`, { timeout: 20_000 });
    await page.waitForSelector(`[data-testid="deployment-status-${deploymentId}"]:has-text("running")`, { timeout: 20_000 });
    expect((await deploymentNow())?.status).toBe('running');
    await page.click(`[data-testid="deployment-stop-${deploymentId}"]`);
    await page.click('[data-testid="confirm-ok"]');
    await page.waitForSelector(`[data-testid="deployment-status-${deploymentId}"]:has-text("stopped")`, { timeout: 20_000 });
    expect((await deploymentNow())?.status).toBe('stopped');
    await shot('stopped');
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
