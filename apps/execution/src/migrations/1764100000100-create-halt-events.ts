import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHaltEvents1764100000100 implements MigrationInterface {
  name = 'CreateHaltEvents1764100000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE halt_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      halted boolean NOT NULL,
      reason text,
      requested_by text,
      request_id text,
      cancelled_orders integer NOT NULL DEFAULT 0,
      cancelled_algorithms integer NOT NULL DEFAULT 0,
      received_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE halt_events');
  }
}
