#!/usr/bin/env node
// Benchmark: how long execution takes to rebuild its trading state from a long event log, and
// what it holds in memory afterwards (docs/BENCHMARKS.md, "Order acknowledgement", ninth session).
//
//   node tools/bench/restart-rebuild.mjs [--orders=100000,300000] [--skip-build]
//
// For each size: runs execution's migrations in a fresh schema, writes a synthetic event log in
// SQL (one paper account; each order created, accepted and filled, as the order path writes them;
// 100 limit orders far from the market left open), then starts the built execution service twice against it:
//   1. with an empty orders read model (the first start after an upgrade, or a read model lost):
//      the fold, then writing every order's view;
//   2. again, with the read model complete (an ordinary restart).
// Reported per start: the service's own "trading state rebuilt" time (reading and folding the log,
// evicting finished orders as it goes), the time until the read model had caught up, the orders
// left in memory, and the process's heap and RSS once settled.
//
// Environment: BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test),
// REDIS_URL (else redis://127.0.0.1:6379).
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { freePort, log, machine, round, sleep } from './lib/bench-kit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const { Client: PgClient } = require('pg');

const argv = process.argv.slice(2);
const sizes = (argv.find((a) => a.startsWith('--orders='))?.split('=')[1] ?? '100000,300000').split(',').map(Number);
const skipBuild = argv.includes('--skip-build');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SCHEMA = 'bench_restart_execution';
const OPEN_ORDERS = 100;

