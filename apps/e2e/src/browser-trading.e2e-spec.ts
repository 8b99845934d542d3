import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { OrderView, Page as ApiPage } from '@meridian/contracts';
import { ADMIN, TestPlatform } from './support/platform';

// Trading as a user does it: the built web app served by the gateway, in Debian's Chromium.
const ROOT = resolve(__dirname, '../../..');
const WEB_DIST = join(ROOT, 'dist/apps/web');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = '/tmp/meridian-trading';

describe('Execution and Portfolio pages in Chromium', () => {
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
    if (!existsSync(join(WEB_DIST, 'index.html'))) execFileSync(process.execPath, ['tools/build/build.mjs', '--web-only'], { cwd: ROOT, stdio: 'inherit' });
    platform = await new TestPlatform({ WEB_DIST, VENUE_SPEED: '5', VENUE_SEED: '3', HISTORY_BACKFILL: 'off' }).start();
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

  const api = async <T,>(path: string) => (await platform!.http().get(path).set('Authorization', `Bearer ${token}`).expect(200)).body as T;

  async function openTicket(): Promise<number> {
    await page.goto(`${platform!.url}/execution/trade`);
    await page.waitForSelector('[data-testid="ticket-symbol"] option[value="R_100"]', { state: 'attached', timeout: 20_000 });
    await page.selectOption('[data-testid="ticket-symbol"]', 'R_100');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="ticket-last"]')?.textContent?.replace(/[^0-9.]/g, '')) > 0, undefined, { timeout: 20_000 });
    return Number((await page.textContent('[data-testid="ticket-last"]'))!.replace(/[^0-9.]/g, ''));
  }

  async function submit(): Promise<string> {
    await page.click('[data-testid="ticket-submit"]');
    await page.waitForSelector('[data-testid="ticket-order-id"]', { timeout: 15_000 });
    return (await page.textContent('[data-testid="ticket-order-id"]'))!.trim();
  }

  it('buys R_100 at market and shows the fill, the position and its live P&L', async () => {
    await openTicket();
    await page.click('[data-testid="ticket-side-buy"]');
    await page.selectOption('[data-testid="ticket-type"]', 'market');
    await page.fill('[data-testid="ticket-quantity"]', '2');
    const orderId = await submit();
    await platform!.waitFor(async () => (await api<OrderView>(`/api/orders/${orderId}`)).status === 'filled', 15_000, 'the order to fill');

    await page.goto(`${platform!.url}/execution/fills`);
    await page.waitForSelector('[data-testid="fills-table"] tbody tr', { timeout: 15_000 });
    expect(await page.textContent('[data-testid="fills-table"]')).toContain('R_100');

    await page.goto(`${platform!.url}/portfolio/overview`);
    await page.waitForSelector('[data-testid="pos-row-R_100"]', { timeout: 15_000 });
    const pnl = async () => (await page.textContent('[data-testid="pos-pnl-R_100"]'))!.trim();
    const first = await pnl();
    expect(first).toMatch(/\d/);
    // Live: the unrealised P&L follows the quotes without a reload.
    await platform!.waitFor(async () => (await pnl()) !== first, 20_000, 'the P&L to move with the market');
    await page.screenshot({ path: `${SCREENSHOTS}-portfolio.png`, fullPage: true });
  }, 90_000);

  it('places a limit order away from the market and cancels it from the blotter', async () => {
    const last = await openTicket();
    await page.selectOption('[data-testid="ticket-type"]', 'limit');
    await page.fill('[data-testid="ticket-quantity"]', '1');
    await page.fill('[data-testid="ticket-limitPrice"]', (last * 0.95).toFixed(2));
    const orderId = await submit();
    await page.waitForSelector(`[data-testid="order-row-${orderId}"]`, { timeout: 15_000 });
    await page.screenshot({ path: `${SCREENSHOTS}-blotter.png`, fullPage: true });
    await page.click(`[data-testid="cancel-${orderId}"]`);
    const ok = await page.waitForSelector('[data-testid="confirm-ok"]', { timeout: 2_000 }).catch(() => null);
    if (ok) await ok.click();
    await page.waitForSelector(`[data-testid="order-row-${orderId}"]`, { state: 'detached', timeout: 15_000 });
    expect((await api<OrderView>(`/api/orders/${orderId}`)).status).toBe('cancelled');
  }, 60_000);

  it("places a bracket whose take-profit fills and cancels its stop-loss", async () => {
    const last = await openTicket();
    await page.selectOption('[data-testid="ticket-type"]', 'market');
    await page.fill('[data-testid="ticket-quantity"]', '1');
    await page.check('[data-testid="ticket-bracketOn"]');
    // A take-profit under the market is marketable when it is placed, so it fills first.
    await page.fill('[data-testid="ticket-takeProfit"]', (last * 0.98).toFixed(2));
    await page.fill('[data-testid="ticket-stopLoss"]', (last * 0.5).toFixed(2));
    const entryId = await submit();
    let children: OrderView[] = [];
    await platform!.waitFor(async () => {
      children = (await api<ApiPage<OrderView>>(`/api/orders/status?status=all&parentId=${entryId}`)).items;
      return children.length === 2 && children.every((c) => c.status !== 'accepted');
    }, 20_000, 'the bracket to settle');
    expect(children.find((c) => c.role === 'take-profit')?.status).toBe('filled');
    expect(children.find((c) => c.role === 'stop-loss')?.status).toBe('cancelled');
  }, 60_000);

  it("halts trading from the Dashboard's emergency stop, cancelling open orders", async () => {
    const last = await openTicket();
    await page.selectOption('[data-testid="ticket-type"]', 'limit');
    await page.fill('[data-testid="ticket-quantity"]', '1');
    await page.fill('[data-testid="ticket-limitPrice"]', (last * 0.95).toFixed(2));
    const orderId = await submit();
    await page.goto(`${platform!.url}/dashboard`);
    await page.click('[data-testid="emergency-stop"]');
    await page.fill('[data-testid="reason-input"]', 'browser drill');
    await page.click('[data-testid="reason-confirm"]');
    await page.waitForSelector('[data-testid="stop-totals"]', { timeout: 15_000 });
    expect(await page.textContent('[data-testid="stop-totals"]')).toMatch(/Cancelled 1 order/);
    expect((await api<OrderView>(`/api/orders/${orderId}`)).status).toBe('cancelled');
    await page.click('[data-testid="resume"]');
    await page.fill('[data-testid="reason-input"]', 'drill over');
    await page.click('[data-testid="reason-confirm"]');
    await page.waitForSelector('[data-testid="halt-state"]:has-text("Trading")', { timeout: 15_000 }).catch(() => undefined);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
