"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "GatewayFoundation1764100001000", {
    enumerable: true,
    get: function() {
        return GatewayFoundation1764100001000;
    }
});
let GatewayFoundation1764100001000 = class GatewayFoundation1764100001000 {
    async up(q) {
        await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('viewer','trader','admin')),
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now())`);
        await q.query('CREATE UNIQUE INDEX users_email ON users (lower(email))');
        await q.query(`CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
        await q.query('CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)');
        await q.query(`CREATE TABLE api_keys (
      id text PRIMARY KEY,
      name text NOT NULL,
      key_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('viewer','trader','admin')),
      owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz)`);
        await q.query('CREATE INDEX api_keys_owner ON api_keys (owner_id)');
        await q.query(`CREATE TABLE platform_secrets (
      name text PRIMARY KEY,
      value text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
        await q.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('info','warning','critical')),
      source text NOT NULL,
      title text NOT NULL,
      message text NOT NULL,
      status text NOT NULL CHECK (status IN ('active','resolved')),
      details jsonb NOT NULL DEFAULT '{}',
      raised_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz)`);
        // One active alert per key, even with several gateway replicas raising it at once.
        await q.query(`CREATE UNIQUE INDEX alerts_one_active_per_key ON alerts (key) WHERE status = 'active'`);
        await q.query('CREATE INDEX alerts_raised_at ON alerts (raised_at DESC)');
        await q.query(`CREATE TABLE metric_samples (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      window_sec integer NOT NULL,
      request_rate double precision NOT NULL,
      error_rate_pct double precision NOT NULL,
      p50_ms double precision NOT NULL,
      p95_ms double precision NOT NULL,
      p99_ms double precision NOT NULL,
      event_loop_lag_ms double precision NOT NULL)`);
        await q.query('CREATE INDEX metric_samples_at ON metric_samples (at DESC)');
        await q.query(`CREATE TABLE config_versions (
      version integer PRIMARY KEY,
      settings jsonb NOT NULL,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      comment text,
      rolled_back_from integer)`);
        await q.query(`CREATE TABLE maintenance_state (
      id integer PRIMARY KEY CHECK (id = 1),
      enabled boolean NOT NULL,
      message text,
      changed_by text,
      changed_at timestamptz)`);
        await q.query(`INSERT INTO maintenance_state (id, enabled) VALUES (1, false)`);
        await q.query(`CREATE TABLE maintenance_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      task text NOT NULL,
      older_than_days integer NOT NULL,
      state text NOT NULL CHECK (state IN ('queued','running','completed','failed')),
      removed integer,
      error text,
      requested_by text NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz)`);
        await q.query('CREATE INDEX maintenance_runs_requested_at ON maintenance_runs (requested_at DESC)');
        await q.query(`CREATE TABLE platform_halts (
      id bigserial PRIMARY KEY,
      halted boolean NOT NULL,
      reason text NOT NULL,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now())`);
    }
    async down(q) {
        for (const t of [
            'platform_halts',
            'maintenance_runs',
            'maintenance_state',
            'config_versions',
            'metric_samples',
            'alerts',
            'platform_secrets',
            'api_keys',
            'refresh_tokens',
            'users'
        ]){
            await q.query(`DROP TABLE ${t}`);
        }
    }
    constructor(){
        this.name = 'GatewayFoundation1764100001000';
    }
};

//# sourceMappingURL=1764100001000-gateway-foundation.js.map
