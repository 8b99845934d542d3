#!/usr/bin/env node
// Benchmark: the gateway and the Redis transport (docs/BENCHMARKS.md, "Gateway and Redis transport").
//
//   node tools/bench/gateway-transport.mjs [--duration=20] [--warmup=5] [--rate=2000] [--connections=50]
//                                          [--idle=30] [--no-embedded] [--no-profile] [--no-paced] [--skip-build]
//                                          [--shared-redis] [--dist=<another build's dist folder>]
//
// In one run it:
//   1. builds the services (tools/build/build.mjs --server-only) and the bare Nest app (tools/bench/bare-nest-app.ts),
//   2. loads the bare Nest app (one GET, no auth, no Redis) with autocannon: warm-up, unthrottled, fixed rate,
//   3. starts gateway, intelligence, execution and simulation against the external PostgreSQL (schemas
//      bench_<service>) and Redis (namespace "bench"), waits until /api/health/system is all up, idles,
//      reads each process's VmRSS, then loads GET /api/system/status/execution (authenticated; gateway ->
//      Redis -> execution -> Redis -> gateway) the same way, and takes a CPU profile of the gateway and the
//      execution service under load,
//   4. starts the four services again with embedded PGlite under a temporary DATA_DIR and reads their idle RSS,
//   5. stops everything it started, drops the bench schemas and the bench Redis keys, and writes
//      tools/bench/results/gateway-transport-<time>.json (+ the .cpuprofile files), printing a summary.
//
// Latency percentiles are computed from every response's own latency (autocannon's `response` event,
// process.hrtime resolution, in ms), sorted, nearest-rank; only 2xx responses count, as in autocannon.
// autocannon's own summary (an integer-millisecond HDR histogram with p50/p97.5/p99, corrected for
// coordinated omission in rate-limited runs) is stored beside it for comparison.
//
// Environment: BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test),
// REDIS_URL (else redis://127.0.0.1:6379).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const autocannon = require('autocannon');
const swc = require('@swc/core');
const { Client: PgClient } = require('pg');
const { Redis } = require('ioredis');
const WebSocket = require('ws');

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : dflt;
};
const OPTS = {
  duration: opt('duration', 20),
  warmup: opt('warmup', 5),
  rate: opt('rate', 2000),
  connections: opt('connections', 50),
  idle: opt('idle', 30),
  profileSec: opt('profile-sec', 10),
  embedded: !flag('no-embedded'),
  profile: !flag('no-profile'),
  paced: !flag('no-paced'),
  build: !flag('skip-build'),
  sharedRedis: flag('shared-redis'),
  /** Another build of the services to measure (e.g. a patched copy); implies --skip-build. */
  dist: argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? null,
};
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// The NestJS Redis transport's channels (e.g. "execution.system.status" and its ".reply") are not
// under REDIS_NAMESPACE, so another Meridian on the same Redis (an e2e run, a developer's `npm start`)
// would answer this benchmark's requests and send it its replies. Unless --shared-redis is given,
// the benchmark therefore starts its own in-memory redis-server on a free port.
let REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = 'bench';
const SERVICES = ['intelligence', 'execution', 'simulation', 'gateway'];
const TARGETS = { gatewayP95AtRateMs: 10, p95Ratio: 3, idleRssExternalMb: 250 };
const COMMAND = ['node', relative(root, fileURLToPath(import.meta.url)), ...argv].join(' ');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const resultsDir = join(root, 'tools/bench/results');
const workDir = mkdtempSync(join(os.tmpdir(), 'meridian-bench-'));
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- processes we start
const children = new Set();
let cleaningUp = false;

