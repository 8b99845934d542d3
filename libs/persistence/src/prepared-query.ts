import type { DataSource } from 'typeorm';

interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Data sources on a PostgreSQL server, where named statements are safe (see preparedQuery). */
const onServer = new WeakSet<DataSource>();

export function markServerBacked(dataSource: DataSource): void {
  onServer.add(dataSource);
}

/**
 * Runs a statement prepared once per connection under `name` (PostgreSQL then skips parsing and
 * planning it on every call), for the few statements on a hot path. TypeORM's query() cannot name
 * a statement, so this goes to the pg pool under it. Embedded PGlite runs it unnamed: its
 * node-postgres adapter drops the connection when a named statement is reused (measured here).
 * One name must always carry the same text.
 */
export async function preparedQuery<T = unknown>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (!onServer.has(dataSource)) return (await dataSource.query(text, values)) as T[];
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  return (await pool.query({ name, text, values })).rows as T[];
}
