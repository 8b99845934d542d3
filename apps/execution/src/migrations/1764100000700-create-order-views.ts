import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The orders read model: each order's latest view, written in batches after its events are in the
 * log, so finished orders can leave the execution service's memory and still be read, listed and
 * found by client order id. `read_model_positions` says through which log sequence it is complete.
 */
export class CreateOrderViews1764100000700 implements MigrationInterface {
  name = 'CreateOrderViews1764100000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE order_views (
      id uuid PRIMARY KEY,
      account_id uuid NOT NULL,
      client_order_id text NOT NULL,
      symbol text NOT NULL,
      side text NOT NULL,
      role text NOT NULL,
      status text NOT NULL,
      parent_id uuid,
      tag text,
      created_at timestamptz NOT NULL,
      version bigint NOT NULL,
      view jsonb NOT NULL,
      UNIQUE (account_id, client_order_id))`);
    await q.query('CREATE INDEX order_views_account_created ON order_views (account_id, created_at DESC, version DESC)');
    await q.query('CREATE INDEX order_views_parent ON order_views (parent_id) WHERE parent_id IS NOT NULL');
    await q.query('CREATE TABLE read_model_positions (name text PRIMARY KEY, sequence bigint NOT NULL)');
    await q.query(`INSERT INTO read_model_positions (name, sequence) VALUES ('order_views', 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE read_model_positions');
    await q.query('DROP TABLE order_views');
  }
}