async function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function startProcess(name, args, env) {
  const logFile = join(workDir, `${name}-${Date.now()}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.benchName = name;
  child.logFile = logFile;
  child.exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  child.exited.then(({ code, signal }) => {
    children.delete(child);
    if (!cleaningUp && !child.stopping) log(`${name} (pid ${child.pid}) exited unexpectedly: ${signal ?? `code ${code}`}; log ${logFile}`);
  });
  children.add(child);
  return child;
}

async function stopProcess(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.stopping = true;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

async function stopAll() {
  await Promise.all([...children].map((c) => stopProcess(c)));
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    cleaningUp = true;
    log(`${sig}: stopping what this benchmark started`);
    await stopAll();
    process.exit(130);
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- /proc readings
function procStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 1), hwmMb: round(kb('VmHWM') / 1024, 1) };
}

/** utime+stime of a process in seconds. */
function procCpuSec(pid) {
  if (Array.isArray(pid)) return pid.reduce((sum, p) => sum + (procCpuSec(p) || 0), 0);
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** Every process named postgres (the server and its backends, which come and go: read at the start of a run). */
function postgresPids() {
  const pids = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(d));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Whole-machine busy and total jiffies (for utilisation over an interval). */
function machineCpu() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = line[3] + line[4];
  const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
  return { idle, total };
}

function cpuMeter(pids) {
  if (typeof pids === 'function') pids = pids();
  const start = { at: performance.now(), self: process.cpuUsage(), machine: machineCpu(), procs: Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, procCpuSec(p)])) };
  return () => {
    const wall = (performance.now() - start.at) / 1000;
    const self = process.cpuUsage(start.self);
    const m = machineCpu();
    const out = { wallSec: round(wall, 2), machineBusyPct: round(100 * (1 - (m.idle - start.machine.idle) / (m.total - start.machine.total)), 1), coresPct: {} };
    out.coresPct['load generator (this script)'] = round((100 * (self.user + self.system)) / 1e6 / wall, 1);
    let accounted = out.coresPct['load generator (this script)'];
    for (const [k, p] of Object.entries(pids)) {
      out.coresPct[k] = Math.max(0, round((100 * (procCpuSec(p) - start.procs[k])) / wall, 1));
      accounted += out.coresPct[k] ?? 0;
    }
    out.coresPct['everything else on the machine'] = round(((out.machineBusyPct * os.cpus().length) - accounted), 1);
    out.othersNote = 'everything else = machine busy time minus the processes listed: other work on the machine, kernel time not charged to them';
    return out;
  };
}

// ---------------------------------------------------------------- statistics
/** CPU milliseconds each process spent per completed request: robust to other load on the machine. */
function cpuPerRequest(cpu, rps) {
  const out = {};
  for (const [k, pct] of Object.entries(cpu.coresPct)) if (!k.startsWith('everything else')) out[k] = round((pct * 10) / rps, 3);
  return out;
}

function round(x, d = 2) {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function percentiles(values) {
  const a = Float64Array.from(values).sort();
  const n = a.length;
  if (!n) return { count: 0 };
  const at = (q) => a[Math.min(n - 1, Math.max(0, Math.ceil((q / 100) * n) - 1))];
  let sum = 0;
  for (const v of a) sum += v;
  return {
    count: n,
    mean: round(sum / n, 3),
    p50: round(at(50), 3),
    p90: round(at(90), 3),
    p95: round(at(95), 3),
    p97_5: round(at(97.5), 3),
    p99: round(at(99), 3),
    p99_9: round(at(99.9), 3),
    max: round(a[n - 1], 3),
  };
}

// ---------------------------------------------------------------- load generators
/** One autocannon run; every response's latency is kept for exact percentiles. */
function cannon({ label, url, headers, duration, overallRate, connections = OPTS.connections, pids = {} }) {
  return new Promise((resolveRun, reject) => {
    const latencies2xx = [];
    const statusCounts = {};
    const meter = cpuMeter(pids);
    const inst = autocannon({ url, headers, connections, duration, overallRate, timeout: 10 }, (err, res) => {
      if (err) return reject(err);
      const cpu = meter();
      const total = Object.values(statusCounts).reduce((a, b) => a + b, 0);
      resolveRun({
        label,
        url,
        connections,
        durationSec: duration,
        overallRate: overallRate ?? null,
        requestsPerSec: round(total / res.duration, 1),
        responses: total,
        statusCounts,
        errors: res.errors,
        timeouts: res.timeouts,
        non2xx: res.non2xx,
        latencyMs: percentiles(latencies2xx),
        autocannonLatencyMs: { p50: res.latency.p50, p97_5: res.latency.p97_5, p99: res.latency.p99, max: res.latency.max, mean: res.latency.mean },
        autocannonRequestsPerSecMean: res.requests.mean,
        cpu,
        cpuMsPerRequest: cpuPerRequest(cpu, total / res.duration),
      });
    });
    inst.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies2xx.push(responseTime);
    });
  });
}

/**
 * Supplement to autocannon's overallRate (which lets each connection send its per-second quota
 * back to back at the start of every second): an open-loop generator that sends at evenly spaced
 * times over at most `connections` keep-alive sockets and measures from the intended send time.
 */
async function paced({ label, url, headers, duration, rate, connections = OPTS.connections, pids = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies2xx = [];
  const statusCounts = {};
  let errors = 0;
  let sent = 0;
  let inFlight = 0;
  const meter = cpuMeter(pids);
  const start = performance.now();
  const end = start + duration * 1000;
  const fire = (intended) => {
    inFlight++;
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'GET', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        inFlight--;
        statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 200 && res.statusCode < 300) latencies2xx.push(performance.now() - intended);
      });
    });
    req.on('error', () => {
      inFlight--;
      errors++;
    });
    req.end();
  };
  await new Promise((done) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.floor(((Math.min(now, end) - start) / 1000) * rate);
      while (sent < due) fire(start + (sent++ * 1000) / rate);
      if (now < end) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  for (let i = 0; i < 1000 && inFlight > 0; i++) await sleep(10);
  agent.destroy();
  const cpu = meter();
  const total = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  return {
    label,
    url,
    connections,
    durationSec: duration,
    rate,
    requestsPerSec: round(total / duration, 1),
    responses: total,
    statusCounts,
    errors,
    non2xx: total - latencies2xx.length,
    latencyMs: percentiles(latencies2xx),
    cpu,
    cpuMsPerRequest: cpuPerRequest(cpu, total / duration),
  };
}

// ---------------------------------------------------------------- HTTP helpers
async function api(base, method, path, { token, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return json;
}

async function waitForHealth(base, procs, timeoutMs = 300_000) {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    for (const p of procs) if (p.exitCode !== null || p.signalCode !== null) throw new Error(`${p.benchName} exited during start-up:\n${tail(p.logFile)}`);
    try {
      const res = await fetch(`${base}/api/health/system`);
      const body = await res.json();
      last = JSON.stringify(body.components?.map((c) => `${c.name}:${c.status}`));
      if (body.components?.length >= 6 && body.components.every((c) => c.status === 'up')) return (Date.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`not all healthy after ${timeoutMs / 1000} s: ${last}`);
}

// ---------------------------------------------------------------- the platform
async function startPlatform({ label, embedded, inspect }) {
  const gatewayPort = await freePort();
  const dataDir = embedded ? mkdtempSync(join(os.tmpdir(), 'meridian-bench-pglite-')) : join(workDir, 'unused-data');
  const adminPassword = randomBytes(18).toString('base64url');
  const procs = {};
  const inspectPorts = {};
  for (const service of SERVICES) {
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(service === 'gateway' ? gatewayPort : await freePort()),
      HOST: '127.0.0.1',
      REDIS_URL,
      REDIS_NAMESPACE: NAMESPACE,
      DATABASE_SCHEMA: `bench_${service}`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOG_CONSOLE: 'false',
      ADMIN_EMAIL: 'bench-admin@meridian.local',
      ADMIN_PASSWORD: adminPassword,
      ACCESS_TOKEN_TTL_SEC: '3600',
      WEB_DIST: join(workDir, 'no-web-app'),
    };
    if (embedded) delete env.DATABASE_URL;
    else env.DATABASE_URL = DATABASE_URL;
    const args = [];
    // The inspector is only opened (SIGUSR1) after the measured runs, on a port chosen here.
    if (inspect?.includes(service)) {
      inspectPorts[service] = await freePort();
      args.push(`--inspect-port=127.0.0.1:${inspectPorts[service]}`);
    }
    args.push(join(OPTS.dist ? resolve(OPTS.dist) : join(root, 'dist'), 'apps', service, 'src/main.js'));
    procs[service] = startProcess(`${label}-${service}`, args, env);
  }
  const base = `http://127.0.0.1:${gatewayPort}`;
  const startupSec = await waitForHealth(base, Object.values(procs));
  return { base, procs, inspectPorts, adminPassword, dataDir, startupSec, embedded };
}

async function stopPlatform(p) {
  await Promise.all(Object.values(p.procs).map((c) => stopProcess(c)));
  if (p.embedded) rmSync(p.dataDir, { recursive: true, force: true });
}

function idleRss(p) {
  return Object.fromEntries(Object.entries(p.procs).map(([s, c]) => [s, { pid: c.pid, ...procStatus(c.pid) }]));
}

async function dropSchemas() {
  const client = new PgClient({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    for (const s of SERVICES) await client.query(`DROP SCHEMA IF EXISTS "bench_${s}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function clearRedisNamespace() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${NAMESPACE}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

function redisAnswers(port) {
  return new Promise((done) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const end = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(500, () => end(false));
    socket.on('error', () => end(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => end(d.toString().startsWith('+PONG')));
  });
}

async function redisInfo() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const info = await redis.info('server');
    const get = (k) => new RegExp(`^${k}:(.*)$`, 'm').exec(info)?.[1]?.trim();
    return { version: get('redis_version'), pid: Number(get('process_id')) };
  } finally {
    redis.disconnect();
  }
}

async function postgresVersion() {
  const client = new PgClient({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- CPU profile through the inspector
async function inspectorSession(pid, port) {
  process.kill(pid, 'SIGUSR1');
  let list;
  for (let i = 0; i < 50 && !list; i++) {
    await sleep(100);
    try {
      list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
    } catch {
      // not open yet
    }
  }
  if (!list?.[0]?.webSocketDebuggerUrl) throw new Error(`inspector of pid ${pid} did not open on :${port}`);
  const ws = new WebSocket(list[0].webSocketDebuggerUrl);
  await new Promise((r, j) => {
    ws.once('open', r);
    ws.once('error', j);
  });
  let id = 0;
  const pending = new Map();
  ws.on('message', (m) => {
    const msg = JSON.parse(m.toString());
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    }
  });
  const send = (method, params = {}) =>
    new Promise((r, j) => {
      const mid = ++id;
      pending.set(mid, (msg) => (msg.error ? j(new Error(`${method}: ${msg.error.message}`)) : r(msg.result)));
      ws.send(JSON.stringify({ id: mid, method, params }));
    });
  return { send, close: () => ws.close() };
}

function categoryOf(frame) {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native/builtin)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const d = url.indexOf('/dist/');
  if (d >= 0) {
    const parts = url.slice(d + 6).split('/');
    return parts[0] === 'libs' ? `@meridian/${parts[1]}` : `apps/${parts[1]}`;
  }
  return url;
}

/** Self and inclusive time per function and per package from a V8 .cpuprofile. */
function analyseProfile(profile, top = 20) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (f) => `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^file:\/\//, '').replace(`${root}/`, '')}:${f.lineNumber + 1}` : ''}`.trim();
  const self = new Map();
  const incl = new Map();
  const catSelf = new Map();
  const catIncl = new Map();
  let total = 0;
  let idle = 0;
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000; // ms attributed to sample i
    const leaf = nodes.get(profile.samples[i]);
    total += dt;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += dt;
      continue;
    }
    const k = key(leaf.callFrame);
    self.set(k, (self.get(k) ?? 0) + dt);
    const c = categoryOf(leaf.callFrame);
    catSelf.set(c, (catSelf.get(c) ?? 0) + dt);
    const seenF = new Set();
    const seenC = new Set();
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const f = nodes.get(id).callFrame;
      if (f.functionName === '(root)') continue;
      seenF.add(key(f));
      seenC.add(categoryOf(f));
    }
    for (const f of seenF) incl.set(f, (incl.get(f) ?? 0) + dt);
    for (const cc of seenC) catIncl.set(cc, (catIncl.get(cc) ?? 0) + dt);
  }
  const busy = total - idle;
  const rows = (m, n) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: round(ms, 1), pctOfBusy: round((100 * ms) / busy, 1) }));
  return {
    wallMs: round(total, 0),
    busyMs: round(busy, 0),
    busyPct: round((100 * busy) / total, 1),
    topSelf: rows(self, top),
    topInclusive: rows(incl, top + 20).filter((r) => !/^\((program|garbage collector)\)/.test(r.name)),
    packagesSelf: rows(catSelf, 25),
    packagesInclusive: rows(catIncl, 25),
  };
}

