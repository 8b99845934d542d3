import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The strategy registry (user strategies and their immutable versions; built-ins live in code),
 * the runs (backtests, optimisations, walk-forward, Monte Carlo) with their results, and saved
 * stress scenarios.
 */
export class CreateSimulation1764200000100 implements MigrationInterface {
  name = 'CreateSimulation1764200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE strategies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      kind text NOT NULL CHECK (kind IN ('rule', 'builtin')),
      owner_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX strategies_owner_name ON strategies (owner_id, lower(name))`);
    await q.query(`CREATE TABLE strategy_versions (
      strategy_id uuid NOT NULL REFERENCES strategies(id),
      version integer NOT NULL,
      definition jsonb NOT NULL,
      canonical text,
      params jsonb NOT NULL,
      warmup_bars integer NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (strategy_id, version))`);
    await q.query(`CREATE TABLE simulation_runs (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      status text NOT NULL,
      progress double precision NOT NULL DEFAULT 0,
      strategy_id text,
      strategy_version integer,
      label text NOT NULL,
      config jsonb NOT NULL,
      data_version text,
      metrics jsonb,
      result jsonb,
      error text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz)`);
    await q.query(`CREATE INDEX simulation_runs_recent ON simulation_runs (created_by, created_at DESC)`);
    await q.query(`CREATE INDEX simulation_runs_strategy ON simulation_runs (strategy_id, created_at DESC)`);
    await q.query(`CREATE TABLE simulation_run_points (
      run_id uuid NOT NULL REFERENCES simulation_runs(id) ON DELETE CASCADE,
      point integer NOT NULL,
      params jsonb NOT NULL,
      metrics jsonb,
      error text,
      PRIMARY KEY (run_id, point))`);
    await q.query(`CREATE TABLE stress_scenarios (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      definition jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE stress_scenarios');
    await q.query('DROP TABLE simulation_run_points');
    await q.query('DROP TABLE simulation_runs');
    await q.query('DROP TABLE strategy_versions');
    await q.query('DROP TABLE strategies');
  }
}
