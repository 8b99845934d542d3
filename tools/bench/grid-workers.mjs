#!/usr/bin/env node
// Benchmark: a parameter grid on one and on two simulation workers (docs/BENCHMARKS.md,
// "Grid search on one and two workers (issue: strategies and simulation)").
//
//   node tools/bench/grid-workers.mjs [--skip-build] [--bars=10000] [--grids=100,400] [--repeats=3] [--poll=100] [--no-recheck]
//
// 1. Builds the services (tools/build/build.mjs --server-only) unless --skip-build.
// 2. Starts gateway, intelligence, execution and ONE simulation process from dist/ against the
//    external PostgreSQL (schemas bench_grid_<service>) and Redis (a namespace of its own,
//    bench-grid-<random>), HISTORY_BACKFILL=off, LOG_CONSOLE=false. Logs in as the admin and raises
//    the runtime rate limit (the 100 ms polling would otherwise be throttled).
// 3. Generates a deterministic CSV of --bars daily bars (weekdays, a seeded geometric random walk,
//    ending 2025-12-31) and imports it as GRIDB through POST /api/data/import (format=generic).
// 4. Grids (--grids): 100 = fast 10 values × slow 10 values of the built-in 'sma-crossover',
//    400 = 20 × 20; always fast < slow. Each measurement submits a grid through
//    POST /api/simulation/backtest and polls GET /api/simulation/results?id= every --poll ms until the
//    run is completed; the time is submit → first poll that sees "completed". A fresh run each time,
//    the same grid, so the work is identical.
// 5. --repeats rounds. Each round: every grid on ONE worker; then a SECOND simulation process is
//    started (same schema, same namespace: a second BullMQ worker), warmed up with a small grid, and
//    every grid is run on two workers in two ways; then the second process is stopped. A closing set
//    on one worker follows the last round (--no-recheck skips it), so each two-worker time has
//    one-worker times just before and after it (paired speed-ups; the load on this shared machine
//    drifts by more than the effect measured). The two ways:
//    - "as is": exactly what a user gets. The service transport is Redis pub/sub, so BOTH
//      simulation processes receive the request and each creates a run and a flow of chunk jobs
//      (runs.service.ts uses a random run id): the workers compute the grid twice. The time is
//      still that of the run the gateway answered with; the duplicate is waited for afterwards.
//    - "duplicate removed": the script watches the runs table and, as soon as the other run
//      appears, removes its flow from BullMQ and cancels it (POST /api/simulation/cancel). The
//      workers then have exactly the work one worker had: this is the fan-out itself, i.e. what
//      an idempotent submit would give. (Cancelling alone does not stop queued chunk jobs:
//      RunStore.start always reports success, see docs/BENCHMARKS.md.)
// 6. For each measurement it also records every run the submission created (read from the
//    database), the chunk jobs' processedOn/finishedOn from BullMQ (how many ran at the same time),
//    server-side created → finished times, the CPU used by each process (and by all postgres and
//    redis-server processes), the machine's busy cores and the load average. Between measurements
//    the queue is drained. At the end, the warnings the services logged (the namespace's Redis
//    log stream, LOG_CONSOLE=false) are counted.
// 7. Stops everything it started, drops the bench_grid_* schemas and the namespace's Redis keys
//    (also on failure and on Ctrl-C), writes tools/bench/results/grid-workers-<time>.json (a failed
//    run writes what it had to tools/bench/.work-grid/ instead).
//
// Environment: BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test),
// REDIS_URL (else redis://127.0.0.1:6379).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { api, freePort, log, machine, ProcessSet, round, sleep, tail, waitForHealth } from './lib/bench-kit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const { Client: PgClient } = require('pg');
const { Redis } = require('ioredis');
const { Queue } = require('bullmq');

const argv = process.argv.slice(2);
const optRaw = (name, dflt) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const OPTS = {
  bars: Number(optRaw('bars', 10_000)),
  grids: String(optRaw('grids', '100,400')).split(',').map(Number),
  pollMs: Number(optRaw('poll', 100)),
  repeats: Number(optRaw('repeats', 3)),
  skipBuild: argv.includes('--skip-build'),
  skipRecheck: argv.includes('--no-recheck'),
};
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `bench-grid-${randomBytes(3).toString('hex')}`;
const SCHEMA_PREFIX = 'bench_grid_';
const SERVICES = ['gateway', 'intelligence', 'execution', 'simulation'];
const SYMBOL = 'GRIDB';
const RUNS_QUEUE = 'simulation-runs'; // apps/simulation/src/runs/runs.service.ts
const POINTS_PER_CHUNK = 10; // idem
const ADMIN_EMAIL = 'bench-admin@meridian.local';
const CLK_TCK = 100;
const QUIET_OTHER_CORES = 0.25;
const workDir = join(root, 'tools/bench/.work-grid');
mkdirSync(workDir, { recursive: true });
const procs = new ProcessSet(workDir, root);
const allChildren = [];
const startProc = (name, args, env) => {
  const c = procs.start(name, args, env);
  allChildren.push(c);
  return c;
};

