import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { OrderView } from '@meridian/contracts';
import { createLogger } from '@meridian/observability';
import { openDatabase, type OpenDatabase } from '@meridian/persistence';
import { CreateOrderViews1764100000700 } from '../migrations/1764100000700-create-order-views';
import { OrderReadModel } from './order-read-model';
import { loadTradingConfig } from './trading-config';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function view(accountId: string, over: Partial<OrderView> = {}): OrderView {
  const id = over.id ?? randomUUID();
  return {
    id,
    accountId,
    clientOrderId: `c-${id.slice(0, 8)}`,
    symbol: 'R_100',
    side: 'buy',
    type: 'market',
    quantity: '1',
    limitPrice: null,
    stopPrice: null,
    trailAmount: null,
    trailPercent: null,
    timeInForce: 'GTC',
    expireAt: null,
    reduceOnly: false,
    postOnly: false,
    role: 'single',
    parentId: null,
    linkedOrderId: null,
    tag: null,
    status: 'accepted',
    filledQuantity: '0',
    averagePrice: null,
    feesPaid: '0',
    rejectCheck: null,
    rejectReason: null,
    cancelReason: null,
    triggered: false,
    bracket: null,
    algo: null,
    createdAt: new Date(Date.UTC(2026, 10, 26, 12, 0, 0)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 10, 26, 12, 0, 0)).toISOString(),
    ...over,
  };
}

async function exercise(db: OpenDatabase) {
  const config = { ...loadTradingConfig({}), readModelIntervalMs: 10_000 }; // only explicit flushes write
  const model = new OrderReadModel(db.dataSource, config, createLogger({ service: 'test', level: 'silent', destination: null }));
  expect(await model.load()).toBe(0);
  const account = randomUUID();
  const other = randomUUID();
  const minute = (m: number) => new Date(Date.UTC(2026, 10, 26, 12, m, 0)).toISOString();
  const parent = view(account, { role: 'algo-parent', type: 'algo', createdAt: minute(0) });
  const orders = [
    parent,
    view(account, { role: 'algo-child', parentId: parent.id, createdAt: minute(1), status: 'filled', filledQuantity: '1' }),
    view(account, { side: 'sell', symbol: 'R_50', createdAt: minute(2), status: 'cancelled', tag: 'strategy-1' }),
    view(account, { createdAt: minute(3), status: 'rejected', rejectCheck: 'max-order-quantity' }),
    view(other, { createdAt: minute(4) }),
  ];
  model.record(orders.map((v) => ({ view: v, version: 10 })), 12);
  // settled() writes what was recorded before it (the interval alone would wait 10 s).
  await model.settled();
  expect(model.position).toBe(12);
  // Committed without waiting for the disk: durable only once a waited-for commit began after it.
  expect(model.durablePosition).toBe(0);
  model.logCommitted(performance.now() - 60_000); // a log commit that began before the batch carries nothing
  expect(model.durablePosition).toBe(0);
  await model.confirmDurable(0);
  expect(model.durablePosition).toBe(12);
  expect(await new OrderReadModel(db.dataSource, config, createLogger({ service: 'test', level: 'silent', destination: null })).load()).toBe(12);

  expect((await model.byId(orders[2].id))?.tag).toBe('strategy-1');
  expect(await model.byId('not-a-uuid')).toBeUndefined();
  expect((await model.byClientOrderId(account, orders[3].clientOrderId))?.rejectCheck).toBe('max-order-quantity');
  expect(await model.byClientOrderId(other, orders[3].clientOrderId)).toBeUndefined();

  const page = (q: Partial<Parameters<OrderReadModel['list']>[0]>) => model.list({ accountId: account, status: 'all', limit: 100, offset: 0, ...q });
  const all = await page({});
  expect(all.total).toBe(4);
  expect(all.items.map((o) => o.id)).toEqual([orders[3].id, orders[2].id, orders[1].id, orders[0].id]); // newest first
  expect((await page({ limit: 2, offset: 1 })).items.map((o) => o.id)).toEqual([orders[2].id, orders[1].id]);
  expect((await page({ status: 'open' })).items.map((o) => o.id)).toEqual([parent.id]);
  expect((await page({ status: 'filled' })).total).toBe(1);
  expect((await page({ parentId: parent.id })).items.map((o) => o.id)).toEqual([orders[1].id]);
  expect((await page({ parentId: 'nope' })).total).toBe(0);
  expect((await page({ role: 'algo-parent' })).items.map((o) => o.id)).toEqual([parent.id]);
  expect((await page({ side: 'sell', symbol: 'R_50', tag: 'strategy-1' })).total).toBe(1);

  // A newer view replaces the stored one; an older one never does.
  model.record([{ view: { ...parent, status: 'filled', filledQuantity: '1' }, version: 20 }], 20);
  await model.flush();
  model.record([{ view: { ...parent, status: 'cancelled' }, version: 15 }], 21);
  await model.flush();
  expect((await model.byId(parent.id))?.status).toBe('filled');
  expect(model.position).toBe(21);

  // A failed write keeps its views and the position where it was; the next write carries them.
  model.record([{ view: { ...orders[1], status: 'filled', feesPaid: '0.5' }, version: 30 }], 30);
  await db.dataSource.query('ALTER TABLE order_views RENAME TO order_views_away');
  await expect(model.flush()).rejects.toThrow();
  expect(model.position).toBe(21);
  await db.dataSource.query('ALTER TABLE order_views_away RENAME TO order_views');
  await model.settled();
  expect(model.position).toBe(30);
  expect((await model.byId(orders[1].id))?.feesPaid).toBe('0.5');
}

describe('OrderReadModel against the PostgreSQL server', () => {
  const schema = `order_views_${process.pid}_${Date.now() % 100000}`;
  afterAll(async () => {
    const c = new Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });

  it('writes views in batches with its position, lists and finds them, and never goes back', async () => {
    const db = await openDatabase({ service: 'execution', schema, databaseUrl: TEST_DATABASE_URL, dataDir: '.data', entities: [], migrations: [CreateOrderViews1764100000700] });
    try {
      await exercise(db);
    } finally {
      await db.close();
    }
  });
});

describe('OrderReadModel on embedded PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meridian-order-views-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes views in batches with its position, lists and finds them, and never goes back', async () => {
    const db = await openDatabase({ service: 'execution', schema: 'execution', dataDir: dir, entities: [], migrations: [CreateOrderViews1764100000700] });
    try {
      expect(db.backing.kind).toBe('embedded');
      await exercise(db);
    } finally {
      await db.close();
    }
  }, 180_000);
});