async function profileUnderLoad(platform, token, services, pids) {
  const sessions = {};
  for (const s of services) sessions[s] = await inspectorSession(platform.procs[s].pid, platform.inspectPorts[s]);
  for (const s of services) {
    await sessions[s].send('Profiler.enable');
    await sessions[s].send('Profiler.setSamplingInterval', { interval: 1000 });
  }
  for (const s of services) await sessions[s].send('Profiler.start');
  const load = await cannon({
    label: `gateway, unthrottled, under the CPU profiler (${OPTS.profileSec} s)`,
    url: `${platform.base}/api/system/status/execution`,
    headers: { authorization: `Bearer ${token}` },
    duration: OPTS.profileSec,
    pids,
  });
  const out = { load, profiles: {} };
  for (const s of services) {
    const { profile } = await sessions[s].send('Profiler.stop');
    const file = join(resultsDir, `gateway-transport-${stamp}-${s}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    out.profiles[s] = { file: relative(root, file), ...analyseProfile(profile) };
    sessions[s].close();
  }
  return out;
}

// ---------------------------------------------------------------- the bare Nest app
function buildBareApp() {
  const src = join(root, 'tools/bench/bare-nest-app.ts');
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  const { code } = swc.transformFileSync(src, { ...swcrc, swcrc: false, filename: src, sourceMaps: false });
  const target = join(root, 'dist/bench/bare-nest-app.js'); // dist/ is build output (git-ignored)
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
  return target;
}

async function waitForUrl(url, child, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${child.benchName} exited:\n${tail(child.logFile)}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer`);
}

/** Warm-up, unthrottled, fixed rate (and paced) against one URL. */
async function loadSuite(name, url, headers, pids) {
  const runs = {};
  log(`${name}: warm-up ${OPTS.warmup} s`);
  runs.warmup = await cannon({ label: `${name} warm-up`, url, headers, duration: OPTS.warmup, pids });
  log(`${name}: unthrottled ${OPTS.duration} s`);
  runs.max = await cannon({ label: `${name} unthrottled`, url, headers, duration: OPTS.duration, pids });
  log(`${name}: ${runs.max.requestsPerSec} req/s, p95 ${runs.max.latencyMs.p95} ms; now ${OPTS.rate} req/s (autocannon overallRate) ${OPTS.duration} s`);
  runs.rate = await cannon({ label: `${name} at ${OPTS.rate} req/s (overallRate)`, url, headers, duration: OPTS.duration, overallRate: OPTS.rate, pids });
  log(`${name}: ${runs.rate.requestsPerSec} req/s, p95 ${runs.rate.latencyMs.p95} ms`);
  if (OPTS.paced && runs.max.requestsPerSec < OPTS.rate) {
    runs.paced = { skipped: `unthrottled capacity ${runs.max.requestsPerSec} req/s is below ${OPTS.rate} req/s: an open-loop run would only measure its own queue` };
    log(`${name}: paced run skipped (${runs.paced.skipped})`);
  } else if (OPTS.paced) {
    runs.paced = await paced({ label: `${name} at ${OPTS.rate} req/s (paced, open loop)`, url, headers, duration: OPTS.duration, rate: OPTS.rate, pids });
    log(`${name}: paced ${runs.paced.requestsPerSec} req/s, p95 ${runs.paced.latencyMs.p95} ms`);
  }
  return runs;
}

// ---------------------------------------------------------------- machine
function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model;
  const mhz = /^cpu MHz\s*:\s*(.*)$/m.exec(cpuinfo)?.[1];
  let git = null;
  try {
    git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    cpuModel: model,
    cpuMHz: mhz ? Number(mhz) : null,
    cores: os.cpus().length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    commit: git,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

// ---------------------------------------------------------------- main
async function main() {
  mkdirSync(resultsDir, { recursive: true });
  if (!OPTS.sharedRedis) {
    const port = await freePort();
    const redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redisServer.benchName = 'redis-server';
    redisServer.exited = new Promise((r) => redisServer.once('exit', (code, signal) => r({ code, signal })));
    redisServer.exited.then(() => children.delete(redisServer));
    children.add(redisServer);
    REDIS_URL = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 100 && !(await redisAnswers(port)); i++) await sleep(100);
  }
  const result = { benchmark: 'gateway-transport', startedAt: new Date().toISOString(), command: COMMAND, options: OPTS, targets: TARGETS, machine: machine() };
  const redis = await redisInfo();
  result.machine.redis = `${redis.version} (${OPTS.sharedRedis ? `shared, ${REDIS_URL}` : 'private redis-server started by the benchmark'})`;
  result.machine.postgres = await postgresVersion();
  log(`machine: ${result.machine.cpuModel}, ${result.machine.cores} cores, ${result.machine.memoryGb} GB, node ${result.machine.node}`);

  log('building the services (tools/build/build.mjs --server-only) and the bare Nest app');
  const build = !OPTS.build || OPTS.dist ? { status: 0 } : spawnSync(process.execPath, [join(root, 'tools/build/build.mjs'), '--server-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const bareJs = buildBareApp();

  await dropSchemas();
  await clearRedisNamespace();

  // 1. The bare Nest app, alone.
  const barePort = await freePort();
  const bare = startProcess('bare-nest', [bareJs], { ...process.env, NODE_ENV: 'production', PORT: String(barePort) });
  const bareUrl = `http://127.0.0.1:${barePort}/bare`;
  await waitForUrl(bareUrl, bare);
  result.bare = { url: '/bare (tools/bench/bare-nest-app.ts)', idle: procStatus(bare.pid), runs: await loadSuite('bare nest', bareUrl, {}, { 'bare nest': bare.pid }) };
  await stopProcess(bare);

  // 2. The platform on the external PostgreSQL.
  log('starting gateway, intelligence, execution, simulation (external PostgreSQL, schemas bench_*)');
  const ext = await startPlatform({ label: 'ext', embedded: false, inspect: OPTS.profile ? ['gateway', 'execution'] : [] });
  log(`all healthy after ${ext.startupSec} s; idling ${OPTS.idle} s`);
  await sleep(OPTS.idle * 1000);
  result.external = { startupSec: ext.startupSec, idleRss: idleRss(ext) };
  log(`idle RSS (external): ${Object.entries(result.external.idleRss).map(([s, r]) => `${s} ${r.rssMb} MB`).join(', ')}`);

  const { accessToken } = await api(ext.base, 'POST', '/api/auth/login', { body: { email: 'bench-admin@meridian.local', password: ext.adminPassword } });
  const before = await api(ext.base, 'GET', '/api/system/config', { token: accessToken });
  const raised = await api(ext.base, 'POST', '/api/system/config', {
    token: accessToken,
    body: { settings: { ...before.settings, rateLimit: { ...before.settings.rateLimit, perMinute: 1_000_000 } }, comment: 'benchmark' },
  });
  log(`rate limit raised for the benchmark (config version ${before.version} -> ${raised.version})`);
  const sample = await api(ext.base, 'GET', '/api/system/status/execution', { token: accessToken });
  result.gateway = { url: '/api/system/status/execution', sampleBodyBytes: JSON.stringify(sample).length };
  const pids = () => ({
    ...Object.fromEntries(SERVICES.map((s) => [s, ext.procs[s].pid])),
    'redis-server': redis.pid,
    'postgres (all processes)': postgresPids(),
  });
  try {
    result.gateway.runs = await loadSuite('gateway', `${ext.base}/api/system/status/execution`, { authorization: `Bearer ${accessToken}` }, pids);
    result.gateway.rssAfterLoad = idleRss(ext);
    if (OPTS.profile) {
      log(`CPU profile of gateway and execution under unthrottled load (${OPTS.profileSec} s)`);
      result.profile = await profileUnderLoad(ext, accessToken, ['gateway', 'execution'], pids);
    }
  } finally {
    await api(ext.base, 'POST', '/api/system/config/rollback', { token: accessToken, body: { version: before.version, comment: 'benchmark done' } }).catch((e) => log(`rollback failed: ${e.message}`));
    log(`settings rolled back to version ${before.version}`);
    await stopPlatform(ext);
  }

  // 3. The platform on embedded PGlite: idle RSS only.
  if (OPTS.embedded) {
    log('starting the four services again with embedded PGlite (temporary DATA_DIR)');
    const emb = await startPlatform({ label: 'emb', embedded: true });
    log(`all healthy after ${emb.startupSec} s; idling ${OPTS.idle} s`);
    await sleep(OPTS.idle * 1000);
    result.embedded = { startupSec: emb.startupSec, idleRss: idleRss(emb) };
    log(`idle RSS (embedded): ${Object.entries(result.embedded.idleRss).map(([s, r]) => `${s} ${r.rssMb} MB`).join(', ')}`);
    await stopPlatform(emb);
  }

  await dropSchemas();
  result.redisKeysDeleted = await clearRedisNamespace();
  result.verdict = verdict(result);
  result.finishedAt = new Date().toISOString();
  const file = join(resultsDir, `gateway-transport-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${summary(result)}\nResults: ${relative(root, file)}`);
}

function verdict(r) {
  const gw = r.gateway.runs.rate.latencyMs.p95;
  const bare = r.bare.runs.rate.latencyMs.p95;
  const ratio = round(gw / bare, 2);
  const rss = Object.entries(r.external.idleRss).map(([s, v]) => ({ service: s, rssMb: v.rssMb, met: v.rssMb < TARGETS.idleRssExternalMb }));
  const noErrors = ['max', 'rate'].every((k) => r.gateway.runs[k].errors === 0 && r.gateway.runs[k].non2xx === 0);
  return {
    gatewayP95AtRateMs: { value: gw, target: `< ${TARGETS.gatewayP95AtRateMs} ms`, met: gw < TARGETS.gatewayP95AtRateMs },
    p95RatioAtRate: { value: ratio, gateway: gw, bare, target: `< ${TARGETS.p95Ratio}x`, met: ratio < TARGETS.p95Ratio },
    idleRssExternal: { target: `< ${TARGETS.idleRssExternalMb} MB each`, met: rss.every((x) => x.met), services: rss },
    gatewayNoErrors: noErrors,
  };
}

function summary(r) {
  const row = (name, run) =>
    `| ${name} | ${run.requestsPerSec} | ${run.latencyMs.p50} | ${run.latencyMs.p95} | ${run.latencyMs.p99} | ${run.latencyMs.max} | ${run.errors}${run.timeouts ? ` (+${run.timeouts} timeouts)` : ''} | ${run.non2xx} | ${Object.entries(run.cpu.coresPct).map(([k, v]) => `${k} ${v}%`).join(', ')}; machine ${run.cpu.machineBusyPct}% | ${Object.entries(run.cpuMsPerRequest).filter(([, v]) => v >= 0.01).map(([k, v]) => `${k.replace(' (this script)', '')} ${v}`).join(', ')} |`;
  const lines = [
    `Machine: ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}; Redis ${r.machine.redis}, PostgreSQL ${r.machine.postgres}`,
    `Command: ${r.command}`,
    '',
    '| run | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx | CPU (% of one core) | CPU ms per request |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const [name, runs] of [['bare Nest', r.bare.runs], ['gateway', r.gateway.runs]]) {
    lines.push(row(`${name}, unthrottled`, runs.max));
    lines.push(row(`${name}, ${r.options.rate}/s autocannon`, runs.rate));
    if (runs.paced && !runs.paced.skipped) lines.push(row(`${name}, ${r.options.rate}/s paced`, runs.paced));
  }
  lines.push('', '| service | idle RSS, external PG (MB) | idle RSS, embedded PGlite (MB) | gateway after load (MB) |', '| --- | ---: | ---: | ---: |');
  for (const s of SERVICES) lines.push(`| ${s} | ${r.external.idleRss[s].rssMb} | ${r.embedded?.idleRss[s]?.rssMb ?? '-'} | ${r.gateway.rssAfterLoad?.[s]?.rssMb ?? '-'} |`);
  const v = r.verdict;
  lines.push(
    '',
    `gateway p95 at ${r.options.rate}/s: ${v.gatewayP95AtRateMs.value} ms (target ${v.gatewayP95AtRateMs.target}: ${v.gatewayP95AtRateMs.met ? 'met' : 'NOT met'})`,
    `gateway/bare p95 at ${r.options.rate}/s: ${v.p95RatioAtRate.value}x (${v.p95RatioAtRate.gateway} / ${v.p95RatioAtRate.bare} ms; target ${v.p95RatioAtRate.target}: ${v.p95RatioAtRate.met ? 'met' : 'NOT met'})`,
    `idle RSS with external PostgreSQL (target ${v.idleRssExternal.target}): ${v.idleRssExternal.met ? 'met' : 'NOT met'}`,
  );
  if (r.profile) {
    for (const [s, p] of Object.entries(r.profile.profiles)) {
      lines.push('', `CPU profile, ${s} (${p.busyPct}% busy over ${p.wallMs} ms; ${r.profile.load.requestsPerSec} req/s): top self time`);
      for (const t of p.topSelf.slice(0, 12)) lines.push(`  ${String(t.pctOfBusy).padStart(5)}%  ${t.name}`);
      lines.push('  by package (self):');
      for (const t of p.packagesSelf.slice(0, 12)) lines.push(`  ${String(t.pctOfBusy).padStart(5)}%  ${t.name}`);
    }
  }
  return lines.join('\n');
}

main()
  .catch(async (err) => {
    console.error(`benchmark failed: ${err.stack ?? err.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    cleaningUp = true;
    await stopAll();
    await dropSchemas().catch(() => undefined);
    if (process.exitCode) console.error(`process logs kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  });
