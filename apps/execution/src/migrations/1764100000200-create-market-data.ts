import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Instruments, candles (live and imported), and price alerts with their firings. */
export class CreateMarketData1764100000200 implements MigrationInterface {
  name = 'CreateMarketData1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE instruments (
      symbol text PRIMARY KEY,
      display_name text NOT NULL,
      type text NOT NULL,
      decimals integer NOT NULL,
      pip_size numeric NOT NULL,
      venue text NOT NULL CHECK (venue IN ('simulated','deriv','replay','imported')),
      live boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);

    // Prices are NUMERIC: imported history keeps its exact digits; live quotes are rounded to the pip.
    await q.query(`CREATE TABLE candles (
      symbol text NOT NULL,
      timeframe text NOT NULL CHECK (timeframe IN ('1m','5m','15m','1h','1d')),
      open_time timestamptz NOT NULL,
      open numeric NOT NULL,
      high numeric NOT NULL,
      low numeric NOT NULL,
      close numeric NOT NULL,
      volume numeric,
      tick_count integer NOT NULL DEFAULT 0,
      closed boolean NOT NULL DEFAULT true,
      source text NOT NULL,
      PRIMARY KEY (symbol, timeframe, open_time),
      CHECK (high >= low AND high >= open AND high >= close AND low <= open AND low <= close))`);

    await q.query(`CREATE TABLE price_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id text NOT NULL,
      symbol text NOT NULL,
      condition jsonb NOT NULL,
      trigger jsonb NOT NULL,
      webhook_url text,
      note text,
      status text NOT NULL CHECK (status IN ('active','spent','deleted')),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_fired_at timestamptz,
      fired_count integer NOT NULL DEFAULT 0)`);
    await q.query(`CREATE INDEX price_alerts_owner ON price_alerts (owner_id) WHERE status <> 'deleted'`);

    await q.query(`CREATE TABLE price_alert_firings (
      id bigserial PRIMARY KEY,
      alert_id uuid NOT NULL REFERENCES price_alerts(id),
      price numeric NOT NULL,
      fired_at timestamptz NOT NULL,
      message text NOT NULL,
      webhook_state text CHECK (webhook_state IN ('pending','delivered','failed')),
      webhook_attempts integer NOT NULL DEFAULT 0,
      webhook_error text)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['price_alert_firings', 'price_alerts', 'candles', 'instruments']) await q.query(`DROP TABLE ${t}`);
  }
}
