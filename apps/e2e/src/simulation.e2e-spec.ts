import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, RunCompare, RunDetail, RunSummary, StrategyView, StressTestResponse } from '@meridian/contracts';
import { TestPlatform } from './support/platform';

const REFERENCE = join(__dirname, '../../../libs/backtest/reference');

interface ExpectedTrade {
  entryTime: number;
  entryPrice: number;
  exitTime: number;
  exitPrice: number;
  quantity: number;
  grossPnl: number;
  fees: number;
}

describe('F6 Strategies and F7 Simulation through the gateway', () => {
  const platform = new TestPlatform({ VENUE_SPEED: '5', VENUE_SEED: '9', HISTORY_BACKFILL: 'off' });
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const symbol = `REF${Date.now() % 100000}`;

  beforeAll(async () => {
    await platform.start();
    token = await platform.tokenFor('trader');
    // The committed reference bars, imported as a user would.
    const csv = readFileSync(join(REFERENCE, 'daily-bars.csv'), 'utf8');
    await platform.http().post(`/api/data/import?symbol=${symbol}&format=generic&dateColumn=date&openColumn=open&highColumn=high&lowColumn=low&closeColumn=close&volumeColumn=volume`).set(auth()).set('Content-Type', 'text/csv').send(csv).expect(201);
  }, 120_000);
  afterAll(() => platform.close(), 30_000);

  async function waitRun(id: string, ms = 60_000): Promise<RunDetail> {
    let run: RunDetail | null = null;
    await platform.waitFor(async () => {
      run = (await platform.http().get(`/api/simulation/results?id=${id}`).set(auth()).expect(200)).body as RunDetail;
      return ['completed', 'failed', 'cancelled'].includes(run.status);
    }, ms, `run ${id} to finish`);
    return run as unknown as RunDetail;
  }

  const rule = {
    symbols: [symbol],
    entry: 'crossAbove(sma(close,10), sma(close,30))',
    exit: 'crossBelow(sma(close,10), sma(close,30))',
    side: 'long',
    sizing: { type: 'quantity', value: 1 },
  };

  it('refuses a rule that does not parse with 400 naming the position', async () => {
    const res = await platform.http().post('/api/strategies/create').set(auth()).send({ name: 'broken', kind: 'rule', rule: { ...rule, entry: 'crossAbove(sma(close,10), sma(close 30))' } }).expect(400);
    expect(res.body.message).toMatch(/^rule\.entry at 1:\d+: /);
    expect(res.body.details[0].field).toBe('rule.entry');
    const validation = (await platform.http().post('/api/strategies/validate').set(auth()).send({ rule }).expect(200)).body;
    expect(validation).toMatchObject({ ok: true, errors: [], canonical: { entry: expect.stringContaining('crossAbove') } });
  });

  it('backtests the SMA 10/30 crossover rule on imported daily bars exactly like the independent R calculation', async () => {
    const created = (await platform.http().post('/api/strategies/create').set(auth()).send({ name: `SMA cross ${symbol}`, kind: 'rule', rule }).expect(201)).body as StrategyView;
    expect(created).toMatchObject({ kind: 'rule', latestVersion: 1 });
    const queued = (await platform.http().post('/api/strategies/backtest').set(auth()).send({ strategyId: created.id, symbols: [symbol], timeframe: '1d', feesBps: 10, initialCash: 100_000 }).expect(202)).body as RunSummary;
    expect(queued.status).toBe('queued');
    const run = await waitRun(queued.id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('completed');
    const expected = JSON.parse(readFileSync(join(REFERENCE, 'sma-crossover-expected.json'), 'utf8')) as { trades: ExpectedTrade[]; totals: { grossPnl: number; fees: number } };
    const closed = run.trades.filter((t) => !t.open);
    expect(closed).toHaveLength(expected.trades.length);
    closed.forEach((t, i) => {
      const e = expected.trades[i];
      expect(Date.parse(t.entryTime)).toBe(e.entryTime);
      expect(Date.parse(t.exitTime!)).toBe(e.exitTime);
      expect(t.entryPrice).toBeCloseTo(e.entryPrice, 9);
      expect(t.exitPrice!).toBeCloseTo(e.exitPrice, 9);
      expect(t.grossPnl).toBeCloseTo(e.grossPnl, 9);
      expect(t.fees).toBeCloseTo(e.fees, 9);
    });
    expect(closed.reduce((s, t) => s + t.grossPnl, 0)).toBeCloseTo(expected.totals.grossPnl, 9);
    expect(run.metrics!.feesPaid).toBeCloseTo(expected.totals.fees, 9);
    expect(run.dataVersion).toMatch(/^sha256:/);
    expect(run.equity!.equity.length).toBeGreaterThan(400);
    // The registry shows it with its latest backtest.
    const registry = (await platform.http().get('/api/strategies/registry?kind=rule').set(auth()).expect(200)).body as Page<StrategyView>;
    expect(registry.items.find((s) => s.id === created.id)?.latestBacktest?.id).toBe(queued.id);
  }, 120_000);

  it('runs a parameter grid of a built-in as chunk jobs and reports every point', async () => {
    const queued = (await platform.http().post('/api/simulation/backtest').set(auth()).send({ strategyId: 'sma-crossover', symbols: [symbol], timeframe: '1d', grid: { fast: [5, 10, 15], slow: [20, 30, 40, 50] } }).expect(202)).body as RunSummary;
    expect(queued.kind).toBe('grid');
    const run = await waitRun(queued.id);
    expect(run.status).toBe('completed');
    expect(run.grid).toHaveLength(12);
    expect(run.grid!.every((p) => p.metrics !== null)).toBe(true);
    const bad = await platform.http().post('/api/simulation/backtest').set(auth()).send({ strategyId: 'sma-crossover', symbols: [symbol], grid: { nope: [1] } }).expect(400);
    expect(bad.body.message).toMatch(/nope/);
  }, 120_000);

  it('runs walk-forward windows, Monte Carlo (seeded, reproducible) and compares runs', async () => {
    const wf = (await platform.http().post('/api/simulation/backtest').set(auth()).send({ strategyId: 'sma-crossover', symbols: [symbol], timeframe: '1d', grid: { fast: [5, 10], slow: [30, 40] }, walkForward: { windows: 3, inSampleBars: 200, outOfSampleBars: 80 } }).expect(202)).body as RunSummary;
    const backtest = (await platform.http().post('/api/simulation/backtest').set(auth()).send({ rule, symbols: [symbol], timeframe: '1d', feesBps: 10 }).expect(202)).body as RunSummary;
    const wfRun = await waitRun(wf.id);
    expect(wfRun.status).toBe('completed');
    expect(wfRun.walkForward).toHaveLength(3);
    expect(wfRun.walkForward![0].inSampleMetrics).not.toBeNull();
    await waitRun(backtest.id);
    const mc = async () => (await platform.http().post('/api/simulation/monte-carlo').set(auth()).send({ source: 'backtest', runId: backtest.id, method: 'trade-resample', paths: 2000, steps: 50, seed: 7 }).expect(202)).body as RunSummary;
    const [a, b] = [await waitRun((await mc()).id), await waitRun((await mc()).id)];
    expect(a.status).toBe('completed');
    expect(a.monteCarlo!.bands).toHaveLength(5);
    expect(a.monteCarlo!.bands[2]).toEqual(b.monteCarlo!.bands[2]);
    expect(a.monteCarlo!.lossProbabilities.length).toBeGreaterThan(0);
    const compare = (await platform.http().get(`/api/simulation/results?ids=${backtest.id},${wf.id}`).set(auth()).expect(200)).body as RunCompare;
    expect(compare.runs.map((r) => r.id)).toEqual([backtest.id, wf.id]);
  }, 180_000);

  it('cancels a run: it is recorded at once and its remaining work is not done', async () => {
    // 40 × 40 = 1,600 points: far more than can run before the cancel arrives.
    const fast = Array.from({ length: 40 }, (_, i) => i + 2);
    const slow = Array.from({ length: 40 }, (_, i) => i + 45);
    const queued = (await platform.http().post('/api/simulation/backtest').set(auth()).send({ strategyId: 'sma-crossover', symbols: [symbol], grid: { fast, slow } }).expect(202)).body as RunSummary;
    const cancelled = (await platform.http().post('/api/simulation/cancel').set(auth()).send({ id: queued.id }).expect(200)).body as RunSummary;
    expect(cancelled.status).toBe('cancelled');
    // Chunks still queued are skipped, the running one stops at its next check: the points stop growing.
    const points = async () => ((await platform.http().get(`/api/simulation/results?id=${queued.id}`).set(auth()).expect(200)).body as RunDetail).grid?.length ?? 0;
    let previous = -1;
    await platform.waitFor(async () => {
      const now = await points();
      const settled = now === previous;
      previous = now;
      return settled;
    }, 30_000, 'the cancelled grid to stop');
    expect(previous).toBeLessThan(1_600);
    const run = await waitRun(queued.id);
    expect(run.status).toBe('cancelled');
    await platform.http().post('/api/simulation/cancel').set(auth()).send({ id: queued.id }).expect(409);
  }, 60_000);

  it('stress-tests the portfolio under a shock with the P&L per position', async () => {
    const order = await platform.http().post('/api/orders/create').set(auth()).send({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '2', clientOrderId: `stress-${platform.id}` }).expect(201);
    await platform.waitFor(async () => (await platform.http().get(`/api/orders/${order.body.order.id}`).set(auth())).body.status === 'filled', 10_000, 'the fill');
    const res = (await platform.http().post('/api/simulation/stress-test').set(auth()).send({ source: 'portfolio', standard: false, scenarios: [{ name: 'R_100 −20 %', definition: { kind: 'shock', moves: { R_100: -0.2 } } }] }).expect(200)).body as StressTestResponse;
    expect(res.scenarios).toHaveLength(1);
    const p = res.scenarios[0].positions.find((x) => x.symbol === 'R_100')!;
    expect(p.quantity).toBe(2);
    expect(res.scenarios[0].pnl).toBeCloseTo(-0.2 * 2 * p.price, 6);
    const saved = (await platform.http().post('/api/simulation/scenarios').set(auth()).send({ name: 'Crash', definition: { kind: 'shock', moves: { '*': -0.3 } } }).expect(201)).body;
    const again = (await platform.http().post('/api/simulation/stress-test').set(auth()).send({ source: 'portfolio', standard: false, scenarioIds: [saved.id] }).expect(200)).body as StressTestResponse;
    // Marked at the price of this second test (the market moved since the first).
    const p2 = again.scenarios[0].positions.find((x) => x.symbol === 'R_100')!;
    expect(again.scenarios[0].pnl).toBeCloseTo(-0.3 * 2 * p2.price, 6);
    await platform.http().post('/api/simulation/scenarios').set(auth()).send({ name: 'Bad', definition: { kind: 'meteor' } }).expect(400);
  }, 60_000);
});
