import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History imports (POST /api/data/import): one row per import, and the staging rows of imports
 * still being streamed in. Commit moves the staging rows into `candles` in one transaction.
 */
export class CreateHistoryImports1764100000300 implements MigrationInterface {
  name = 'CreateHistoryImports1764100000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE history_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      symbol text NOT NULL,
      timeframe text NOT NULL CHECK (timeframe IN ('1m','5m','15m','1h','1d')),
      format text NOT NULL,
      state text NOT NULL CHECK (state IN ('staging','committed','aborted')),
      rows integer NOT NULL DEFAULT 0,
      from_time timestamptz,
      to_time timestamptz,
      error text,
      requested_by text,
      request_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      committed_at timestamptz)`);
    await q.query(`CREATE INDEX history_imports_staging ON history_imports (updated_at) WHERE state = 'staging'`);
    await q.query(`CREATE INDEX history_imports_symbol ON history_imports (symbol, created_at DESC)`);

    // No foreign key to history_imports: a per-row check costs ~10% of the append time, and
    // nothing else writes here (abort and the start-up clean-up delete by import_id).
    await q.query(`CREATE TABLE history_import_rows (
      import_id uuid NOT NULL,
      line integer NOT NULL,
      open_time timestamptz NOT NULL,
      open numeric NOT NULL,
      high numeric NOT NULL,
      low numeric NOT NULL,
      close numeric NOT NULL,
      volume numeric,
      PRIMARY KEY (import_id, line))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE history_import_rows');
    await q.query('DROP TABLE history_imports');
  }
}