/** Starts execution, waits until its read model has caught up, returns what it reported, and stops it. */
async function startExecution() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/apps/execution/src/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL,
      DATABASE_SCHEMA: SCHEMA,
      REDIS_URL,
      REDIS_NAMESPACE: `bench-restart-${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'info',
      LOG_CONSOLE: 'true', // JSON lines on stdout: the rebuild's own timing is read from them
      HISTORY_BACKFILL: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let rebuilt = null;
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (!rebuilt && line.includes('trading state rebuilt from the event log')) rebuilt = { ...JSON.parse(line), atMs: performance.now() - started };
    }
  });
  child.stderr.on('data', () => undefined);
  const metric = async (name) => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
  };
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`execution exited with ${child.exitCode}`);
      if (rebuilt && (await metric('meridian_trading_read_model_lag_events').catch(() => NaN)) === 0) break;
      if (performance.now() - started > 600_000) throw new Error('execution did not catch up within 10 minutes');
      await sleep(100);
    }
    const caughtUpMs = performance.now() - started;
    await sleep(11_000); // past the retention of finished orders: what stays in memory for good
    return {
      rebuildMs: rebuilt.ms,
      rebuiltLoggedAtMs: round(rebuilt.atMs, 0),
      readModelCaughtUpAtMs: round(caughtUpMs, 0),
      events: rebuilt.events,
      evictedDuringFold: rebuilt.evicted,
      inMemoryAfterFold: rebuilt.inMemory,
      inMemorySettled: await metric('meridian_trading_orders_in_memory'),
      heapUsedMb: round((await metric('nodejs_heap_size_used_bytes')) / 2 ** 20, 1),
      rssMb: round((await metric('process_resident_memory_bytes')) / 2 ** 20, 1),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
}

/** A synthetic log of `orders` filled market orders and OPEN_ORDERS open limit orders, in the shapes the order path writes. */
async function writeLog(pg, orders) {
  const account = randomUUID();
  const t0 = Date.now() - 86_400_000;
  await pg.query(`DELETE FROM ${SCHEMA}.trading_events`);
  await pg.query(`DELETE FROM ${SCHEMA}.order_views`);
  await pg.query(`UPDATE ${SCHEMA}.read_model_positions SET sequence = 0`);
  await pg.query(
    `INSERT INTO ${SCHEMA}.trading_events (sequence, account_id, type, payload, at)
     VALUES (1, $1::uuid, 'account.opened', jsonb_build_object('type', 'account.opened', 'accountId', $1::text, 'at', $2::bigint, 'currency', 'USD', 'cash', '100000000', 'ownerId', 'bench-owner', 'name', 'Paper', 'venue', 'paper'), to_timestamp($2 / 1000.0))`,
    [account, t0],
  );
  const total = orders + OPEN_ORDERS;
  // Order i: created (sequence 3i-1), accepted (3i), filled (3i+1, only the first `orders`).
  await pg.query(
    `INSERT INTO ${SCHEMA}.trading_events (sequence, account_id, order_id, symbol, type, quantity, price, fee, payload, at)
     SELECT s.sequence, $1::uuid, o.id, 'R_100', s.type, s.quantity, s.price, s.fee, s.payload, to_timestamp(o.at / 1000.0)
     FROM generate_series(1, $3::int) AS i
     CROSS JOIN LATERAL (SELECT md5('order' || i)::uuid AS id, $2::bigint + i AS at, CASE WHEN i % 2 = 0 THEN 'buy' ELSE 'sell' END AS side, i > $4::int AS open) o
     CROSS JOIN LATERAL (VALUES
       (3 * i - 1, 'order.created', NULL::numeric, NULL::numeric, NULL::numeric,
        jsonb_build_object('type', 'order.created', 'accountId', $1::text, 'orderId', o.id, 'at', o.at, 'spec', jsonb_build_object(
          'accountId', $1::text, 'clientOrderId', 'bench-' || i, 'symbol', 'R_100', 'side', o.side, 'type', CASE WHEN o.open THEN 'limit' ELSE 'market' END,
          'quantity', '0.01', 'limitPrice', CASE WHEN o.open THEN CASE WHEN o.side = 'buy' THEN '1' ELSE '100000000' END END, 'timeInForce', 'GTC', 'reduceOnly', false, 'postOnly', false, 'role', 'single'))),
       (3 * i, 'order.accepted', NULL, NULL, NULL, jsonb_build_object('type', 'order.accepted', 'accountId', $1::text, 'orderId', o.id, 'at', o.at)),
       (3 * i + 1, 'order.filled', 0.01, 1000, 0.002, jsonb_build_object('type', 'order.filled', 'accountId', $1::text, 'orderId', o.id, 'at', o.at + 5,
          'fillId', md5('fill' || i)::uuid, 'quantity', '0.01', 'price', '1000', 'fee', '0.002', 'liquidity', 'taker'))
     ) AS s(sequence, type, quantity, price, fee, payload)
     WHERE NOT (o.open AND s.type = 'order.filled')`,
    [account, t0, total, orders],
  );
  const { rows } = await pg.query(`SELECT count(*)::int AS n, pg_total_relation_size('${SCHEMA}.trading_events') AS bytes FROM ${SCHEMA}.trading_events`);
  return { events: rows[0].n, logMb: round(Number(rows[0].bytes) / 2 ** 20, 1) };
}

async function main() {
  if (!skipBuild) {
    log('building the services');
    const b = spawnSync(process.execPath, [join(root, 'tools/build/build.mjs'), '--server-only'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const pg = new PgClient({ connectionString: DATABASE_URL });
  await pg.connect();
  const result = { benchmark: 'restart-rebuild', at: new Date().toISOString(), command: `node tools/bench/restart-rebuild.mjs ${argv.join(' ')}`.trim(), machine: machine(root), runs: [] };
  try {
    await pg.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    log('creating the schema (execution runs its migrations)');
    await startExecution();
    for (const orders of sizes) {
      log(`writing a log of ${orders} filled orders and ${OPEN_ORDERS} open ones`);
      const logInfo = await writeLog(pg, orders);
      log('start 1: the read model is empty');
      const first = await startExecution();
      log(`  rebuilt in ${first.rebuildMs} ms, read model caught up at ${first.readModelCaughtUpAtMs} ms`);
      log('start 2: the read model is complete');
      const second = await startExecution();
      log(`  rebuilt in ${second.rebuildMs} ms, ${second.inMemorySettled} orders in memory, heap ${second.heapUsedMb} MB`);
      result.runs.push({ orders, openOrders: OPEN_ORDERS, ...logInfo, readModelEmpty: first, readModelComplete: second });
    }
  } finally {
    await pg.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
    await pg.end();
  }
  const file = join(root, 'tools/bench/results', `restart-rebuild-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  log(`written ${file}`);
  console.log(JSON.stringify(result.runs, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
