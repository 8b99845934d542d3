import Decimal from 'decimal.js';
import { Client } from 'pg';
import WebSocket from 'ws';
import type { CancelReport, CreateOrderResult, FillView, OrderView, Page, PositionsResponse, RebalanceResponse, RiskLimitsResponse, RiskMetricsResponse, WsServerFrame } from '@meridian/contracts';
import { TEST_DATABASE_URL, TestPlatform } from './support/platform';

describe('F9 Execution and F8 Portfolio through the gateway', () => {
  const platform = new TestPlatform({ VENUE_SPEED: '5', VENUE_SEED: '11', HISTORY_BACKFILL: 'off', PAPER_LATENCY_MS: '5', PAPER_FEE_BPS: '10', PAPER_FEE_FIXED: '0.5', EQUITY_SAMPLE_MS: '500',
    // Finished orders leave execution's memory at once, so every test here also reads them back from the read model.
    TRADING_FINISHED_ORDER_RETENTION_MS: '0' });
  let token: string;
  let admin: string;
  const auth = (t = token) => ({ Authorization: `Bearer ${t}` });
  let n = 0;
  const cid = (label: string) => `${label}-${platform.id}-${++n}`;

  beforeAll(async () => {
    await platform.start();
    token = await platform.tokenFor('trader');
    admin = await platform.tokenFor('admin');
    await platform.waitFor(async () => (await lastPrice('R_100')) > 0, 30_000, 'a price for R_100');
  }, 90_000);
  afterAll(() => platform.close(), 30_000);

  async function lastPrice(symbol: string): Promise<number> {
    const res = await platform.http().get('/api/markets/live-data').set(auth());
    return (res.body.quotes as { symbol: string; price: number }[]).find((q) => q.symbol === symbol)?.price ?? 0;
  }
  const order = (body: Record<string, unknown>, t = token) => platform.http().post('/api/orders/create').set(auth(t)).send(body);
  const getOrder = async (id: string) => (await platform.http().get(`/api/orders/${id}`).set(auth()).expect(200)).body as OrderView;
  const positions = async (t = token) => (await platform.http().get('/api/portfolio/positions').set(auth(t)).expect(200)).body as PositionsResponse;
  async function waitStatus(id: string, statuses: string[], ms = 10_000): Promise<OrderView> {
    let last: OrderView | null = null;
    await platform.waitFor(async () => statuses.includes((last = await getOrder(id)).status), ms, `order ${id} to be ${statuses.join('|')}`);
    return last as unknown as OrderView;
  }

  it('buys at market: the fill, the position and cash agree to the cent with the fees', async () => {
    const res = await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '2', clientOrderId: cid('mkt') }).expect(201);
    const created = res.body as CreateOrderResult;
    expect(created).toMatchObject({ duplicate: false, order: { status: 'accepted', symbol: 'R_100', quantity: '2', type: 'market' } });
    const filled = await waitStatus(created.order.id, ['filled']);
    const fills = (await platform.http().get(`/api/executions/history?orderId=${created.order.id}`).set(auth()).expect(200)).body as Page<FillView>;
    expect(fills.items.length).toBeGreaterThanOrEqual(1);
    const notional = fills.items.reduce((s, f) => s.plus(new Decimal(f.quantity).times(f.price)), new Decimal(0));
    const fees = fills.items.reduce((s, f) => s.plus(f.fee), new Decimal(0));
    // 10 bps of notional plus 0.50 per fill.
    expect(fees.toFixed(8)).toBe(notional.times(0.001).plus(new Decimal(0.5).times(fills.items.length)).toDecimalPlaces(8).toFixed(8));
    expect(new Decimal(filled.averagePrice!).times(2).toFixed(8)).toBe(notional.toFixed(8));
    const p = await positions();
    const pos = p.positions.find((x) => x.symbol === 'R_100')!;
    expect(pos.quantity).toBe('2');
    expect(new Decimal(p.account.cash).toFixed(8)).toBe(new Decimal(100_000).minus(notional).minus(fees).toFixed(8));
    expect(pos.lastPrice).not.toBeNull();
    expect(new Decimal(pos.unrealisedPnl!).toFixed(6)).toBe(new Decimal(pos.lastPrice!).minus(pos.averagePrice).times(2).toFixed(6));
  });

  it('places a limit order away from the market and cancels it', async () => {
    const price = await lastPrice('R_100');
    const created = (await order({ symbol: 'R_100', side: 'buy', type: 'limit', quantity: '1', limitPrice: (price * 0.95).toFixed(2), clientOrderId: cid('lmt') }).expect(201)).body as CreateOrderResult;
    const open = (await platform.http().get('/api/orders/status?status=open').set(auth()).expect(200)).body as Page<OrderView>;
    expect(open.items.map((o) => o.id)).toContain(created.order.id);
    const report = (await platform.http().post('/api/executions/cancel').set(auth()).send({ scope: 'order', id: created.order.id }).expect(200)).body as CancelReport;
    expect(report.cancelled.map((o) => o.id)).toEqual([created.order.id]);
    expect((await getOrder(created.order.id)).status).toBe('cancelled');
    const again = (await platform.http().post('/api/executions/cancel').set(auth()).send({ scope: 'order', id: created.order.id }).expect(200)).body as CancelReport;
    expect(again).toEqual({ cancelled: [], skipped: [{ id: created.order.id, reason: 'already cancelled' }] });
  });

  it("fills a bracket's take-profit, which cancels its stop-loss", async () => {
    const price = await lastPrice('R_100');
    const created = (await order({
      symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId: cid('bkt'),
      // A take-profit below the market is marketable as soon as it is placed: it fills first, deterministically.
      bracket: { takeProfit: (price * 0.98).toFixed(2), stopLoss: (price * 0.5).toFixed(2) },
    }).expect(201)).body as CreateOrderResult;
    await waitStatus(created.order.id, ['filled']);
    let children: OrderView[] = [];
    await platform.waitFor(async () => {
      children = ((await platform.http().get(`/api/orders/status?status=all&parentId=${created.order.id}`).set(auth())).body as Page<OrderView>).items;
      return children.length === 2 && children.every((c) => c.status === 'filled' || c.status === 'cancelled');
    }, 10_000, 'the bracket children to settle');
    const tp = children.find((c) => c.role === 'take-profit')!;
    const sl = children.find((c) => c.role === 'stop-loss')!;
    expect(tp.status).toBe('filled');
    expect(sl.status).toBe('cancelled');
    expect(sl.cancelReason).toMatch(/one-cancels-other/);
    expect(tp.reduceOnly && sl.reduceOnly).toBe(true);
  });

  async function executionGauge(name: string): Promise<number> {
    const execution = platform.services.get('execution')?.app.getHttpServer().address() as { port: number };
    const text = await (await fetch(`http://127.0.0.1:${execution.port}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
  }

  it('reads, lists and recognises a repeat of a finished order after it left execution memory', async () => {
    const evictedBefore = await executionGauge('meridian_trading_orders_evicted');
    const clientOrderId = cid('gone');
    const created = (await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId }).expect(201)).body as CreateOrderResult;
    await waitStatus(created.order.id, ['filled']);
    await platform.waitFor(async () => (await executionGauge('meridian_trading_orders_evicted')) > evictedBefore, 10_000, 'the filled order to leave memory');
    await platform.waitFor(async () => (await executionGauge('meridian_trading_read_model_lag_events')) === 0, 10_000, 'the read model to catch up');

    const byId = await getOrder(created.order.id);
    expect(byId).toMatchObject({ id: created.order.id, clientOrderId, status: 'filled', filledQuantity: '1' });
    const byClientId = (await platform.http().get(`/api/orders/status?clientOrderId=${clientOrderId}`).set(auth()).expect(200)).body as Page<OrderView>;
    expect(byClientId.items.map((o) => o.id)).toEqual([created.order.id]);
    const filledList = (await platform.http().get('/api/orders/status?status=filled&symbol=R_100&limit=500').set(auth()).expect(200)).body as Page<OrderView>;
    expect(filledList.items.map((o) => o.id)).toContain(created.order.id);
    // A repeat is the same order, not a second one.
    const repeat = (await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId }).expect(201)).body as CreateOrderResult;
    expect(repeat).toMatchObject({ duplicate: true, order: { id: created.order.id, status: 'filled' } });
    const cancel = (await platform.http().post('/api/executions/cancel').set(auth()).send({ scope: 'order', id: created.order.id }).expect(200)).body as CancelReport;
    expect(cancel).toEqual({ cancelled: [], skipped: [{ id: created.order.id, reason: 'already filled' }] });
    const amend = await platform.http().post('/api/orders/amend').set(auth()).send({ id: created.order.id, quantity: '2' });
    expect(amend.status).toBe(409);
    // Another user cannot read it.
    const other = await platform.tokenFor('viewer');
    await platform.http().get(`/api/orders/${created.order.id}`).set(auth(other)).expect(404);
  });

  it('creates exactly one order from 100 concurrent requests with the same clientOrderId', async () => {
    const clientOrderId = cid('dup');
    const price = await lastPrice('R_50');
    const body = { symbol: 'R_50', side: 'buy', type: 'limit', quantity: '1', limitPrice: (price * 0.95).toFixed(2), clientOrderId };
    const answers = await Promise.all(Array.from({ length: 100 }, () => order(body)));
    expect(answers.map((a) => a.status).every((s) => s === 201)).toBe(true);
    const ids = new Set(answers.map((a) => (a.body as CreateOrderResult).order.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => (a.body as CreateOrderResult).duplicate === false)).toHaveLength(1);
    const listed = (await platform.http().get(`/api/orders/status?clientOrderId=${clientOrderId}`).set(auth()).expect(200)).body as Page<OrderView>;
    expect(listed.total).toBe(1);
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM "e2e_${platform.id}_execution".trading_events WHERE type = 'order.created' AND payload->'spec'->>'clientOrderId' = $1`, [clientOrderId]);
    await pg.end();
    expect(rows[0].n).toBe(1);
  });

  it('refuses an order above the quantity limit and one 20 % from the last price, naming the check; nothing else changes', async () => {
    const before = await positions();
    const openBefore = ((await platform.http().get('/api/orders/status').set(auth())).body as Page<OrderView>).total;
    const big = await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '10001', clientOrderId: cid('big') }).expect(422);
    expect(big.body.message).toMatch(/^Refused by max-order-quantity: Quantity 10001 is above the limit of 10000/);
    expect(big.body.details[0]).toEqual({ field: 'check', rules: { 'max-order-quantity': expect.any(String) } });
    const price = await lastPrice('R_100');
    const far = await order({ symbol: 'R_100', side: 'buy', type: 'limit', quantity: '1', limitPrice: (price * 1.2).toFixed(2), clientOrderId: cid('far') }).expect(422);
    expect(far.body.message).toMatch(/^Refused by price-collar: The limit price .* is (19|2\d)(\.\d+)? % from the last price/);
    // The refusal is recorded (and answered the same way on a retry).
    const recorded = await getOrder(far.body.details[1].rules.recorded);
    expect(recorded).toMatchObject({ status: 'rejected', rejectCheck: 'price-collar' });
    const after = await positions();
    expect(after.account.cash).toBe(before.account.cash);
    expect(after.positions.map((p) => [p.symbol, p.quantity])).toEqual(before.positions.map((p) => [p.symbol, p.quantity]));
    expect(((await platform.http().get('/api/orders/status').set(auth())).body as Page<OrderView>).total).toBe(openBefore);
  });

  it('answers bad orders with 400 naming the field and the rule', async () => {
    const res = await order({ symbol: 'R_100', side: 'hold', type: 'limit', quantity: '-1', clientOrderId: 'x y' }).expect(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['clientOrderId', 'limitPrice', 'quantity', 'side']));
    const gtd = await order({ symbol: 'R_100', side: 'buy', type: 'stop-limit', quantity: '1', stopPrice: '1', limitPrice: '1', timeInForce: 'GTD', clientOrderId: cid('gtd') }).expect(400);
    expect((gtd.body.details as { field: string }[]).map((d) => d.field)).toEqual(['expireAt']);
    const semantic = await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', postOnly: true, clientOrderId: cid('po') }).expect(400);
    expect(semantic.body.message).toBe('postOnly applies to limit orders only');
  });

  it('versions and audits risk limits; a lowered limit applies to the next order', async () => {
    const set = (await platform.http().post('/api/portfolio/risk-limits').set(auth()).send({ symbol: 'R_75', limits: { maxOrderQuantity: '3' }, reason: 'e2e' }).expect(200)).body as RiskLimitsResponse;
    expect(set.current.find((v) => v.symbol === 'R_75')).toMatchObject({ version: 1, limits: { maxOrderQuantity: '3' }, reason: 'e2e' });
    await order({ symbol: 'R_75', side: 'buy', type: 'market', quantity: '4', clientOrderId: cid('r75') }).expect(422);
    await platform.http().post('/api/portfolio/risk-limits').set(auth()).send({ symbol: 'R_75', limits: { maxOrderQuantity: '5' } }).expect(200);
    await order({ symbol: 'R_75', side: 'buy', type: 'market', quantity: '4', clientOrderId: cid('r75') }).expect(201);
    const read = (await platform.http().get('/api/portfolio/risk-limits').set(auth()).expect(200)).body as RiskLimitsResponse;
    expect(read.history.filter((v) => v.symbol === 'R_75').map((v) => v.version)).toEqual([2, 1]);
    expect(read.current.find((v) => v.symbol === '*')).toMatchObject({ version: 1, changedBy: 'system' });
  });

  it('works a TWAP through child orders to completion, and cancelling an iceberg cancels its child', async () => {
    const twap = (await order({ symbol: 'R_25', side: 'buy', type: 'algo', quantity: '3', clientOrderId: cid('twap'), algo: { kind: 'twap', durationSec: 1, slices: 3 } }).expect(201)).body as CreateOrderResult;
    expect(twap.order.algo).toMatchObject({ kind: 'twap', progress: { childrenPlanned: 3 } });
    const done = await waitStatus(twap.order.id, ['filled', 'cancelled'], 15_000);
    expect(done.status).toBe('filled');
    expect(done.algo?.progress).toMatchObject({ childrenPlaced: 3, percentDone: 100, state: 'completed' });
    const list = async (query: string) => ((await platform.http().get(`/api/orders/status?${query}`).set(auth()).expect(200)).body as Page<OrderView>);
    const slices = await list(`status=all&parentId=${twap.order.id}`);
    expect(slices.items.map((o) => [o.role, o.parentId, o.status])).toEqual(Array(3).fill(['algo-child', twap.order.id, 'filled']));
    const parents = await list('status=all&role=algo-parent');
    expect(parents.items.every((o) => o.role === 'algo-parent')).toBe(true);
    expect(parents.items.map((o) => o.id)).toContain(twap.order.id);
    const everything = await list('status=all&limit=500');
    expect(everything.items.map((o) => o.createdAt)).toEqual([...everything.items.map((o) => o.createdAt)].sort().reverse()); // newest first
    const price = await lastPrice('R_25');
    const ice = (await order({ symbol: 'R_25', side: 'buy', type: 'algo', quantity: '5', limitPrice: (price * 0.95).toFixed(2), clientOrderId: cid('ice'), algo: { kind: 'iceberg', displayQuantity: '1' } }).expect(201)).body as CreateOrderResult;
    await platform.waitFor(async () => ((await platform.http().get(`/api/orders/status?parentId=${ice.order.id}`).set(auth())).body as Page<OrderView>).total === 1, 5_000, 'the iceberg child');
    const report = (await platform.http().post('/api/executions/cancel').set(auth()).send({ scope: 'order', id: ice.order.id }).expect(200)).body as CancelReport;
    expect(report.cancelled.map((o) => o.role).sort()).toEqual(['algo-child', 'algo-parent']);
  });

  it('streams order and fill events to the owner on the trading channel only', async () => {
    const other = await platform.tokenFor('trader');
    const listen = (t: string) =>
      new Promise<{ ws: WebSocket; frames: WsServerFrame[] }>((resolve, reject) => {
        const ws = new WebSocket(`${platform.url.replace('http', 'ws')}/api/ws?access_token=${t}`);
        const frames: WsServerFrame[] = [];
        ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
        ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', channels: ['trading'] })));
        ws.on('error', reject);
        const check = setInterval(() => {
          if (frames.some((f) => f.type === 'subscribed')) {
            clearInterval(check);
            resolve({ ws, frames });
          }
        }, 20);
      });
    const mine = await listen(token);
    const theirs = await listen(other);
    const created = (await order({ symbol: 'R_10', side: 'buy', type: 'market', quantity: '1', clientOrderId: cid('ws') }).expect(201)).body as CreateOrderResult;
    await platform.waitFor(async () => mine.frames.some((f) => f.type === 'event' && f.channel === 'trading' && (f.data as { kind: string }).kind === 'fill'), 10_000, 'a fill event');
    const kinds = mine.frames.filter((f) => f.type === 'event').map((f) => (f as { data: { kind: string; order?: OrderView } }).data);
    expect(kinds.some((d) => d.kind === 'order' && d.order?.id === created.order.id)).toBe(true);

    // An algorithm's progress moves without an event of the parent's own when a child is placed
    // (an iceberg's resting slice): the parent is sent anyway.
    const price = await lastPrice('R_10');
    const ice = (await order({ symbol: 'R_10', side: 'buy', type: 'algo', quantity: '3', limitPrice: (price * 0.95).toFixed(2), clientOrderId: cid('ws-ice'), algo: { kind: 'iceberg', displayQuantity: '1' } }).expect(201)).body as CreateOrderResult;
    const parentUpdates = () =>
      mine.frames
        .filter((f) => f.type === 'event')
        .map((f) => (f as { data: { kind: string; order?: OrderView } }).data.order)
        .filter((o): o is OrderView => o?.id === ice.order.id);
    await platform.waitFor(async () => parentUpdates().some((o) => o.algo?.progress.childrenPlaced === 1), 5_000, 'the iceberg parent with its first child placed');
    await platform.http().post('/api/executions/cancel').set(auth()).send({ scope: 'order', id: ice.order.id }).expect(200);

    // Equity samples (every 500 ms here, while the account holds positions) once they are stored.
    const equityEvents = () => mine.frames.filter((f) => f.type === 'event' && (f.data as { kind: string }).kind === 'equity').map((f) => (f as { data: { accountId: string; point: { at: string; equity: string } } }).data);
    await platform.waitFor(async () => equityEvents().length >= 2, 5_000, 'equity samples on the trading channel');
    const sample = equityEvents().at(-1)!;
    expect(sample.accountId).toBe(created.order.accountId);
    const curve = (await platform.http().get('/api/portfolio/equity?limit=50').set(auth()).expect(200)).body as { at: string; equity: string }[];
    expect(curve.some((p) => p.at === sample.point.at && p.equity === sample.point.equity)).toBe(true);
    expect(theirs.frames.filter((f) => f.type === 'event')).toHaveLength(0);
    mine.ws.close();
    theirs.ws.close();
  });

  it('exports fills as CSV and reports risk metrics and a rebalance plan', async () => {
    const csv = await platform.http().get('/api/executions/history?format=csv').set(auth()).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('fill_id,order_id,symbol,side,quantity,price,fee,liquidity,tag,at');
    expect(lines.length).toBeGreaterThan(3);
    const metrics = (await platform.http().get('/api/portfolio/risk-metrics?benchmark=R_100').set(auth()).expect(200)).body as RiskMetricsResponse;
    expect(metrics.weights.length).toBeGreaterThan(0);
    expect(Number(metrics.grossExposure)).toBeGreaterThan(0);
    expect(metrics.beta.benchmark).toBe('R_100');
    const plan = (await platform.http().post('/api/portfolio/rebalance').set(auth()).send({ targets: [{ symbol: 'R_100', weight: 0.1 }, { symbol: 'R_50', weight: 0.05 }], mode: 'preview' }).expect(200)).body as RebalanceResponse;
    expect(plan.mode).toBe('preview');
    const r100 = plan.orders.find((o) => o.symbol === 'R_100')!;
    const equity = new Decimal(plan.equity);
    const held = new Decimal((await positions()).positions.find((p) => p.symbol === 'R_100')?.quantity ?? 0);
    const expected = equity.times(0.1).div(r100.price).toDecimalPlaces(6, Decimal.ROUND_DOWN).minus(held);
    // The plan shows equity to the cent; the quantity was computed from the exact equity.
    expect(new Decimal(r100.quantity).minus(expected.abs()).abs().toNumber()).toBeLessThanOrEqual(new Decimal(0.01).div(r100.price).times(0.1).toNumber() + 1e-6);
    const executed = (await platform.http().post('/api/portfolio/rebalance').set(auth()).send({ targets: [{ symbol: 'R_50', weight: 0.05 }], mode: 'execute' }).expect(200)).body as RebalanceResponse;
    expect(executed.orders[0].result).toMatchObject({ status: 'accepted' });
  });

  it('emergency stop cancels every open order and algorithm and refuses new orders until resumed', async () => {
    const price = await lastPrice('R_100');
    for (let i = 0; i < 3; i++) await order({ symbol: 'R_100', side: 'buy', type: 'limit', quantity: '1', limitPrice: (price * 0.95).toFixed(2), clientOrderId: cid('halt') }).expect(201);
    await order({ symbol: 'R_100', side: 'buy', type: 'algo', quantity: '2', clientOrderId: cid('halt-algo'), algo: { kind: 'twap', durationSec: 600, slices: 2 } }).expect(201);
    const stop = await platform.http().post('/api/system/emergency-stop').set(auth(admin)).send({ reason: 'e2e drill' }).expect(200);
    expect(JSON.stringify(stop.body)).toMatch(/cancelled/);
    const open = (await platform.http().get('/api/orders/status').set(auth()).expect(200)).body as Page<OrderView>;
    expect(open.total).toBe(0);
    const refused = await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId: cid('halted') });
    expect([422, 503]).toContain(refused.status);
    await platform.http().post('/api/system/resume').set(auth(admin)).send({ reason: 'drill over' }).expect(200);
    await platform.waitFor(async () => (await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId: cid('resumed') })).status === 201, 5_000, 'orders to pass again');
  });
});
