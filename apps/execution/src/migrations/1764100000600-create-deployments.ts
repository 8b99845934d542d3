import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Strategies deployed to paper trading: what runs, on what, and whether it runs (survives restarts). */
export class CreateDeployments1764100000600 implements MigrationInterface {
  name = 'CreateDeployments1764100000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE strategy_deployments (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      account_id uuid NOT NULL,
      strategy_id text NOT NULL,
      version integer NOT NULL,
      label text NOT NULL,
      source jsonb NOT NULL,
      params jsonb NOT NULL,
      symbols text[] NOT NULL,
      timeframe text NOT NULL,
      backtest_run_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
      status_reason text,
      bars_seen integer NOT NULL DEFAULT 0,
      orders_placed integer NOT NULL DEFAULT 0,
      last_bar_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX strategy_deployments_owner ON strategy_deployments (owner_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE strategy_deployments');
  }
}
