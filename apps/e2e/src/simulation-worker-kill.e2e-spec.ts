import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunDetail, RunSummary } from '@meridian/contracts';
import { TestPlatform } from './support/platform';

const ROOT = join(__dirname, '../../..');
const SIMULATION_MAIN = join(ROOT, 'dist/apps/simulation/src/main.js');

/**
 * A backtest job whose worker is killed (SIGKILL, mid-run) is taken up again by the next worker
 * once its lock expires, and finishes; it is never left "running" forever.
 */
describe('simulation jobs survive a killed worker', () => {
  const platform = new TestPlatform({ VENUE_SPEED: '5', VENUE_SEED: '4', HISTORY_BACKFILL: 'off' });
  let token: string;
  let worker: ChildProcess | null = null;
  const symbol = `KILL${Date.now() % 100000}`;

  function startWorker(): ChildProcess {
    const env = { ...process.env, ...platform.env('simulation'), LOG_CONSOLE: 'false', NODE_OPTIONS: '', SIM_JOB_LOCK_MS: '3000' };
    return spawn(process.execPath, [SIMULATION_MAIN], { env, stdio: 'ignore' });
  }
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const detail = async (id: string) => (await platform.http().get(`/api/simulation/results?id=${id}`).set(auth())).body as RunDetail;

  beforeAll(async () => {
    if (!existsSync(SIMULATION_MAIN)) throw new Error(`${SIMULATION_MAIN} is missing: run \`node tools/build/build.mjs --server-only\` first (npm test does)`);
    await platform.start({ external: ['simulation'] });
    worker = startWorker();
    await platform.waitFor(async () => (await platform.health()).components.find((c) => c.name === 'simulation')?.status === 'up', 60_000, 'simulation up');
    token = await platform.tokenFor('trader');
    const csv = readFileSync(join(ROOT, 'libs/backtest/reference/daily-bars.csv'), 'utf8');
    await platform.http().post(`/api/data/import?symbol=${symbol}&format=generic&dateColumn=date&openColumn=open&highColumn=high&lowColumn=low&closeColumn=close&volumeColumn=volume`).set(auth()).set('Content-Type', 'text/csv').send(csv).expect(201);
  }, 120_000);
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await platform.close();
  }, 30_000);

  it('retries the run on the next worker after the first was killed mid-run', async () => {
    // Walk-forward over a 20 × 40 grid: a few seconds of work in one job.
    const fast = Array.from({ length: 20 }, (_, i) => i + 2);
    const slow = Array.from({ length: 40 }, (_, i) => i + 25);
    const run = (await platform.http().post('/api/simulation/backtest').set(auth()).send({ strategyId: 'sma-crossover', symbols: [symbol], grid: { fast, slow }, walkForward: { windows: 3, inSampleBars: 250, outOfSampleBars: 80 } }).expect(202)).body as RunSummary;
    await platform.waitFor(async () => (await detail(run.id)).progress > 0.05, 60_000, 'the run to make progress');
    worker!.kill('SIGKILL');

    worker = startWorker();
    let final: RunDetail | null = null;
    await platform.waitFor(async () => ['completed', 'failed', 'cancelled'].includes((final = await detail(run.id))?.status), 120_000, 'the run to finish after the restart');
    expect(final!.status).toBe('completed');
    expect(final!.walkForward).toHaveLength(3);
  }, 240_000);
});
