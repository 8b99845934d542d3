import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type OpenDatabase } from '@meridian/persistence';
import { Dec, type OrderSpec, type TradingEvent } from '@meridian/trading';
import { CreateTrading1764100000400 } from '../migrations/1764100000400-create-trading';
import { TradingEventStore, type LoggedEvent } from './event-store';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The events of one market order: created and accepted (the usual group-commit batch), then its fill. */
function orderEvents(accountId: string, clientOrderId: string = randomUUID()): { placed: TradingEvent[]; fill: TradingEvent } {
  const orderId = randomUUID();
  const at = Date.now();
  const spec: OrderSpec = { accountId, clientOrderId, symbol: 'R_100', side: 'buy', type: 'market', quantity: new Dec('0.1'), timeInForce: 'GTC', reduceOnly: false, postOnly: false, role: 'single' };
  return {
    placed: [
      { type: 'order.created', accountId, orderId, at, spec },
      { type: 'order.accepted', accountId, orderId, at },
    ],
    fill: { type: 'order.filled', accountId, orderId, at: at + 5, fillId: randomUUID(), quantity: new Dec('0.1'), price: new Dec('1234.56789'), fee: new Dec('0.000123456789'), liquidity: 'taker' },
  };
}

/** Appends in the sizes group commits produce (one size twice, so a prepared statement is reused), one beyond the prepared sizes, and a refused one. */
async function exerciseLog(db: OpenDatabase) {
  const store = new TradingEventStore(db.dataSource);
  const account = randomUUID();
  let sequence = 0;
  const numbered = (events: TradingEvent[]): LoggedEvent[] => events.map((event) => ({ sequence: ++sequence, event }));
  const symbolOf = () => 'R_100';
  const written: LoggedEvent[] = [];
  const append = async (events: TradingEvent[]) => {
    const batch = numbered(events);
    await store.write(batch, symbolOf);
    written.push(...batch);
  };

  const first = orderEvents(account, 'same-client-id');
  await append(first.placed);
  await append([first.fill]);
  const second = orderEvents(account);
  const third = orderEvents(account);
  await append([...second.placed, third.placed[0]]);
  await append([third.placed[1], second.fill, third.fill]);
  const many = Array.from({ length: 20 }, () => orderEvents(account).placed).flat(); // 40 events: above the prepared sizes
  await append(many);
  await append(orderEvents(account).placed); // size 2 again: the prepared statement of that size

  // A repeated clientOrderId is refused by the log's unique index: nothing of that batch is written.
  const repeat = orderEvents(account, 'same-client-id');
  const refused = numbered([orderEvents(account).placed[0], ...repeat.placed]);
  await expect(store.write(refused, symbolOf)).rejects.toThrow(/duplicate key/);
  // The connection and its prepared statements still work after the refusal.
  sequence = written[written.length - 1].sequence;
  await append(orderEvents(account).placed);

  const read: LoggedEvent[] = [];
  for await (const logged of store.readAll(7)) read.push(logged);
  expect(read.map((l) => l.sequence)).toEqual(written.map((l) => l.sequence));
  expect(read.map((l) => l.event.type)).toEqual(written.map((l) => l.event.type));
  const fill = read.find((l) => l.event.type === 'order.filled')?.event as Extract<TradingEvent, { type: 'order.filled' }>;
  expect(fill.price.equals(new Dec('1234.56789'))).toBe(true);
  expect(fill.fee.equals(new Dec('0.000123456789'))).toBe(true);
  const [{ fills, fees }] = (await db.dataSource.query(`SELECT count(*)::int AS fills, sum(fee)::text AS fees FROM trading_events WHERE type = 'order.filled'`)) as { fills: number; fees: string }[];
  expect(fills).toBe(3);
  expect(new Dec(fees).equals(new Dec('0.000370370367'))).toBe(true);
}

describe('TradingEventStore against the PostgreSQL server', () => {
  const schema = `events_${process.pid}_${Date.now() % 100000}`;
  afterAll(async () => {
    const c = new Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });

  it('appends batches of every size in order, exactly, and a refused batch writes nothing', async () => {
    const db = await openDatabase({ service: 'execution', schema, databaseUrl: TEST_DATABASE_URL, dataDir: '.data', entities: [], migrations: [CreateTrading1764100000400] });
    try {
      await exerciseLog(db);
    } finally {
      await db.close();
    }
  });
});

describe('TradingEventStore on embedded PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meridian-events-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends batches of every size in order, exactly, and a refused batch writes nothing', async () => {
    const db = await openDatabase({ service: 'execution', schema: 'execution', dataDir: dir, entities: [], migrations: [CreateTrading1764100000400] });
    try {
      expect(db.backing.kind).toBe('embedded');
      await exerciseLog(db);
    } finally {
      await db.close();
    }
  }, 180_000); // creating a PGlite database takes 3–15 s, more on a loaded 2-core machine
});
