import Decimal from 'decimal.js';
import { Client } from 'pg';
import type { AccountsResponse, AlertView, CreateOrderResult, OrderView, Page, PositionsResponse } from '@meridian/contracts';
import { DEFAULT_TEST_ACCOUNT_ID, DEFAULT_TEST_API_TOKEN, DerivProtocolServer } from '@meridian/venues';
import { TEST_DATABASE_URL, TestPlatform } from './support/platform';

/**
 * Orders of the Deriv account go to Deriv (here: the local server speaking Deriv's API, which
 * also serves the market data): OTP → trading socket, MULTUP/MULTDOWN multiplier contracts, a
 * buy journaled before it is sent and never sent twice, and reconciliation at start.
 */
describe('Deriv account: orders execute as multiplier contracts on Deriv', () => {
  let server: DerivProtocolServer;
  let platform: TestPlatform;
  let admin: string;
  let accountId: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  let n = 0;
  const cid = (label: string) => `deriv-${label}-${++n}`;
  const schema = () => `e2e_${platform.id}_execution`;

  beforeAll(async () => {
    server = await DerivProtocolServer.start({ tickIntervalMs: 200 });
    platform = new TestPlatform({
      DERIV_APP_ID: '1089',
      DERIV_WS_URL: server.url,
      DERIV_API_TOKEN: DEFAULT_TEST_API_TOKEN,
      DERIV_ACCOUNT_ID: DEFAULT_TEST_ACCOUNT_ID,
      DERIV_REST_URL: server.restBaseUrl,
      DERIV_MULTIPLIER: '100',
    });
    await platform.start();
    admin = (await platform.login()).accessToken;
    await platform.waitFor(async () => !!(await derivAccount()), 30_000, 'the Deriv account');
    accountId = (await derivAccount())!.id;
    await platform.waitFor(async () => (await lastPrice('R_100')) > 0 && (await lastPrice('R_50')) > 0, 60_000, 'prices from the Deriv protocol server');
    await platform.waitFor(async () => server.tradingConnectionCount >= 1, 60_000, 'the OTP trading socket');
  }, 180_000);
  afterAll(async () => {
    await platform?.close();
    await server?.close();
  }, 60_000);

  async function derivAccount() {
    const res = await platform.http().get('/api/portfolio/accounts').set(auth());
    return (res.body as AccountsResponse).accounts?.find((a) => a.venue === 'deriv');
  }
  async function lastPrice(symbol: string): Promise<number> {
    const res = await platform.http().get('/api/markets/live-data').set(auth());
    return ((res.body.quotes ?? []) as { symbol: string; price: number }[]).find((q) => q.symbol === symbol)?.price ?? 0;
  }
  const order = (body: Record<string, unknown>) => platform.http().post('/api/orders/create').set(auth()).send({ accountId, ...body });
  const getOrder = async (id: string) => (await platform.http().get(`/api/orders/${id}`).set(auth()).expect(200)).body as OrderView;
  async function waitStatus(id: string, statuses: string[], ms = 60_000): Promise<OrderView> {
    let last: OrderView | null = null;
    await platform.waitFor(async () => statuses.includes((last = await getOrder(id)).status), ms, `order ${id} to be ${statuses.join('|')}`);
    return last as unknown as OrderView;
  }
  const positions = async () => (await platform.http().get(`/api/portfolio/positions?accountId=${accountId}`).set(auth()).expect(200)).body as PositionsResponse;
  async function intent(orderId: string): Promise<{ state: string; contract_id: string | null; entry_price: string | null }> {
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    try {
      const { rows } = await pg.query(`SELECT state, contract_id, entry_price FROM "${schema()}".deriv_intents WHERE order_id = $1`, [orderId]);
      return rows[0];
    } finally {
      await pg.end();
    }
  }
  const buyFor = (contractId: string) => server.contract(Number(contractId));

  it('opens the Deriv account for the configured owner, beside the paper venue', async () => {
    const account = (await derivAccount())!;
    expect(account).toMatchObject({ venue: 'deriv', name: `Deriv ${DEFAULT_TEST_ACCOUNT_ID}`, currency: 'USD', cash: '0' });
    expect(server.otpRequests.some((r) => r.status === 200 && r.accountId === DEFAULT_TEST_ACCOUNT_ID && r.authorization === `Bearer ${DEFAULT_TEST_API_TOKEN}` && r.appId === '1089')).toBe(true);
  });

  it('buys at market as a MULTUP contract staked at quantity × price ÷ multiplier, books the fill at the entry spot, and closes it with sell', async () => {
    const proposalsBefore = server.requests('proposal').length;
    const buysBefore = server.requests('buy').length;
    const created = (await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId: cid('buy') }).expect(201)).body as CreateOrderResult;
    expect(created.order.status).toBe('accepted');
    const filled = await waitStatus(created.order.id, ['filled', 'cancelled']);
    expect(filled).toMatchObject({ status: 'filled', filledQuantity: '1' });

    const proposal = server.requests('proposal').slice(proposalsBefore).map((r) => r.body);
    expect(proposal).toHaveLength(1);
    expect(proposal[0]).toMatchObject({ contract_type: 'MULTUP', basis: 'stake', underlying_symbol: 'R_100', multiplier: 100, currency: 'USD' });
    // About 1 000 × 1 ÷ 100: the stake of one unit of exposure.
    expect(proposal[0].amount as number).toBeGreaterThan(9);
    expect(proposal[0].amount as number).toBeLessThan(11);
    expect(server.requests('buy').length).toBe(buysBefore + 1);

    const row = await intent(created.order.id);
    expect(row.state).toBe('resolved');
    const contract = buyFor(row.contract_id!)!;
    expect(contract).toMatchObject({ contractType: 'MULTUP', symbol: 'R_100', status: 'open', multiplier: 100 });
    expect(new Decimal(filled.averagePrice!).toFixed(8)).toBe(new Decimal(contract.entrySpot).toFixed(8));
    const pos = (await positions()).positions.find((p) => p.symbol === 'R_100')!;
    expect(pos.quantity).toBe('1');

    // A reduce-only sell closes the contract with `sell`; the realised P&L is Deriv's profit to the cent.
    const sellsBefore = server.requests('sell').length;
    const close = (await order({ symbol: 'R_100', side: 'sell', type: 'market', quantity: '1', reduceOnly: true, clientOrderId: cid('close') }).expect(201)).body as CreateOrderResult;
    const closed = await waitStatus(close.order.id, ['filled', 'cancelled']);
    expect(closed.status).toBe('filled');
    expect(server.requests('sell').slice(sellsBefore).map((r) => r.body.sell)).toEqual([Number(row.contract_id)]);
    const sold = buyFor(row.contract_id!)!;
    expect(sold.status).toBe('sold');
    // A flat position with no realised P&L is not listed (a sale at the stake, no tick in between).
    const after = (await positions()).positions.find((p) => p.symbol === 'R_100');
    expect(after?.quantity ?? '0').toBe('0');
    expect(new Decimal(after?.realisedPnl ?? 0).toFixed(2)).toBe(sold.sellPrice!.minus(sold.stake).toFixed(2));
    expect(server.openContracts().filter((c) => c.contractId === Number(row.contract_id))).toHaveLength(0);
  });

  it('opens a MULTDOWN for a sell, and cancels a limit order with the reason, sending nothing', async () => {
    const proposalsBefore = server.requests('proposal').length;
    const short = (await order({ symbol: 'R_100', side: 'sell', type: 'market', quantity: '1', clientOrderId: cid('short') }).expect(201)).body as CreateOrderResult;
    expect((await waitStatus(short.order.id, ['filled', 'cancelled'])).status).toBe('filled');
    expect(server.requests('proposal').slice(proposalsBefore).map((r) => r.body.contract_type)).toEqual(['MULTDOWN']);

    const price = await lastPrice('R_100');
    const before = server.requests('proposal').length;
    const limit = (await order({ symbol: 'R_100', side: 'buy', type: 'limit', quantity: '1', limitPrice: (price * 0.99).toFixed(2), clientOrderId: cid('limit') }).expect(201)).body as CreateOrderResult;
    const cancelled = await waitStatus(limit.order.id, ['cancelled', 'filled']);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelReason).toMatch(/no resting orders.*nothing was sent to Deriv/);
    expect(server.requests('proposal').length).toBe(before);
  });

  it('never buys twice when the answer of a buy is lost: the contract is found in portfolio after the reconnect', async () => {
    const buysBefore = server.requests('buy').length;
    const otpBefore = server.otpRequests.length;
    server.loseNextAnswer('buy');
    const created = (await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '2', clientOrderId: cid('lost') }).expect(201)).body as CreateOrderResult;
    const settled = await waitStatus(created.order.id, ['filled', 'cancelled'], 90_000);
    expect(settled).toMatchObject({ status: 'filled', filledQuantity: '2' });
    expect(server.requests('buy').length).toBe(buysBefore + 1);
    // The one-time URL was spent, so the reconnect asked the OTP endpoint again.
    expect(server.otpRequests.length).toBeGreaterThan(otpBefore);
    const row = await intent(created.order.id);
    expect(row.state).toBe('resolved');
    expect(buyFor(row.contract_id!)).toMatchObject({ status: 'open', contractType: 'MULTUP' });
  });

  it('cancels the order with the reason when Deriv answers the buy with a rate-limit reply, and does not retry it', async () => {
    const buysBefore = server.requests('buy').length;
    const openBefore = server.openContracts().length;
    server.rateLimitNext('buy');
    const created = (await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '3', clientOrderId: cid('ratelimit') }).expect(201)).body as CreateOrderResult;
    const cancelled = await waitStatus(created.order.id, ['cancelled', 'filled']);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelReason).toMatch(/Deriv refused the buy \(RateLimit\).*Not retried/);
    expect(server.requests('buy').length).toBe(buysBefore + 1);
    expect(server.openContracts().length).toBe(openBefore);
    expect((await intent(created.order.id)).state).toBe('failed');
  });

  it('books a close made on Deriv\'s side while running (stop out, seen on the contract stream)', async () => {
    const created = (await order({ symbol: '1HZ100V', side: 'buy', type: 'market', quantity: '1', clientOrderId: cid('stopout') }).expect(201)).body as CreateOrderResult;
    expect((await waitStatus(created.order.id, ['filled', 'cancelled'])).status).toBe('filled');
    const contractId = (await intent(created.order.id)).contract_id!;
    server.emitTick('1HZ100V', server.quote('1HZ100V') * 0.9);
    expect(buyFor(contractId)?.status).toBe('lost');
    await platform.waitFor(async () => (await positions()).positions.find((p) => p.symbol === '1HZ100V')?.quantity === '0', 60_000, 'the stop out to be booked');
    const booked = ((await platform.http().get(`/api/orders/status?accountId=${accountId}&status=all&symbol=1HZ100V`).set(auth()).expect(200)).body as Page<OrderView>).items;
    expect(booked.find((o) => o.clientOrderId === `deriv-close-${contractId}`)).toMatchObject({ status: 'filled', side: 'sell', reduceOnly: true });
    const pos = (await positions()).positions.find((p) => p.symbol === '1HZ100V')!;
    expect(new Decimal(pos.realisedPnl).toFixed(2)).toBe(buyFor(contractId)!.stake.negated().toFixed(2));
    await platform.waitFor(async () => ((await platform.http().get('/api/alerts/active?limit=200').set(auth())).body as Page<AlertView>).items.some((a) => a.key === `deriv-closed:${contractId}`), 30_000, 'the deriv-closed alert');
  });

  it('after a restart, settles a lost buy from portfolio without buying again, and reconciles: a contract closed meanwhile raises a deriv-reconcile alert and its close is booked', async () => {
    const created = (await order({ symbol: 'R_50', side: 'buy', type: 'market', quantity: '1', clientOrderId: cid('restart') }).expect(201)).body as CreateOrderResult;
    expect((await waitStatus(created.order.id, ['filled', 'cancelled'])).status).toBe('filled');
    const contractId = (await intent(created.order.id)).contract_id!;
    expect((await positions()).positions.find((p) => p.symbol === 'R_50')?.quantity).toBe('1');

    // A buy Deriv carries out but never answers, still waiting when execution stops.
    const buysBefore = server.requests('buy').length;
    server.loseNextAnswer('buy', 1, { keepConnection: true });
    const pending = (await order({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '4', clientOrderId: cid('pending') }).expect(201)).body as CreateOrderResult;
    await platform.waitFor(async () => server.requests('buy').length === buysBefore + 1, 60_000, 'the unanswered buy to reach Deriv');
    expect((await getOrder(pending.order.id)).status).toBe('accepted');

    await platform.stopService('execution');
    expect((await intent(pending.order.id)).state).toBe('sent');
    // While execution is down the price falls 10 %: the R_50 contract is stopped out on Deriv's side.
    server.emitTick('R_50', server.quote('R_50') * 0.9);
    expect(buyFor(contractId)?.status).toBe('lost');
    await platform.startService('execution');

    // The lost buy is found in portfolio and booked on its order; it was not bought again.
    const settled = await waitStatus(pending.order.id, ['filled', 'cancelled'], 90_000);
    expect(settled).toMatchObject({ status: 'filled', filledQuantity: '4' });
    expect(server.requests('buy').length).toBe(buysBefore + 1);
    const row = await intent(pending.order.id);
    expect(row.state).toBe('resolved');
    expect(buyFor(row.contract_id!)).toMatchObject({ status: 'open', contractType: 'MULTUP', symbol: 'R_100' });

    let alert: AlertView | undefined;
    await platform.waitFor(async () => {
      const res = await platform.http().get('/api/alerts/active?limit=200').set(auth());
      alert = ((res.body as Page<AlertView>).items ?? []).find((a) => a.key === `deriv-reconcile:${contractId}`);
      return !!alert;
    }, 90_000, `the deriv-reconcile alert of contract ${contractId}`);
    expect(alert).toMatchObject({ source: 'execution', status: 'active' });
    expect(alert!.message).toMatch(/lost/);
    // The stop out is booked: flat, and the loss is the whole stake.
    await platform.waitFor(async () => (await positions()).positions.find((p) => p.symbol === 'R_50')?.quantity === '0', 60_000, 'the stop out to be booked');
    const r50 = (await positions()).positions.find((p) => p.symbol === 'R_50')!;
    expect(new Decimal(r50.realisedPnl).toFixed(2)).toBe(buyFor(contractId)!.stake.negated().toFixed(2));
    // Everything else agrees on both sides: no other difference is reported.
    const keys = ((await platform.http().get('/api/alerts/active?limit=200').set(auth())).body as Page<AlertView>).items.map((a) => a.key).filter((k) => k.startsWith('deriv-reconcile:'));
    expect(keys).toEqual([`deriv-reconcile:${contractId}`]);
  }, 240_000);
});
