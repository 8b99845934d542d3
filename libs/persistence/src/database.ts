import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import type { BackingPart } from '@meridian/contracts';
import { DataFolderLock } from './data-folder-lock';
import { markServerBacked } from './prepared-query';

type EntityList = MixedList<string | (new () => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

export interface DatabaseOptions {
  service: string;
  /** PostgreSQL schema this service owns; every table of the service lives in it. */
  schema: string;
  /** A PostgreSQL server; without it the service uses embedded PGlite under dataDir/service. */
  databaseUrl?: string;
  dataDir: string;
  entities: EntityList;
  migrations: MigrationList;
  poolSize?: number;
}

export interface OpenDatabase {
  dataSource: DataSource;
  backing: BackingPart;
  close(): Promise<void>;
}

/**
 * Opens the service's database and runs its migrations (never synchronize).
 * Embedded mode follows what was measured safe for PGlite: one data folder per service, opened in
 * this process, one connection, a lock file, schema created before migrations, no extensions.
 */
export async function openDatabase(opts: DatabaseOptions): Promise<OpenDatabase> {
  assertIdentifier(opts.schema);
  const common = {
    type: 'postgres' as const,
    schema: opts.schema,
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };

  if (opts.databaseUrl) {
    await ensureSchema(opts.databaseUrl, opts.schema);
    const dataSource = new DataSource({
      ...common,
      url: opts.databaseUrl,
      poolSize: opts.poolSize ?? 10,
      extra: { options: `-c search_path=${opts.schema},public`, application_name: `meridian-${opts.service}` },
    } as DataSourceOptions);
    await dataSource.initialize();
    markServerBacked(dataSource);
    await migrateUnderLock(dataSource, opts.schema);
    const url = new URL(opts.databaseUrl);
    return {
      dataSource,
      backing: { part: 'postgres', kind: 'external', description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}, schema ${opts.schema}` },
      close: () => dataSource.destroy(),
    };
  }

  const folder = resolve(opts.dataDir, opts.service);
  mkdirSync(folder, { recursive: true });
  const lock = new DataFolderLock(join(folder, 'meridian.lock'));
  lock.acquire();
  try {
    // PGlite's node-postgres adapter ships CommonJS builds; loaded lazily so external mode never pays for WASM.
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const pglite = new PGlite(join(folder, 'pgdata'));
    await pglite.waitReady;
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"; SET search_path TO "${opts.schema}", public;`);
    const dataSource = new DataSource({ ...common, poolSize: 1, extra: createPgConfig(pglite) } as DataSourceOptions);
    await dataSource.initialize();
    // One process owns the folder (the lock file), so no other migrator can race this one.
    await dataSource.runMigrations({ transaction: 'each' });
    return {
      dataSource,
      backing: { part: 'postgres', kind: 'embedded', description: `PGlite (embedded PostgreSQL) at ${folder}, schema ${opts.schema}` },
      close: async () => {
        await dataSource.destroy();
        await pglite.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * Several replicas of a service may start at once against one server; a session advisory lock
 * per schema makes them migrate one after the other (TypeORM itself does not lock).
 */
async function migrateUnderLock(dataSource: DataSource, schema: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`meridian-migrations:${schema}`]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`meridian-migrations:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

async function ensureSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (err) {
    // Two services starting at once may race on CREATE SCHEMA; the loser finds it there.
    if ((err as { code?: string }).code !== '23505' && (err as { code?: string }).code !== '42P06') throw err;
  } finally {
    await client.end();
  }
}

export function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a valid schema name (lower-case letters, digits, _)`);
}

/** Round trip to the database for readiness probes. */
export async function pingDatabase(dataSource: DataSource): Promise<number> {
  const started = performance.now();
  await dataSource.query('SELECT 1');
  return performance.now() - started;
}