// ---------------------------------------------------------------------------------------------
// Clean-up: processes, schemas, Redis keys; once, also on Ctrl-C.
// ---------------------------------------------------------------------------------------------
let cleaned = null;
function cleanup() {
  cleaned ??= (async () => {
    await procs.stopAll().catch((err) => console.error('stopping processes:', err.message));
    await dropSchemas().catch((err) => console.error('dropping schemas:', err.message));
    await deleteRedisKeys().catch((err) => console.error('deleting Redis keys:', err.message));
  })();
  return cleaned;
}
// ProcessSet installs its own handlers (stop the processes, exit); ours also drops the schemas and keys.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.removeAllListeners(sig);
  process.once(sig, async () => {
    log(`${sig}: cleaning up`);
    await cleanup();
    process.exit(130);
  });
}

async function withPg(fn) {
  const pg = new PgClient({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    return await fn(pg);
  } finally {
    await pg.end();
  }
}

async function dropSchemas() {
  await withPg(async (pg) => {
    for (const s of SERVICES) await pg.query(`DROP SCHEMA IF EXISTS ${SCHEMA_PREFIX}${s} CASCADE`);
  });
}

async function deleteRedisKeys() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${NAMESPACE}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

// ---------------------------------------------------------------------------------------------
// /proc: CPU of processes and of the machine
// ---------------------------------------------------------------------------------------------
function procCpuSec(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}

function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return { idle: line[3] + line[4], total: line.slice(0, 8).reduce((a, b) => a + b, 0) };
}

/** Every process with this command name (PostgreSQL's server and backends, redis-server). */
function pidsNamed(comm) {
  const pids = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm) pids.push(Number(d));
    } catch {
      // gone
    }
  }
  return pids;
}

/** CPU seconds of each process, by pid. */
const cpuByPid = (pids) => new Map(pids.map((p) => [p, procCpuSec(p)]));
/** CPU used since `start` by those of its processes still alive (one that exited meanwhile is missed). */
const cpuSince = (start) => {
  let sum = 0;
  for (const [pid, s0] of start) {
    const now = procCpuSec(pid);
    if (Number.isFinite(now) && Number.isFinite(s0) && now >= s0) sum += now - s0;
  }
  return sum;
};

/** Starts a CPU meter over named processes; the returned function gives seconds and cores used. */
function cpuMeter(children) {
  const at = performance.now();
  const m0 = machineCpu();
  const self0 = process.cpuUsage();
  const p0 = Object.fromEntries(Object.entries(children).map(([k, c]) => [k, procCpuSec(c.pid)]));
  // Shared with every other session on the machine: read at the start (backends that come later are missed).
  const shared = { 'postgres (all sessions)': pidsNamed('postgres'), 'redis-server (all)': pidsNamed('redis-server') };
  const s0 = Object.fromEntries(Object.entries(shared).map(([k, pids]) => [k, cpuByPid(pids)]));
  return () => {
    const wall = (performance.now() - at) / 1000;
    const m1 = machineCpu();
    const self = process.cpuUsage(self0);
    const cpuSec = { 'this script': round((self.user + self.system) / 1e6, 2) };
    for (const [k, c] of Object.entries(children)) cpuSec[k] = round(procCpuSec(c.pid) - p0[k], 2);
    const sharedSec = Object.fromEntries(Object.keys(shared).map((k) => [k, round(cpuSince(s0[k]), 2)]));
    const busyCores = (1 - (m1.idle - m0.idle) / (m1.total - m0.total)) * os.cpus().length;
    const ours = Object.values(cpuSec).reduce((a, b) => a + (b ?? 0), 0);
    const sharedTotal = Object.values(sharedSec).reduce((a, b) => a + (b ?? 0), 0);
    return {
      wallSec: round(wall, 3),
      cpuSec,
      sharedCpuSec: sharedSec,
      machineBusyCores: round(busyCores, 2),
      // Cores used by this script and the processes it started.
      benchCores: round(ours / wall, 2),
      // Everything else: PostgreSQL and Redis (partly serving this benchmark) and other sessions' work.
      otherCores: round(busyCores - ours / wall, 2),
      // Everything else without PostgreSQL and Redis: other sessions' own processes (a lower bound).
      otherWithoutPgRedisCores: round(busyCores - (ours + sharedTotal) / wall, 2),
    };
  };
}

