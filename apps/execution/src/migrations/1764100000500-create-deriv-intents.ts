import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Deriv bridge's intent journal (apps/execution/src/trading/deriv). Deriv has no client order
 * id, so every buy is written here before it is sent: one row per order of a Deriv account, from
 * `recorded` (before the proposal) to `sent` (before the buy goes out) to `resolved` (its contract
 * is known) or `failed` (Deriv did not buy). The same row then follows the contract: the fill
 * booked for it, the order closing it, and what Deriv paid back.
 */
export class CreateDerivIntents1764100000500 implements MigrationInterface {
  name = 'CreateDerivIntents1764100000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deriv_intents (
      intent_id text PRIMARY KEY,
      order_id uuid NOT NULL UNIQUE,
      account_id uuid NOT NULL,
      deriv_account_id text NOT NULL,
      symbol text NOT NULL,
      quantity numeric NOT NULL,
      request jsonb NOT NULL,
      sent jsonb,
      state text NOT NULL CHECK (state IN ('recorded', 'sent', 'resolved', 'failed')),
      contract_id text,
      reason text,
      entry_price numeric,
      fill_order_id uuid,
      close_order_id uuid,
      sold_for numeric,
      close_status text,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      resolved_at timestamptz,
      filled_at timestamptz,
      closing_at timestamptz,
      closed_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // A contract belongs to one intent at most: lost-buy resolution can never attribute it twice.
    await q.query(`CREATE UNIQUE INDEX deriv_intents_contract ON deriv_intents (deriv_account_id, contract_id) WHERE contract_id IS NOT NULL`);
    await q.query(`CREATE INDEX deriv_intents_pending ON deriv_intents (deriv_account_id, state) WHERE closed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deriv_intents');
  }
}
