import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN, TestPlatform } from './support/platform';

// The web app as users get it: built by Vite, served by the gateway at its own address, driven by
// Debian's Chromium (apt-get install -y chromium) through playwright-core.
const ROOT = resolve(__dirname, '../../..');
const WEB_DIST = join(ROOT, 'dist/apps/web');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/meridian-dashboard.png';
const SERVICES = ['gateway', 'intelligence', 'execution', 'simulation'] as const;

const tile = (service: string, status: 'up' | 'down') => `[data-testid="health-tile-${service}"][data-status="${status}"]`;

describe('The web dashboard in Chromium, served by the gateway', () => {
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
    if (!existsSync(join(WEB_DIST, 'index.html'))) execFileSync(process.execPath, ['tools/build/build.mjs', '--web-only'], { cwd: ROOT, stdio: 'inherit' });
    platform = await new TestPlatform({ WEB_DIST }).start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await platform?.close();
  }, 30_000);

  async function signIn(page: Page): Promise<void> {
    await page.goto(platform!.url);
    await page.waitForURL(/\/login$/);
    await page.fill('[data-testid="login-email"]', ADMIN.email);
    await page.fill('[data-testid="login-password"]', ADMIN.password);
    await page.click('[data-testid="login-submit"]');
    await page.waitForURL(/\/dashboard/);
  }

  it('signs the admin in, shows the four services healthy, and shows a service going down and back up live', async () => {
    const page = await browser!.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));

    await signIn(page);
    for (const service of SERVICES) await page.waitForSelector(tile(service, 'up'), { timeout: 20_000 });

    // A marker on this document: still there at the end means the page was never reloaded.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const stopped = Date.now();
    await platform!.stopService('execution');
    await page.waitForSelector(tile('execution', 'down'), { timeout: 10_000 });
    const seenDown = Date.now() - stopped;
    for (const service of SERVICES.filter((s) => s !== 'execution')) expect(await page.$(tile(service, 'up'))).not.toBeNull();

    const restarted = Date.now();
    await platform!.startService('execution');
    await page.waitForSelector(tile('execution', 'up'), { timeout: 20_000 });
    console.log(`dashboard showed execution down ${seenDown} ms after it stopped, and up ${Date.now() - restarted} ms after it restarted`);

    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(page.url()).toMatch(/\/dashboard/);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  }, 90_000);
});
