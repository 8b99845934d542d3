import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { Client } from 'pg';
import type { CreateOrderResult, FillView, OrderView, Page, PositionsResponse } from '@meridian/contracts';
import { TEST_DATABASE_URL, TestPlatform } from './support/platform';

const ROOT = join(__dirname, '../../..');
const EXECUTION_MAIN = join(ROOT, 'dist/apps/execution/src/main.js');

/**
 * Crash recovery of the order management system: the execution service runs as its own process
 * (the built one), is killed with SIGKILL in the middle of a burst of orders and restarted. What
 * it rebuilds from the event log must equal what the log says and what clients were told.
 */
describe('execution recovers exactly from its event log after kill -9', () => {
  const platform = new TestPlatform({ VENUE_SPEED: '20', VENUE_SEED: '5', HISTORY_BACKFILL: 'off', PAPER_LATENCY_MS: '0', PAPER_FEE_BPS: '10', PAPER_FEE_FIXED: '0.25',
    // Finished orders leave memory at once: the restart must also bring the orders read model up to the log.
    TRADING_FINISHED_ORDER_RETENTION_MS: '0' });
  let token: string;
  let child: ChildProcess | null = null;
  const schema = () => `e2e_${platform.id}_execution`;

  function startExecution(): ChildProcess {
    const env = { ...process.env, ...platform.env('execution'), LOG_CONSOLE: 'false', NODE_OPTIONS: '' };
    const proc = spawn(process.execPath, [EXECUTION_MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr?.on('data', () => undefined);
    return proc;
  }
  async function executionUp(): Promise<void> {
    await platform.waitFor(async () => (await platform.health()).components.find((c) => c.name === 'execution')?.status === 'up', 60_000, 'execution up');
  }

  beforeAll(async () => {
    if (!existsSync(EXECUTION_MAIN)) throw new Error(`${EXECUTION_MAIN} is missing: run \`node tools/build/build.mjs --server-only\` first (npm test does)`);
    await platform.start({ external: ['execution'] });
    child = startExecution();
    await executionUp();
    token = await platform.tokenFor('trader');
    await platform.waitFor(async () => {
      const res = await platform.http().get('/api/markets/live-data').set({ Authorization: `Bearer ${token}` });
      return (res.body.quotes ?? []).some((q: { symbol: string }) => q.symbol === 'R_100');
    }, 20_000, 'prices');
  }, 120_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await platform.close();
  }, 30_000);

  it('keeps every acknowledged order, and positions, cash and fills equal the log', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const acknowledged = new Map<string, string>(); // clientOrderId → order id
    let sent = 0;
    let killed = false;
    // An algorithm working when the process dies is cancelled at the restart, with an alert.
    const algo = (await platform.http().post('/api/orders/create').set(auth).send({ symbol: 'R_50', side: 'buy', type: 'algo', quantity: '3', clientOrderId: 'algo-before-kill', algo: { kind: 'twap', durationSec: 3600, slices: 3 } }).expect(201)).body as CreateOrderResult;
    const burst = async (worker: number) => {
      for (let i = 0; i < 60; i++) {
        const clientOrderId = `burst-${worker}-${i}`;
        const side = (worker + i) % 3 === 0 ? 'sell' : 'buy';
        sent++;
        const res = await platform.http().post('/api/orders/create').set(auth).send({ symbol: 'R_100', side, type: 'market', quantity: '1', clientOrderId }).catch(() => null);
        if (res?.status === 201) acknowledged.set(clientOrderId, (res.body as CreateOrderResult).order.id);
        if (!killed && acknowledged.size >= 80) {
          killed = true;
          child?.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => burst(w)));
    expect(killed).toBe(true);
    expect(acknowledged.size).toBeGreaterThanOrEqual(80);
    expect(acknowledged.size).toBeLessThan(sent);

    child = startExecution();
    await executionUp();
    // Orders accepted before the kill are still open or fill on the next ticks; let them settle.
    await platform.waitFor(async () => ((await platform.http().get('/api/orders/status?status=open').set(auth)).body as Page<OrderView>).total === 0, 20_000, 'open orders to fill');

    // Nothing acknowledged was lost, and a retry of any of them is answered from the log.
    for (const [clientOrderId, id] of acknowledged) {
      const res = await platform.http().get(`/api/orders/status?clientOrderId=${clientOrderId}`).set(auth).expect(200);
      expect((res.body as Page<OrderView>).items[0].id).toBe(id);
    }
    const cancelledAlgo = (await platform.http().get(`/api/orders/${algo.order.id}`).set(auth).expect(200)).body as OrderView;
    expect(cancelledAlgo).toMatchObject({ status: 'cancelled', cancelReason: expect.stringMatching(/restarted/) });
    await platform.waitFor(async () => {
      const alerts = (await platform.http().get('/api/alerts/active').set(auth)).body as { items: { key: string }[] };
      return alerts.items.some((a) => a.key === `algo-cancelled-on-restart:${algo.order.id}`);
    }, 10_000, 'the alert about the cancelled algorithm');
    const retry = [...acknowledged.entries()][0];
    const again = await platform.http().post('/api/orders/create').set(auth).send({ symbol: 'R_100', side: 'buy', type: 'market', quantity: '1', clientOrderId: retry[0] }).expect(201);
    expect(again.body).toMatchObject({ duplicate: true, order: { id: retry[1] } });

    // What the rebuilt service says equals a fold of the event log done here, in SQL.
    const pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    // Fills of algorithm parents mirror their children's (progress only) and move no money.
    const { rows } = await pg.query(
      `SELECT count(*)::int AS fills, count(DISTINCT f.payload->>'fillId')::int AS distinct_fills,
              COALESCE(sum(CASE WHEN c.payload->'spec'->>'side' = 'buy' THEN f.quantity ELSE -f.quantity END) FILTER (WHERE f.symbol = 'R_100'), 0)::text AS position,
              (100000 - COALESCE(sum(CASE WHEN c.payload->'spec'->>'side' = 'buy' THEN f.quantity * f.price ELSE -f.quantity * f.price END), 0) - COALESCE(sum(f.fee), 0))::text AS cash
         FROM "${schema()}".trading_events f
         JOIN "${schema()}".trading_events c ON c.order_id = f.order_id AND c.type = 'order.created'
        WHERE f.type = 'order.filled' AND f.payload->>'fillId' NOT LIKE '%:parent'`,
    );
    const created = await pg.query(`SELECT count(*)::int AS n FROM "${schema()}".trading_events WHERE type = 'order.created'`);
    // The read model holds every order of the log, as of the log's last event.
    await platform.waitFor(async () => {
      const { rows: rm } = await pg.query(
        `SELECT (SELECT sequence FROM "${schema()}".read_model_positions WHERE name = 'order_views') = (SELECT max(sequence) FROM "${schema()}".trading_events) AS current,
                (SELECT count(*)::int FROM "${schema()}".order_views) AS views`,
      );
      return rm[0].current === true && rm[0].views === created.rows[0].n;
    }, 10_000, 'the orders read model to hold every order of the log');
    await pg.end();
    const log = rows[0] as { fills: number; distinct_fills: number; position: string; cash: string };
    expect(log.distinct_fills).toBe(log.fills);
    expect(created.rows[0].n).toBeGreaterThanOrEqual(acknowledged.size);

    const p = (await platform.http().get('/api/portfolio/positions').set(auth).expect(200)).body as PositionsResponse;
    expect(new Decimal(p.positions.find((x) => x.symbol === 'R_100')!.quantity).toFixed(8)).toBe(new Decimal(log.position).toFixed(8));
    expect(new Decimal(p.account.cash).toFixed(8)).toBe(new Decimal(log.cash).toFixed(8));
    const fills = (await platform.http().get('/api/executions/history?limit=1').set(auth).expect(200)).body as Page<FillView>;
    expect(fills.total).toBe(log.fills);
    // Every acknowledged market order filled exactly once (quantity 1, ample liquidity).
    const all = (await platform.http().get('/api/orders/status?status=all&limit=500').set(auth).expect(200)).body as Page<OrderView>;
    const byId = new Map(all.items.map((o) => [o.id, o]));
    for (const id of acknowledged.values()) expect(byId.get(id)?.status).toBe('filled');
  }, 180_000);
});
