import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trading: the append-only event log every order, fill and account change is written to (the one
 * source from which orders, positions and balances are rebuilt), the versioned risk limits, and
 * the equity curve. Fills are the `order.filled` rows; their money columns are NUMERIC.
 */
export class CreateTrading1764100000400 implements MigrationInterface {
  name = 'CreateTrading1764100000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE trading_events (
      sequence bigserial PRIMARY KEY,
      account_id uuid NOT NULL,
      order_id uuid,
      symbol text,
      type text NOT NULL,
      quantity numeric,
      price numeric,
      fee numeric,
      payload jsonb NOT NULL,
      at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX trading_events_fills ON trading_events (account_id, sequence DESC) WHERE type = 'order.filled'`);
    await q.query(`CREATE INDEX trading_events_order ON trading_events (order_id, sequence)`);
    // The log enforces idempotency too: one order.created per (account, clientOrderId).
    await q.query(`CREATE UNIQUE INDEX trading_events_client_order ON trading_events (account_id, (payload->'spec'->>'clientOrderId')) WHERE type = 'order.created'`);
    await q.query(`CREATE UNIQUE INDEX trading_events_fill_id ON trading_events ((payload->>'fillId')) WHERE type = 'order.filled'`);

    await q.query(`CREATE TABLE risk_limits (
      id bigserial PRIMARY KEY,
      account_id uuid NOT NULL,
      symbol text NOT NULL,
      version integer NOT NULL,
      limits jsonb NOT NULL,
      changed_by text NOT NULL,
      reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (account_id, symbol, version))`);

    await q.query(`CREATE TABLE equity_samples (
      account_id uuid NOT NULL,
      at timestamptz NOT NULL,
      equity numeric NOT NULL,
      cash numeric NOT NULL,
      gross_exposure numeric NOT NULL,
      PRIMARY KEY (account_id, at))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE equity_samples');
    await q.query('DROP TABLE risk_limits');
    await q.query('DROP TABLE trading_events');
  }
}
