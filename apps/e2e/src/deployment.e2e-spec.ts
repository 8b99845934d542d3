import WebSocket from 'ws';
import type { DeploymentReport, DeploymentView, OrderView, Page, RunDetail, RunSummary, StrategyView, TradingEventPayload, WsServerFrame } from '@meridian/contracts';
import { TestPlatform } from './support/platform';

/**
 * F6 deploy: a backtested rule strategy runs live in paper trading, its orders tagged and risk
 * checked; it survives a restart of execution and the emergency stop pauses it.
 */
describe('Deploying a strategy to paper trading', () => {
  // Sixty times real time: a 1m candle closes every second.
  const platform = new TestPlatform({ VENUE_SPEED: '60', VENUE_SEED: '21', HISTORY_BACKFILL: 'off' });
  let token: string;
  let admin: string;
  const auth = (t = token) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    await platform.start();
    token = await platform.tokenFor('trader');
    admin = await platform.tokenFor('admin');
  }, 90_000);
  afterAll(() => platform.close(), 30_000);

  const deployments = async () => (await platform.http().get('/api/strategies/deployments').set(auth()).expect(200)).body as DeploymentView[];
  const tagged = async (tag: string) => ((await platform.http().get('/api/orders/status?status=all&limit=500').set(auth()).expect(200)).body as Page<OrderView>).items.filter((o) => o.tag === tag);

  it('refuses to deploy a version without a finished backtest, then runs one that has one', async () => {
    const rule = { symbols: ['R_100'], entry: 'close > prev(close, 1)', exit: 'close < prev(close, 1)', side: 'long', sizing: { type: 'quantity', value: 1 } };
    const strategy = (await platform.http().post('/api/strategies/create').set(auth()).send({ name: 'Tick follower', kind: 'rule', rule }).expect(201)).body as StrategyView;
    const refused = await platform.http().post('/api/strategies/deploy').set(auth()).send({ strategyId: strategy.id, symbols: ['R_100'], timeframe: '1m' }).expect(409);
    expect(refused.body.message).toMatch(/no finished backtest/);

    // Live 1m candles accumulate (one a second), then the version is backtested on them.
    await platform.waitFor(async () => {
      const res = await platform.http().get('/api/markets/live-data?symbol=R_100&timeframe=1m').set(auth());
      return (res.body.candles?.items ?? []).filter((c: { closed: boolean }) => c.closed).length >= 8;
    }, 60_000, '1m candles');
    const run = (await platform.http().post('/api/strategies/backtest').set(auth()).send({ strategyId: strategy.id, symbols: ['R_100'], timeframe: '1m' }).expect(202)).body as RunSummary;
    await platform.waitFor(async () => ((await platform.http().get(`/api/simulation/results?id=${run.id}`).set(auth())).body as RunDetail).status === 'completed', 30_000, 'the backtest');

    // The owner's WebSocket follows the deployment on the trading channel.
    const ws = new WebSocket(`${platform.url.replace('http', 'ws')}/api/ws?access_token=${token}`);
    const updates: DeploymentView[] = [];
    let subscribed = false;
    ws.on('message', (d) => {
      const frame = JSON.parse(d.toString()) as WsServerFrame;
      if (frame.type === 'subscribed') subscribed = true;
      if (frame.type === 'event' && frame.channel === 'trading' && (frame.data as TradingEventPayload).kind === 'deployment') {
        updates.push((frame.data as Extract<TradingEventPayload, { kind: 'deployment' }>).deployment);
      }
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'subscribe', channels: ['trading'] }));
    await platform.waitFor(async () => subscribed, 3_000, 'subscribed to trading');

    const deployment = (await platform.http().post('/api/strategies/deploy').set(auth()).send({ strategyId: strategy.id, symbols: ['R_100'], timeframe: '1m' }).expect(201)).body as DeploymentView;
    await platform.waitFor(async () => updates.some((u) => u.id === deployment.id && u.barsSeen >= 2), 30_000, 'deployment events with the bars it has seen');
    expect(updates.find((u) => u.id === deployment.id)).toMatchObject({ status: 'running', tag: deployment.tag });
    expect(deployment).toMatchObject({ status: 'running', backtestRunId: run.id, tag: expect.stringMatching(new RegExp(`^strategy:${strategy.id}:v1:`)) });
    await platform.waitFor(async () => (await tagged(deployment.tag)).length >= 2, 60_000, 'the deployed strategy to place orders');
    const orders = await tagged(deployment.tag);
    expect(orders.every((o) => o.symbol === 'R_100' && o.type === 'market')).toBe(true);

    // A restart of execution: the deployment resumes and keeps deciding.
    const before = (await deployments()).find((d) => d.id === deployment.id)!.barsSeen;
    await platform.stopService('execution');
    await platform.startService('execution');
    await platform.waitFor(async () => ((await deployments().catch(() => [])).find((d) => d.id === deployment.id)?.barsSeen ?? 0) > before + 1, 60_000, 'the deployment to run again after the restart');
    expect((await deployments()).find((d) => d.id === deployment.id)!.status).toBe('running');

    const report = (await platform.http().get(`/api/strategies/deployments/report?id=${deployment.id}`).set(auth()).expect(200)).body as DeploymentReport;
    expect(report.live.fills).toBeGreaterThan(0);
    expect(report.backtest.error).toBeNull();
    expect(typeof report.drift).toBe('number');

    // The emergency stop pauses it: no new orders until someone starts it again.
    await platform.http().post('/api/system/emergency-stop').set(auth(admin)).send({ reason: 'deployment drill' }).expect(200);
    expect((await deployments()).find((d) => d.id === deployment.id)).toMatchObject({ status: 'paused', statusReason: expect.stringMatching(/emergency stop/) });
    await platform.waitFor(async () => updates.some((u) => u.id === deployment.id && u.status === 'paused'), 5_000, 'the pause as an event');
    ws.close();
    const count = (await tagged(deployment.tag)).length;
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await tagged(deployment.tag)).length).toBe(count);
    await platform.http().post('/api/system/resume').set(auth(admin)).send({ reason: 'drill over' }).expect(200);
    const restarted = (await platform.http().post('/api/strategies/deployments/control').set(auth()).send({ id: deployment.id, action: 'start' }).expect(200)).body as DeploymentView;
    expect(restarted.status).toBe('running');
    const stopped = (await platform.http().post('/api/strategies/deployments/control').set(auth()).send({ id: deployment.id, action: 'stop' }).expect(200)).body as DeploymentView;
    expect(stopped.status).toBe('stopped');
  }, 240_000);
});
