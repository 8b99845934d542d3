import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import Decimal from 'decimal.js';
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { openDatabase, type OpenDatabase } from './database';
import { decimalTransformer } from './numeric';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

@Entity('ledger_entries')
class LedgerEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'numeric', precision: 38, scale: 18, transformer: decimalTransformer }) amount: Decimal;
}

class CreateLedger1700000000000 implements MigrationInterface {
  name = 'CreateLedger1700000000000';
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE ledger_entries (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), amount numeric(38,18) NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE ledger_entries');
  }
}

async function exerciseLedger(db: OpenDatabase) {
  const repo = db.dataSource.getRepository(LedgerEntry);
  for (let i = 0; i < 10; i++) await repo.save(repo.create({ amount: new Decimal('0.1') }));
  const [{ sum }] = await db.dataSource.query('SELECT sum(amount)::text AS sum FROM ledger_entries');
  expect(new Decimal(sum).equals(1)).toBe(true);
  const rows = await repo.find();
  expect(rows[0].amount).toBeInstanceOf(Decimal);

  // A rolled-back transaction leaves nothing behind.
  await expect(db.dataSource.transaction(async (m) => {
    await m.save(LedgerEntry, m.create(LedgerEntry, { amount: new Decimal(5) }));
    throw new Error('abort');
  })).rejects.toThrow('abort');
  expect(await repo.count()).toBe(10);
}

describe('openDatabase against the PostgreSQL server', () => {
  const schema = `persist_${process.pid}_${Date.now() % 100000}`;
  afterAll(async () => {
    const c = new Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  });

  it('creates the service schema, runs migrations once, and keeps decimals exact', async () => {
    const opts = { service: 'test', schema, databaseUrl: TEST_DATABASE_URL, dataDir: '.data', entities: [LedgerEntry], migrations: [CreateLedger1700000000000] };
    const db = await openDatabase(opts);
    expect(db.backing.kind).toBe('external');
    await exerciseLedger(db);
    await db.close();
    // Reopening runs no migration twice and finds the data.
    const again = await openDatabase(opts);
    expect(await again.dataSource.getRepository(LedgerEntry).count()).toBe(10);
    await again.close();
  });

  it('lets several replicas start at once: migrations run once, one after the other', async () => {
    const raceSchema = `${schema}_race`;
    const opts = { service: 'test', schema: raceSchema, databaseUrl: TEST_DATABASE_URL, dataDir: '.data', entities: [LedgerEntry], migrations: [CreateLedger1700000000000] };
    try {
      const dbs = await Promise.all([openDatabase(opts), openDatabase(opts), openDatabase(opts)]);
      const [{ count }] = await dbs[0].dataSource.query(`SELECT count(*)::int AS count FROM "${raceSchema}".migrations`);
      expect(count).toBe(1);
      await Promise.all(dbs.map((d) => d.close()));
    } finally {
      const c = new Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${raceSchema}" CASCADE`);
      await c.end();
    }
  });
});

describe('openDatabase with embedded PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meridian-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores data in the service folder and refuses a second opener of the same folder', async () => {
    const opts = { service: 'svc', schema: 'svc', dataDir: dir, entities: [LedgerEntry], migrations: [CreateLedger1700000000000] };
    const db = await openDatabase(opts);
    expect(db.backing.kind).toBe('embedded');
    await exerciseLedger(db);
    // Same process holds the lock: a second open in another process would be refused; simulate by a foreign pid.
    const { writeFileSync } = await import('node:fs');
    await db.close();
    writeFileSync(join(dir, 'svc', 'meridian.lock'), String(process.ppid));
    await expect(openDatabase(opts)).rejects.toThrow(/Another process \(pid \d+\) has the embedded database/);
    rmSync(join(dir, 'svc', 'meridian.lock'));
    const reopened = await openDatabase(opts);
    expect(await reopened.dataSource.getRepository(LedgerEntry).count()).toBe(10);
    await reopened.close();
  }, 180_000); // creating a PGlite database takes 3–15 s, more on a loaded 2-core machine
});