// ---------------------------------------------------------------------------------------------
// The platform
// ---------------------------------------------------------------------------------------------
function serviceEnv(service, port, adminPassword) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL,
    DATABASE_SCHEMA: `${SCHEMA_PREFIX}${service}`,
    REDIS_URL,
    REDIS_NAMESPACE: NAMESPACE,
    LOG_LEVEL: 'warn',
    LOG_CONSOLE: 'false',
    HISTORY_BACKFILL: 'off',
    ADMIN_EMAIL,
    ADMIN_PASSWORD: adminPassword,
    ACCESS_TOKEN_TTL_SEC: '7200',
    WEB_DIST: join(workDir, 'no-web-app'),
  };
}

async function startPlatform() {
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()])));
  const adminPassword = randomBytes(18).toString('base64url');
  const children = Object.fromEntries(SERVICES.map((service) => [service === 'simulation' ? 'simulation-1' : service, startProc(service === 'simulation' ? 'simulation-1' : service, [join(root, 'dist/apps', service, 'src/main.js')], serviceEnv(service, ports[service], adminPassword))]));
  const base = `http://127.0.0.1:${ports.gateway}`;
  const startupSec = await waitForHealth(base, Object.values(children));
  return { base, ports, adminPassword, startupSec, children };
}

/** Starts another simulation process and waits for its own /health/ready. */
async function startSimulation(name, adminPassword) {
  const port = await freePort();
  const child = startProc(name, [join(root, 'dist/apps/simulation/src/main.js')], serviceEnv('simulation', port, adminPassword));
  const started = Date.now();
  while (Date.now() - started < 180_000) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start-up:\n${tail(child.logFile)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return { child, port, startupSec: (Date.now() - started) / 1000 };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${name} not ready after 180 s:\n${tail(child.logFile)}`);
}

// ---------------------------------------------------------------------------------------------
// Data: deterministic daily bars
// ---------------------------------------------------------------------------------------------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `bars` weekdays ending 2025-12-31, a geometric random walk (seed 20251231), OHLC consistent. */
function dailyBarsCsv(bars, seed = 20251231) {
  const DAY = 86_400_000;
  const days = [];
  for (let t = Date.UTC(2025, 11, 31); days.length < bars; t -= DAY) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(t);
  }
  days.reverse();
  const rnd = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const lines = ['date,open,high,low,close,volume'];
  let close = 100;
  for (const t of days) {
    const open = Number((close * (1 + 0.002 * gauss())).toFixed(4));
    close = Number((open * Math.exp(0.0002 + 0.015 * gauss())).toFixed(4));
    const high = (Math.max(open, close) * (1 + 0.006 * rnd())).toFixed(4);
    const low = (Math.min(open, close) * (1 - 0.006 * rnd())).toFixed(4);
    const volume = 100_000 + Math.floor(rnd() * 900_000);
    lines.push(`${new Date(t).toISOString().slice(0, 10)},${open.toFixed(4)},${high},${low},${close.toFixed(4)},${volume}`);
  }
  return { csv: `${lines.join('\n')}\n`, first: new Date(days[0]).toISOString().slice(0, 10), last: new Date(days[days.length - 1]).toISOString().slice(0, 10) };
}

async function importCsv(base, token, csv) {
  const q = new URLSearchParams({ symbol: SYMBOL, format: 'generic', dateColumn: 'date', openColumn: 'open', highColumn: 'high', lowColumn: 'low', closeColumn: 'close', volumeColumn: 'volume' });
  const started = performance.now();
  const res = await fetch(`${base}/api/data/import?${q}`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`import: HTTP ${res.status} ${text.slice(0, 500)}`);
  return { ...JSON.parse(text), clientMs: Math.round(performance.now() - started) };
}

// ---------------------------------------------------------------------------------------------
// Grids and runs
// ---------------------------------------------------------------------------------------------
/** A square grid of `points` (100 → 10 × 10, 400 → 20 × 20) with every fast < every slow. */
function gridOf(points) {
  const side = Math.round(Math.sqrt(points));
  if (side * side !== points) throw new Error(`--grids takes square numbers (100, 400, …), not ${points}`);
  const fast = Array.from({ length: side }, (_, i) => 5 + i * Math.max(1, Math.floor(45 / Math.max(1, side - 1))));
  const slowStart = Math.max(...fast) + 10;
  const slow = Array.from({ length: side }, (_, i) => slowStart + i * 10);
  return { fast, slow };
}

const runBody = (grid) => ({ strategyId: 'sma-crossover', symbols: [SYMBOL], timeframe: '1d', feesBps: 10, initialCash: 100_000, grid });

async function runIds(pg) {
  const { rows } = await pg.query(`SELECT id FROM ${SCHEMA_PREFIX}simulation.simulation_runs`);
  return new Set(rows.map((r) => r.id));
}

async function runRows(pg, ids) {
  if (!ids.length) return [];
  const { rows } = await pg.query(
    `SELECT r.id, r.status, r.error, r.created_at, r.started_at, r.finished_at, (SELECT count(*)::int FROM ${SCHEMA_PREFIX}simulation.simulation_run_points p WHERE p.run_id = r.id) AS points
       FROM ${SCHEMA_PREFIX}simulation.simulation_runs r WHERE r.id = ANY($1::uuid[]) ORDER BY r.created_at`,
    [ids],
  );
  return rows;
}

/** Waits until BullMQ has nothing waiting, active, delayed or waiting for children. */
async function drain(queue, timeoutMs = 600_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'waiting-children', 'prioritized', 'paused');
    if (Object.values(c).every((n) => n === 0)) return;
    await sleep(200);
  }
  throw new Error('the run queue did not drain');
}

/** Chunk jobs of a run from BullMQ: when each ran, and how many ran at the same time. */
async function chunkTimeline(queue, runId, points, t0Epoch) {
  const chunks = Math.ceil(points / POINTS_PER_CHUNK);
  const jobs = [];
  for (let i = 0; i < chunks; i++) {
    const j = await queue.getJob(`${runId}-chunk-${i}`);
    if (j) jobs.push({ i, start: j.processedOn, end: j.finishedOn, attempts: j.attemptsMade, failed: j.failedReason ?? null });
  }
  const fin = await queue.getJob(`${runId}-finish`);
  const done = jobs.filter((j) => j.start && j.end);
  const durations = done.map((j) => j.end - j.start).sort((a, b) => a - b);
  // Maximum number of chunk jobs running at one instant.
  const edges = done.flatMap((j) => [[j.start, 1], [j.end, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let maxConcurrent = 0;
  let overlapMs = 0;
  let prev = null;
  for (const [t, d] of edges) {
    if (prev !== null && cur >= 2) overlapMs += t - prev;
    cur += d;
    maxConcurrent = Math.max(maxConcurrent, cur);
    prev = t;
  }
  const firstStart = Math.min(...done.map((j) => j.start));
  const lastEnd = Math.max(...done.map((j) => j.end));
  return {
    chunkJobs: jobs.length,
    chunksCompleted: done.length,
    retried: jobs.filter((j) => j.attempts > 1).length,
    chunkMs: { min: durations[0] ?? null, median: durations[Math.floor(durations.length / 2)] ?? null, max: durations[durations.length - 1] ?? null, sum: durations.reduce((a, b) => a + b, 0) },
    maxConcurrentChunks: maxConcurrent,
    msWithTwoOrMoreChunksRunning: overlapMs,
    firstChunkStartMs: done.length ? firstStart - t0Epoch : null,
    lastChunkEndMs: done.length ? lastEnd - t0Epoch : null,
    finishJobMs: fin?.processedOn && fin?.finishedOn ? { start: fin.processedOn - t0Epoch, end: fin.finishedOn - t0Epoch } : null,
  };
}

/**
 * Takes every other run the submission created out of the way as soon as it appears in the
 * database: its flow (the grid-finish parent and its chunk jobs) is removed from BullMQ (chunk by
 * chunk for those still waiting if one is already running), then the run is cancelled through
 * POST /api/simulation/cancel. Cancelling alone does not stop the chunks (see the benchmark's
 * section in docs/BENCHMARKS.md); removing the jobs leaves the workers exactly the one grid a
 * fixed (idempotent) submit would queue. Stops after `expected` runs or 3 s.
 */
async function removeDuplicates(ctx, before, ourId, expected, points, t0) {
  const out = [];
  const deadline = performance.now() + 3_000;
  while (out.length < expected && performance.now() < deadline) {
    const ids = [...(await runIds(ctx.pg))].filter((id) => !before.has(id) && id !== ourId && !out.some((o) => o.id === id));
    for (const id of ids) {
      const seenMs = performance.now() - t0;
      const entry = { id, seenMs: round(seenMs, 1) };
      // The run row is written before its flow is queued: wait for the flow (remove() answers 1 for a missing job too).
      const flowDeadline = performance.now() + 2_000;
      while (!(await ctx.queue.getJob(`${id}-finish`)) && performance.now() < flowDeadline) await sleep(2);
      entry.flowSeenMs = round(performance.now() - t0, 1);
      entry.flowRemoved = await ctx.queue.remove(`${id}-finish`, { removeChildren: true }).catch((err) => err.message);
      if (entry.flowRemoved === 1 && (await ctx.queue.getJob(`${id}-chunk-0`))) entry.flowRemoved = 'parent removed, chunk jobs still there';
      if (entry.flowRemoved !== 1) {
        entry.chunksRemoved = 0;
        for (let i = 0; i < Math.ceil(points / POINTS_PER_CHUNK); i++) {
          const job = await ctx.queue.getJob(`${id}-chunk-${i}`);
          if (job && (await job.isWaiting())) entry.chunksRemoved += (await ctx.queue.remove(job.id, { removeChildren: true }).catch(() => 0)) === 1 ? 1 : 0;
        }
      }
      entry.removedMs = round(performance.now() - t0, 1);
      try {
        entry.cancel = (await api(ctx.base, 'POST', '/api/simulation/cancel', { token: ctx.token, body: { id } })).status;
      } catch (err) {
        // Every replica handles the cancel too: the one answering second may say 409 (already cancelled).
        entry.cancel = err.message.slice(0, 160);
      }
      out.push(entry);
    }
    if (out.length < expected) await sleep(5);
  }
  return out;
}

/**
 * One measurement: submit the grid, poll results?id every pollMs until completed. Afterwards waits
 * until every run this submission created has finished and the queue is empty. With removeOthers,
 * the other runs the submission created are taken out of the way (removeDuplicates).
 */
async function measure(ctx, label, points, workers, { removeOthers = false } = {}) {
  const { base, token, pg, queue, meterProcs } = ctx;
  const grid = gridOf(points);
  const before = await runIds(pg);
  const loadBefore = os.loadavg().map((x) => round(x, 2));
  const meter = cpuMeter(meterProcs());
  const t0Epoch = Date.now();
  const t0 = performance.now();
  const queued = await api(base, 'POST', '/api/simulation/backtest', { token, body: runBody(grid) });
  const submitMs = performance.now() - t0;
  if (queued.kind !== 'grid') throw new Error(`expected a grid run, got ${JSON.stringify(queued).slice(0, 300)}`);
  const removing = removeOthers ? removeDuplicates(ctx, before, queued.id, workers - 1, points, t0) : Promise.resolve(null);
  let polls = 0;
  let run;
  let next = t0;
  for (;;) {
    next += OPTS.pollMs;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    run = await api(base, 'GET', `/api/simulation/results?id=${queued.id}`, { token });
    polls++;
    if (run.status === 'completed') break;
    if (run.status === 'failed' || run.status === 'cancelled') throw new Error(`run ${queued.id} ${run.status}: ${run.error}`);
    if (performance.now() - t0 > 900_000) throw new Error(`run ${queued.id} not completed after 15 min (status ${run.status}, progress ${run.progress})`);
  }
  const wallMs = performance.now() - t0;
  const cpu = meter();
  const removed = await removing;
  // Every run the submission created (more than one when several replicas each handled the request).
  await sleep(300);
  let created = [...(await runIds(pg))].filter((id) => !before.has(id));
  const tAllStart = performance.now();
  const waitFor = created.filter((id) => !removed?.some((r) => r.id === id));
  for (;;) {
    const rows = await runRows(pg, waitFor);
    if (rows.every((r) => !['queued', 'running'].includes(r.status))) break;
    if (performance.now() - tAllStart > 900_000) throw new Error('the other runs of the submission did not finish');
    await sleep(100);
  }
  const allDoneMs = performance.now() - t0;
  await drain(queue);
  created = [...(await runIds(pg))].filter((id) => !before.has(id));
  const rows = await runRows(pg, created);
  const ours = rows.find((r) => r.id === queued.id);
  const gridPoints = run.grid?.length ?? 0;
  const withMetrics = run.grid?.filter((p) => p.metrics !== null).length ?? 0;
  const timelines = {};
  for (const r of rows) timelines[r.id] = await chunkTimeline(queue, r.id, points, t0Epoch);
  const best = run.metrics;
  const result = {
    label,
    workers,
    mode: removeOthers ? 'duplicate removed' : 'as is',
    points,
    grid: { fast: grid.fast, slow: grid.slow },
    runId: queued.id,
    submitMs: round(submitMs, 1),
    wallMs: round(wallMs, 1),
    pointsPerSec: round(points / (wallMs / 1000), 1),
    polls,
    serverMs: ours ? { createdToStarted: ours.started_at - ours.created_at, createdToFinished: ours.finished_at - ours.created_at } : null,
    gridPointsReturned: gridPoints,
    pointsWithMetrics: withMetrics,
    bestSharpe: best?.sharpe ?? null,
    runsCreatedBySubmission: rows.map((r) => ({ id: r.id, ours: r.id === queued.id, status: r.status, points: r.points, createdOffsetMs: r.created_at.getTime() - t0Epoch, finishedOffsetMs: r.finished_at ? r.finished_at.getTime() - t0Epoch : null, error: r.error })),
    allRunsOfSubmissionDoneMs: round(allDoneMs, 1),
    duplicatesRemoved: removed,
    chunks: timelines[queued.id],
    otherRunsChunks: Object.fromEntries(Object.entries(timelines).filter(([id]) => id !== queued.id)),
    cpuDuringRun: cpu,
    loadAverage: { before: loadBefore, after: os.loadavg().map((x) => round(x, 2)) },
  };
  if (gridPoints !== points || withMetrics !== points) throw new Error(`${label}: ${gridPoints} grid points returned, ${withMetrics} with metrics; ${points} expected`);
  log(
    `${label}: ${round(wallMs / 1000, 2)} s (${result.pointsPerSec} points/s), runs created ${rows.length}, ` +
      `chunks ${result.chunks.chunksCompleted} (median ${result.chunks.chunkMs.median} ms, max concurrent ${result.chunks.maxConcurrentChunks}), ` +
      `machine busy ${cpu.machineBusyCores} cores (benchmark ${cpu.benchCores}, PostgreSQL+Redis+others ${cpu.otherCores}, others without PostgreSQL/Redis ${cpu.otherWithoutPgRedisCores})`,
  );
  return result;
}

async function warmUp(ctx, label, chunks) {
  const grid = { fast: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].slice(0, 10), slow: Array.from({ length: chunks }, (_, i) => 40 + i) };
  const t0 = performance.now();
  const before = await runIds(ctx.pg);
  const queued = await api(ctx.base, 'POST', '/api/simulation/backtest', { token: ctx.token, body: runBody(grid) });
  for (;;) {
    await sleep(200);
    const run = await api(ctx.base, 'GET', `/api/simulation/results?id=${queued.id}`, { token: ctx.token });
    if (run.status === 'completed') break;
    if (run.status === 'failed' || run.status === 'cancelled') throw new Error(`warm-up ${queued.id} ${run.status}: ${run.error}`);
    if (performance.now() - t0 > 600_000) throw new Error('warm-up did not finish');
  }
  await sleep(300);
  const created = [...(await runIds(ctx.pg))].filter((id) => !before.has(id));
  for (;;) {
    const rows = await runRows(ctx.pg, created);
    if (rows.every((r) => !['queued', 'running'].includes(r.status))) break;
    await sleep(100);
  }
  await drain(ctx.queue);
  log(`warm-up (${label}, ${grid.fast.length * grid.slow.length} points): ${round((performance.now() - t0) / 1000, 2)} s, runs created ${created.length}`);
  return { label, points: grid.fast.length * grid.slow.length, ms: round(performance.now() - t0, 1), runsCreated: created.length };
}

const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  if (!a.length) return null;
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};

function summarise(measurements) {
  const out = {};
  for (const points of OPTS.grids) {
    const pick = (workers, mode, round) => measurements.filter((m) => m.points === points && m.workers === workers && m.mode === mode && (round === undefined || m.round === round));
    const one = pick(1, 'as is');
    if (!one.length) continue;
    const oneMedian = median(one.map((m) => m.wallMs));
    const entry = { oneWorker: { wallMs: one.map((m) => m.wallMs), medianMs: oneMedian, medianPointsPerSec: round(points / (oneMedian / 1000), 1) } };
    // Only the measurements during which other sessions' own processes (not PostgreSQL or Redis)
    // used at most QUIET_OTHER_CORES: the nearest this shared machine came to being idle.
    const quiet = (ms) => ms.filter((m) => m.cpuDuringRun.otherWithoutPgRedisCores <= QUIET_OTHER_CORES).map((m) => m.wallMs);
    const quietOne = quiet(one);
    const quietTwo = quiet(pick(2, 'duplicate removed'));
    entry.quiet = {
      otherCoresAtMost: QUIET_OTHER_CORES,
      oneWorkerMs: quietOne,
      twoWorkersDuplicateRemovedMs: quietTwo,
      twoWorkersAsIsMs: quiet(pick(2, 'as is')),
      speedUpOfMedians: quietOne.length && quietTwo.length ? round(median(quietOne) / median(quietTwo), 2) : null,
    };
    for (const [key, mode] of [['twoWorkersAsIs', 'as is'], ['twoWorkersDuplicateRemoved', 'duplicate removed']]) {
      const two = pick(2, mode);
      if (!two.length) continue;
      const med = median(two.map((m) => m.wallMs));
      // Paired: each two-worker time against the mean of the one-worker times just before and after it.
      const paired = two.map((m) => {
        const around = [...pick(1, 'as is', m.round), ...pick(1, 'as is', m.round + 1)].map((x) => x.wallMs);
        return round(around.reduce((a, b) => a + b, 0) / around.length / m.wallMs, 2);
      });
      entry[key] = {
        wallMs: two.map((m) => m.wallMs),
        medianMs: med,
        medianPointsPerSec: round(points / (med / 1000), 1),
        speedUpOfMedians: round(oneMedian / med, 2),
        pairedSpeedUps: paired,
        medianPairedSpeedUp: round(median(paired), 2),
        runsCreatedPerSubmission: two.map((m) => m.runsCreatedBySubmission.length),
        duplicatePointsComputed: two.map((m) => m.runsCreatedBySubmission.filter((x) => !x.ours).reduce((a, x) => a + x.points, 0)),
        allRunsOfSubmissionDoneMs: two.map((m) => m.allRunsOfSubmissionDoneMs),
        maxConcurrentChunks: two.map((m) => m.chunks.maxConcurrentChunks),
      };
    }
    out[points] = entry;
  }
  return out;
}

/**
 * What the services logged at warn or above (LOG_CONSOLE=false: the log lines go to the namespace's
 * Redis stream <ns>:logs, read here before the clean-up), and what each process wrote to stdout/stderr.
 */
async function serviceLogs() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  const byService = {};
  try {
    await sleep(500); // the sinks flush every 250 ms
    let start = '-';
    for (;;) {
      const entries = await redis.xrange(`${NAMESPACE}:logs`, start, '+', 'COUNT', 5000);
      for (const [id, fields] of entries) {
        const line = fields[fields.indexOf('l') + 1];
        let rec;
        try {
          rec = JSON.parse(line);
        } catch {
          continue;
        }
        if ((rec.level ?? 0) < 40) continue;
        const svc = rec.service ?? '?';
        const key = `${rec.level} ${rec.msg ?? ''}${rec.err?.message ? `: ${String(rec.err.message).slice(0, 200)}` : rec.err && typeof rec.err === 'string' ? `: ${rec.err.slice(0, 200)}` : ''}`;
        byService[svc] ??= {};
        byService[svc][key] = (byService[svc][key] ?? 0) + 1;
      }
      if (entries.length < 5000) break;
      start = `(${entries[entries.length - 1][0]}`;
    }
  } finally {
    redis.disconnect();
  }
  const processOutput = {};
  for (const c of allChildren) {
    const text = readFileSync(c.logFile, 'utf8').trim();
    processOutput[c.logFile.split('/').pop().replace(/\.log$/, '')] = { file: c.logFile.replace(`${root}/`, ''), lines: text ? text.split('\n').length : 0, tail: text ? tail(c.logFile, 5) : '', exit: c.exitCode ?? c.signalCode ?? 'running' };
  }
  return { warnOrAboveByService: byService, processOutput };
}

// ---------------------------------------------------------------------------------------------
async function main() {
  if (!OPTS.skipBuild) {
    log('building the services');
    const b = spawnSync(process.execPath, [join(root, 'tools/build/build.mjs'), '--server-only'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  await dropSchemas();
  const result = {
    benchmark: 'grid-workers',
    at: new Date().toISOString(),
    command: `node tools/bench/grid-workers.mjs ${argv.join(' ')}`.trim(),
    machine: { ...machine(root), nproc: os.cpus().length },
    options: OPTS,
    namespace: NAMESPACE,
  };
  let queue;
  let pg;
  try {
    log(`starting gateway, intelligence, execution and one simulation process (Redis namespace ${NAMESPACE}, schemas ${SCHEMA_PREFIX}*)`);
    const platform = await startPlatform();
    result.startupSec = platform.startupSec;
    const { accessToken: token } = await api(platform.base, 'POST', '/api/auth/login', { body: { email: ADMIN_EMAIL, password: platform.adminPassword } });
    const config = await api(platform.base, 'GET', '/api/system/config', { token });
    await api(platform.base, 'POST', '/api/system/config', { token, body: { settings: { ...config.settings, rateLimit: { ...config.settings.rateLimit, perMinute: 1_000_000 } }, comment: 'grid-workers benchmark' } });

    const data = dailyBarsCsv(OPTS.bars);
    const imported = await importCsv(platform.base, token, data.csv);
    result.data = { symbol: SYMBOL, timeframe: '1d', bars: OPTS.bars, first: data.first, last: data.last, csvBytes: Buffer.byteLength(data.csv), import: imported };
    log(`imported ${imported.rows ?? '?'} daily bars of ${SYMBOL} (${data.first} … ${data.last}) in ${imported.clientMs} ms`);

    pg = new PgClient({ connectionString: DATABASE_URL });
    await pg.connect();
    queue = new Queue(RUNS_QUEUE, { connection: { url: REDIS_URL, maxRetriesPerRequest: null }, prefix: NAMESPACE });
    const children = { ...platform.children };
    const ctx = {
      base: platform.base,
      token,
      pg,
      queue,
      meterProcs: () => Object.fromEntries(Object.entries(children).filter(([, c]) => c.exitCode === null && c.signalCode === null)),
    };
    const measurements = [];
    const warmUps = [];
    result.warmUps = warmUps;
    result.measurements = measurements;

    const R = OPTS.repeats;
    const take = async (round, label, points, workers, opts) => {
      const m = await measure(ctx, label, points, workers, opts);
      m.round = round;
      measurements.push(m);
    };
    result.secondSimulationStartupSec = [];

    warmUps.push(await warmUp(ctx, 'one worker', 1));
    // Rounds: one worker, then two (the second process started for the round and stopped after it),
    // so that each two-worker measurement has one-worker measurements just before and just after it.
    for (let r = 1; r <= R; r++) {
      log(`round ${r}/${R}: one simulation process`);
      for (const points of OPTS.grids) await take(r, `round ${r}: ${points} points, 1 worker`, points, 1);
      log(`round ${r}/${R}: starting a second simulation process`);
      const second = await startSimulation('simulation-2', platform.adminPassword);
      children['simulation-2'] = second.child;
      result.secondSimulationStartupSec.push(second.startupSec);
      await sleep(2_000); // its worker connects to the queue after /health/ready
      warmUps.push(await warmUp(ctx, `two workers, round ${r}`, 2));
      for (const points of OPTS.grids) {
        await take(r, `round ${r}: ${points} points, 2 workers, as is`, points, 2);
        await take(r, `round ${r}: ${points} points, 2 workers, duplicate removed`, points, 2, { removeOthers: true });
      }
      await procs.stop(second.child);
      delete children['simulation-2'];
      await sleep(1_000);
    }
    if (!OPTS.skipRecheck) {
      log('closing: one simulation process');
      for (const points of OPTS.grids) await take(R + 1, `closing: ${points} points, 1 worker`, points, 1);
    }

    result.summary = summarise(measurements);
    result.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
    result.serviceLogs = await serviceLogs();
  } catch (err) {
    result.error = String(err?.stack ?? err);
    result.serviceLogs = await serviceLogs().catch(() => null);
    const failed = join(workDir, `grid-workers-failed-${result.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(failed, JSON.stringify(result, null, 2));
    log(`failed; what was measured so far is in ${failed}`);
    throw err;
  } finally {
    await queue?.close().catch(() => undefined);
    await pg?.end().catch(() => undefined);
    await cleanup();
  }
  const file = join(root, 'tools/bench/results', `grid-workers-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  log(`written ${file}`);
  console.log(JSON.stringify({ machine: result.machine, data: { bars: result.data.bars, first: result.data.first, last: result.data.last }, summary: result.summary }, null, 2));
}

main().catch(async (err) => {
  console.error(err);
  await cleanup();
  process.exit(1);
});
