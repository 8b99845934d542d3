#!/usr/bin/env node
// Benchmark: the market stream fan-out (docs/BENCHMARKS.md, "Market stream fan-out (issue: markets)").
//
//   node tools/bench/market-fanout.mjs [--clients=500] [--duration=60] [--warmup=5] [--rate=100] [--batch=25]
//                                      [--slow-pause=45] [--no-slow] [--skip-build] [--shared-redis] [--client-threads=2]
//
// In one run it:
//   1. builds the services (tools/build/build.mjs --server-only),
//   2. starts its own redis-server (unless --shared-redis), then execution and gateway only (schemas
//      benchfan_<service> on the external PostgreSQL, REDIS_NAMESPACE=benchfan). Execution runs the
//      simulated venue with VENUE_SPEED chosen so that the 10 measured symbols tick --rate times a second
//      in total (R_* every 2 s, 1HZ*V every 1 s at speed 1: 7.5 ticks/s, so speed = rate / 7.5; the
//      11th instrument, stpRNG, also ticks but nobody subscribes to it). Waits for the gateway's
//      /api/health/ready, execution's own /health/ready and GET /api/system/status/execution,
//   3. logs in once (the admin) and, in --client-threads worker threads (each a contiguous share of the
//      clients, so one thread reading 500 sockets in turn does not add its own spread), opens --clients WebSockets to
//      /api/markets/stream?access_token=<JWT> in batches of --batch (each waits for "welcome", sends one
//      subscribe to ticks of the 10 symbols, waits for "subscribed"),
//   4. warm-up, then a --duration window: every tick frame's latency = receive wall time − publishedAt
//      (execution's Date.now() when it published; same machine, same clock). The main thread meanwhile
//      subscribes to the Redis tick channel itself (the reference count of published ticks, and the
//      execution → Redis → subscriber share of the latency) and samples /proc for CPU and RSS each second,
//   5. the slow-client variant (unless --no-slow): one more client subscribes, pauses its socket
//      (ws._socket.pause(): nothing is read, the kernel buffers fill, then the gateway's) for --slow-pause
//      seconds while the others keep being measured, then resumes and reads what it gets,
//   6. stops everything it started, drops the benchfan_* schemas and the benchfan:* Redis keys, writes
//      tools/bench/results/market-fanout-<time>.json and prints a summary.
//
// Environment: BENCH_DATABASE_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test),
// REDIS_URL (with --shared-redis; else a private redis-server on a free port).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { histogramQuantile, round as roundTo } from './lib/bench-kit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const WebSocket = require('ws');

const SYMBOLS = ['R_10', 'R_25', 'R_50', 'R_75', 'R_100', '1HZ10V', '1HZ25V', '1HZ50V', '1HZ75V', '1HZ100V'];
/** Tick interval of each measured symbol at VENUE_SPEED=1 (libs/market-data/src/instruments.ts). */
const TICK_INTERVAL_MS = { R_10: 2000, R_25: 2000, R_50: 2000, R_75: 2000, R_100: 2000, '1HZ10V': 1000, '1HZ25V': 1000, '1HZ50V': 1000, '1HZ75V': 1000, '1HZ100V': 1000 };
const SYM_INDEX = Object.fromEntries(SYMBOLS.map((s, i) => [s, i]));

/** Wall-clock ms with sub-ms resolution: performance.now() plus an offset calibrated on a Date.now() edge. */
function wallClock() {
  let a = Date.now();
  let b;
  while ((b = Date.now()) === a);
  const offset = b - performance.now();
  return () => offset + performance.now();
}

// =====================================================================================================
// Worker thread: the WebSocket clients. Bookkeeping per frame is a few typed-array writes.
// =====================================================================================================
if (!isMainThread) {
  const { urls, clients: nClients, batch, from, to } = workerData;
  const TICKS_FRAME = { type: 'subscribe', channel: 'ticks', symbols: SYMBOLS };
  const now = wallClock();
  const sockets = [];
  let recording = false;
  // Growable columns: publishedAt (ms), latency (ms), client index, symbol index.
  let cap = 1 << 20;
  let n = 0;
  let pub = new Float64Array(cap);
  let lat = new Float32Array(cap);
  let cli = new Uint16Array(cap);
  let sym = new Uint8Array(cap);
  const grow = () => {
    cap *= 2;
    const p = new Float64Array(cap); p.set(pub); pub = p;
    const l = new Float32Array(cap); l.set(lat); lat = l;
    const c = new Uint16Array(cap); c.set(cli); cli = c;
    const s = new Uint8Array(cap); s.set(sym); sym = s;
  };
  const stats = { outOfOrder: 0, nonTick: {}, errors: 0, closes: 0, unexpectedFrames: 0 };
  // Per client and symbol the last epochMs seen: a frame older than the previous one is out of order.
  const lastEpoch = new Float64Array((nClients + 2) * SYMBOLS.length);
  // The slow client (index nClients) keeps its own full log.
  const slowLog = [];
  const slowCandles = [];

  // Client i talks to gateway replica i mod N, as a load balancer spreading connections would.
  const targets = urls.map((u) => new URL(u));
  const closeLog = []; // [wall ms, client, code or -1 for a TCP close without a close frame]

  /** A client frame (masked, as RFC 6455 requires of clients). */
  function clientFrame(opcode, payload) {
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len]) : Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 0xff]);
    const mask = randomBytes(4);
    const body = Buffer.allocUnsafe(len);
    for (let i = 0; i < len; i++) body[i] = payload[i] ^ mask[i & 3];
    return Buffer.concat([head, mask, body]);
  }

  /**
   * A minimal WebSocket client on a raw TCP socket: the ws library's per-frame cost (events, buffer
   * copies, UTF-8 validation) made the load generator the bottleneck on 2 cores. Server frames are
   * unmasked and unfragmented here; pings are answered with pongs (the gateway's heartbeat needs them).
   */
  const open = (index, subscribeFrames) =>
    new Promise((resolveOpen, rejectOpen) => {
      const target = targets[index % targets.length];
      const socket = net.connect({ host: target.hostname, port: Number(target.port) });
      socket.setNoDelay(true);
      let handshaken = false;
      let pendingSubscribed = subscribeFrames.length;
      let rest = null;
      let closed = false;
      const timer = setTimeout(() => rejectOpen(new Error(`client ${index}: not subscribed after 30 s`)), 30_000);
      const markClosed = (code) => {
        if (closed) return;
        closed = true;
        stats.closes++;
        closeLog.push([now(), index, code]);
      };
      socket.on('error', (err) => {
        stats.errors++;
        if (pendingSubscribed > 0) rejectOpen(err);
      });
      socket.on('close', () => markClosed(-1));
      socket.on('connect', () => {
        socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      });
      const onText = (text, t) => {
        if (text.startsWith('{"type":"tick"')) {
          const f = JSON.parse(text);
          const si = SYM_INDEX[f.symbol];
          if (si === undefined) return void stats.unexpectedFrames++;
          const k = index * SYMBOLS.length + si;
          if (f.epochMs < lastEpoch[k]) stats.outOfOrder++;
          lastEpoch[k] = f.epochMs;
          if (index === nClients) slowLog.push([t, f.publishedAt, si, f.epochMs]);
          else if (recording) {
            if (n === cap) grow();
            pub[n] = f.publishedAt;
            lat[n] = t - f.publishedAt;
            cli[n] = index;
            sym[n] = si;
            n++;
          }
          return;
        }
        let f;
        try {
          f = JSON.parse(text);
        } catch {
          return void stats.unexpectedFrames++;
        }
        if (index === nClients && f.type === 'candle') return void slowCandles.push([t, f.symbol, f.timeframe, f.candle?.tickCount]);
        stats.nonTick[f.type] = (stats.nonTick[f.type] ?? 0) + 1;
        if (f.type === 'welcome') for (const sf of subscribeFrames) socket.write(clientFrame(1, Buffer.from(JSON.stringify(sf))));
        else if (f.type === 'subscribed' && --pendingSubscribed === 0) {
          clearTimeout(timer);
          resolveOpen(socket);
        } else if (f.type === 'error') rejectOpen(new Error(`client ${index}: ${text}`));
      };
      socket.on('data', (chunk) => {
        const t = now();
        let buf = rest ? Buffer.concat([rest, chunk]) : chunk;
        rest = null;
        let off = 0;
        if (!handshaken) {
          const endOfHead = buf.indexOf('\r\n\r\n');
          if (endOfHead < 0) return void (rest = buf);
          const head = buf.toString('latin1', 0, endOfHead);
          if (!head.startsWith('HTTP/1.1 101')) return rejectOpen(new Error(`client ${index}: upgrade refused: ${head.split('\r\n')[0]}`));
          handshaken = true;
          off = endOfHead + 4;
        }
        while (buf.length - off >= 2) {
          const opcode = buf[off] & 0x0f;
          let len = buf[off + 1] & 0x7f;
          let hdr = 2;
          if (len === 126) {
            if (buf.length - off < 4) break;
            len = buf.readUInt16BE(off + 2);
            hdr = 4;
          } else if (len === 127) {
            if (buf.length - off < 10) break;
            len = Number(buf.readBigUInt64BE(off + 2));
            hdr = 10;
          }
          if (buf.length - off < hdr + len) break;
          const from = off + hdr;
          off = from + len;
          if (opcode === 1) onText(buf.toString('utf8', from, off), t);
          else if (opcode === 9) socket.write(clientFrame(10, buf.subarray(from, off)));
          else if (opcode === 8) {
            markClosed(len >= 2 ? buf.readUInt16BE(from) : 1005);
            socket.end();
          }
        }
        if (off < buf.length) rest = buf.subarray(off);
      });
    });

  parentPort.on('message', async (msg) => {
    try {
      if (msg.cmd === 'connect') {
        const started = performance.now();
        for (let i = from; i < to; i += batch) {
          const batchSockets = await Promise.all(Array.from({ length: Math.min(batch, to - i) }, (_, j) => open(i + j, [TICKS_FRAME])));
          sockets.push(...batchSockets);
        }
        parentPort.postMessage({ ev: 'connected', count: sockets.length, sec: (performance.now() - started) / 1000 });
      } else if (msg.cmd === 'record') {
        recording = true;
        n = 0;
        performance.eventLoopUtilization(); // baseline below
        parentPort.postMessage({ ev: 'recording', elu0: performance.eventLoopUtilization() });
      } else if (msg.cmd === 'collect') {
        recording = false;
        const out = { ev: 'collected', closeLog: [...closeLog], n, pub: pub.slice(0, n), lat: lat.slice(0, n), cli: cli.slice(0, n), sym: sym.slice(0, n), stats: structuredClone(stats), elu: performance.eventLoopUtilization(msg.elu0) };
        parentPort.postMessage(out, [out.pub.buffer, out.lat.buffer, out.cli.buffer, out.sym.buffer]);
      } else if (msg.cmd === 'slow-open') {
        // Ticks and candles of every timeframe: about ten times the bytes of ticks alone, so the
        // kernel's socket buffers fill within seconds and the gateway's conflation is reached before
        // its heartbeat (ping every 15 s, terminate without pong) drops the paused client.
        const ws = await open(nClients, msg.candles ? [TICKS_FRAME, ...['1m', '5m', '15m', '1h', '1d'].map((timeframe) => ({ type: 'subscribe', channel: 'candles', symbols: SYMBOLS, timeframe }))] : [TICKS_FRAME]);
        ws.pause();
        sockets.push(ws);
        parentPort.postMessage({ ev: 'slow-paused', at: now(), framesBeforePause: slowLog.length });
      } else if (msg.cmd === 'slow-resume') {
        const ws = sockets[sockets.length - 1];
        const before = slowLog.length;
        const at = now();
        ws.resume();
        parentPort.postMessage({ ev: 'slow-resumed', at, framesBeforeResume: before });
      } else if (msg.cmd === 'slow-log') {
        parentPort.postMessage({ ev: 'slow-log', log: slowLog, candles: slowCandles, closeLog, stats: structuredClone(stats) });
      } else if (msg.cmd === 'close') {
        for (const ws of sockets) ws.destroy();
        parentPort.postMessage({ ev: 'closed' });
      }
    } catch (err) {
      parentPort.postMessage({ ev: 'error', message: err.stack ?? String(err) });
    }
  });
  parentPort.postMessage({ ev: 'ready' });
} else {
  await mainThread();
}

// =====================================================================================================
// Main thread: processes, reference subscriber, /proc sampling, analysis.
// =====================================================================================================
async function mainThread() {
  const { Client: PgClient } = require('pg');
  const { Redis } = require('ioredis');

  const argv = process.argv.slice(2);
  const flag = (name) => argv.includes(`--${name}`);
  const opt = (name, dflt) => {
    const hit = argv.find((a) => a.startsWith(`--${name}=`));
    return hit ? Number(hit.split('=')[1]) : dflt;
  };
  const OPTS = {
    clients: opt('clients', 500),
    duration: opt('duration', 60),
    warmup: opt('warmup', 5),
    rate: opt('rate', 100),
    batch: opt('batch', 25),
    slowPause: opt('slow-pause', 12),
    slowCandles: !flag('slow-ticks-only'),
    slow: !flag('no-slow'),
    build: !flag('skip-build'),
    sharedRedis: flag('shared-redis'),
    clientThreads: opt('client-threads', 2),
    gateways: opt('gateways', 1),
  };
  const SPEED_1_RATE = SYMBOLS.reduce((s, sym) => s + 1000 / TICK_INTERVAL_MS[sym], 0); // 7.5 ticks/s
  const VENUE_SPEED = Math.round((OPTS.rate / SPEED_1_RATE) * 1000) / 1000;
  const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  let REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const NAMESPACE = 'benchfan';
  const SERVICES = ['execution', 'gateway'];
  // Not bench_<service>: tools/bench/gateway-transport.mjs drops those, and the two may run at the same time.
  const schemaOf = (service) => `benchfan_${service}`;
  const TARGETS = { p99Ms: 20, lagGrowthMs: 5 };
  const COMMAND = ['node', relative(root, fileURLToPath(import.meta.url)), ...argv].join(' ');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const resultsDir = join(root, 'tools/bench/results');
  const workDir = mkdtempSync(join(os.tmpdir(), 'meridian-benchfan-'));
  const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;
  const now = wallClock();

  const log = (...a) => console.log(`[fanout ${new Date().toISOString().slice(11, 19)}]`, ...a);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const round = (x, d = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

  // ------------------------------------------------------------- processes we start
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

  function startProcess(name, args, env, command = process.execPath) {
    const logFile = join(workDir, `${name}.log`);
    const out = createWriteStream(logFile);
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

  const tail = (file, lines = 30) => {
    try {
      return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  let workers = [];
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      cleaningUp = true;
      log(`${sig}: stopping what this benchmark started`);
      await Promise.all(workers.map((w) => w.terminate()));
      await Promise.all([...children].map((c) => stopProcess(c)));
      process.exit(130);
    });
  }

  // ------------------------------------------------------------- /proc
  function procCpuSec(pid) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) / CLK_TCK;
    } catch {
      return NaN;
    }
  }
  function procRssMb(pid) {
    try {
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
    } catch {
      return NaN;
    }
  }
  function machineCpu() {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
    return { idle: line[3] + line[4], total: line.slice(0, 8).reduce((a, b) => a + b, 0) };
  }

  /** Samples CPU (% of one core) and RSS of the given pids each second until stopped. */
  function procSampler(pids) {
    const samples = [];
    const start = { at: performance.now(), cpu: Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, procCpuSec(p)])), self: process.cpuUsage(), machine: machineCpu() };
    let prev = { at: start.at, cpu: { ...start.cpu } };
    const timer = setInterval(() => {
      const at = performance.now();
      const row = { tSec: round((at - start.at) / 1000, 1) };
      for (const [k, p] of Object.entries(pids)) {
        const c = procCpuSec(p);
        row[k] = { cpuPct: round((100 * (c - prev.cpu[k])) / ((at - prev.at) / 1000), 1), rssMb: round(procRssMb(p), 1) };
        prev.cpu[k] = c;
      }
      prev.at = at;
      samples.push(row);
    }, 1000);
    return () => {
      clearInterval(timer);
      const wall = (performance.now() - start.at) / 1000;
      const m = machineCpu();
      const out = { wallSec: round(wall, 1), machineBusyPct: round(100 * (1 - (m.idle - start.machine.idle) / (m.total - start.machine.total)), 1), processes: {} };
      for (const [k, p] of Object.entries(pids)) {
        const rss = samples.map((s) => s[k].rssMb).filter(Number.isFinite);
        out.processes[k] = {
          pid: p,
          cpuPctOfOneCore: round((100 * (procCpuSec(p) - start.cpu[k])) / wall, 1),
          cpuPctMaxOneSecond: round(Math.max(...samples.map((s) => s[k].cpuPct).filter(Number.isFinite)), 1),
          rssMbStart: rss[0] ?? null,
          rssMbEnd: rss.at(-1) ?? null,
          rssMbMax: rss.length ? round(Math.max(...rss), 1) : null,
        };
      }
      const self = process.cpuUsage(start.self);
      out.processes['this script (clients + bookkeeping)'] = { pid: process.pid, cpuPctOfOneCore: round((100 * (self.user + self.system)) / 1e6 / wall, 1), rssMbEnd: round(procRssMb(process.pid), 1) };
      const accounted = Object.values(out.processes).reduce((s, p) => s + (p.cpuPctOfOneCore ?? 0), 0);
      out.everythingElsePctOfOneCore = round(out.machineBusyPct * os.cpus().length - accounted, 1);
      out.perSecond = samples;
      return out;
    };
  }

  // ------------------------------------------------------------- statistics
  function percentiles(values) {
    const a = Float64Array.from(values).sort();
    const n = a.length;
    if (!n) return { count: 0 };
    const at = (q) => a[Math.min(n - 1, Math.max(0, Math.ceil((q / 100) * n) - 1))];
    let sum = 0;
    for (const v of a) sum += v;
    return { count: n, mean: round(sum / n, 3), p50: round(at(50), 3), p90: round(at(90), 3), p99: round(at(99), 3), p99_9: round(at(99.9), 3), max: round(a[n - 1], 3), min: round(a[0], 3) };
  }
  const median = (arr) => {
    if (!arr.length) return NaN;
    const a = Float64Array.from(arr).sort();
    return a[(a.length - 1) >> 1];
  };

  // ------------------------------------------------------------- HTTP / DB / Redis helpers
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

  async function waitForOk(url, procs, timeoutMs = 180_000) {
    const started = Date.now();
    let last = '';
    while (Date.now() - started < timeoutMs) {
      for (const p of procs) if (p.exitCode !== null || p.signalCode !== null) throw new Error(`${p.benchName} exited during start-up:\n${tail(p.logFile)}`);
      try {
        const res = await fetch(url);
        if (res.ok) return (Date.now() - started) / 1000;
        last = `HTTP ${res.status} ${(await res.text()).slice(0, 200)}`;
      } catch (err) {
        last = err.message;
      }
      await sleep(500);
    }
    throw new Error(`${url} not ready after ${timeoutMs / 1000} s: ${last}`);
  }

  async function dropSchemas() {
    const client = new PgClient({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      for (const s of SERVICES) await client.query(`DROP SCHEMA IF EXISTS "${schemaOf(s)}" CASCADE`);
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

  function machine() {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    let git = null;
    try {
      git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    } catch {
      // not a git checkout
    }
    return {
      cpuModel: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model,
      cores: os.cpus().length,
      memoryGb: round(os.totalmem() / 1024 ** 3, 1),
      node: process.version,
      ws: require('ws/package.json').version,
      kernel: `${os.type()} ${os.release()}`,
      tcpRmem: readFileSync('/proc/sys/net/ipv4/tcp_rmem', 'utf8').trim(),
      tcpWmem: readFileSync('/proc/sys/net/ipv4/tcp_wmem', 'utf8').trim(),
      commit: git,
      loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
    };
  }

  // ------------------------------------------------------------- worker plumbing
  // The clients are spread over --client-threads worker threads (contiguous ranges of client
  // indices), so that reading 500 sockets is not one thread's sequential work; the slow client
  // (index = --clients) lives in the first.
  function startWorkers(data, threads) {
    workers = Array.from({ length: threads }, (_, k) => {
      const from = Math.floor((k * data.clients) / threads);
      const to = Math.floor(((k + 1) * data.clients) / threads);
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { ...data, from, to } });
      worker.waiters = [];
      worker.on('message', (m) => {
        if (m.ev === 'error') log(`client worker ${k}: ${m.message}`);
        const i = worker.waiters.findIndex((w) => w.ev === m.ev || m.ev === 'error');
        if (i >= 0) {
          const [w] = worker.waiters.splice(i, 1);
          if (m.ev === 'error') w.reject(new Error(m.message));
          else w.resolve(m);
        }
      });
      worker.on('error', (err) => log(`client worker ${k} crashed: ${err.stack}`));
      return worker;
    });
  }
  const askOne = (worker, cmd, ev, extra = {}) =>
    new Promise((resolveAsk, reject) => {
      worker.waiters.push({ ev, resolve: resolveAsk, reject });
      if (cmd) worker.postMessage({ cmd, ...extra });
    });
  /** Asks every worker; extra(k) gives each its own arguments. */
  const askAll = (cmd, ev, extra = () => ({})) => Promise.all(workers.map((w, k) => askOne(w, cmd, ev, extra(k))));
  const ask = (cmd, ev, extra) => askOne(workers[0], cmd, ev, extra);
  /** One "collected" answer out of every worker's: columns concatenated, counters added. */
  function mergeCollected(parts) {
    const cat = (key, Type) => {
      const out = new Type(parts.reduce((s, p) => s + p[key].length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p[key], at);
        at += p[key].length;
      }
      return out;
    };
    const stats = { outOfOrder: 0, nonTick: {}, errors: 0, closes: 0, unexpectedFrames: 0 };
    for (const p of parts) {
      for (const k of ['outOfOrder', 'errors', 'closes', 'unexpectedFrames']) stats[k] += p.stats[k];
      for (const [t, c] of Object.entries(p.stats.nonTick)) stats.nonTick[t] = (stats.nonTick[t] ?? 0) + c;
    }
    const elu = parts.map((p) => round(p.elu.utilization, 3));
    return { n: parts.reduce((s, p) => s + p.n, 0), pub: cat('pub', Float64Array), lat: cat('lat', Float32Array), cli: cat('cli', Uint16Array), sym: cat('sym', Uint8Array), closeLog: parts.flatMap((p) => p.closeLog), stats, elu };
  }

  // ------------------------------------------------------------- reference subscriber (Redis)
  /** Every tick execution publishes, seen by a plain Redis subscriber in this (main) thread. */
  async function referenceSubscriber() {
    const sub = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const ticks = []; // [publishedAt, symbolIndex or -1, latency ms, epochMs]
    sub.on('message', (_ch, message) => {
      const t = now();
      const f = JSON.parse(message);
      if (f.type !== 'tick') return;
      ticks.push([f.publishedAt, SYM_INDEX[f.symbol] ?? -1, t - f.publishedAt, f.epochMs]);
    });
    await sub.subscribe(`${NAMESPACE}:markets:ticks`);
    return { ticks, close: () => sub.disconnect() };
  }

  /** Sends subscribe right on "open" (not waiting for "welcome"), as a browser client naturally would. */
  async function earlySubscribeProbe(url, count = 20) {
    const results = await Promise.all(
      Array.from({ length: count }, () =>
        new Promise((done) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          const seen = [];
          ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', channel: 'ticks', symbols: ['1HZ100V'] })));
          ws.on('message', (d) => seen.push(JSON.parse(d.toString()).type));
          ws.on('error', () => undefined);
          setTimeout(() => {
            ws.terminate();
            done(seen);
          }, 3000);
        }),
      ),
    );
    const got = (t) => results.filter((s) => s.includes(t)).length;
    return { clients: count, gotWelcome: got('welcome'), gotSubscribed: got('subscribed'), gotTicks: got('tick'), note: 'each sent its subscribe frame in the open handler, before the welcome frame' };
  }

  // ------------------------------------------------------------- analysis
  function analyseWindow(data, ref, fromMs, toMs, nClients) {
    const published = ref.ticks.filter(([p, si]) => si >= 0 && p >= fromMs && p < toMs);
    const publishedAll = ref.ticks.filter(([p]) => p >= fromMs && p < toMs);
    const lats = [];
    const perClientCount = new Uint32Array(nClients);
    const first = Array.from({ length: nClients }, () => []);
    const last = Array.from({ length: nClients }, () => []);
    const byTen = new Map();
    const durSec = (toMs - fromMs) / 1000;
    for (let i = 0; i < data.n; i++) {
      const p = data.pub[i];
      if (p < fromMs || p >= toMs) continue;
      const l = data.lat[i];
      const c = data.cli[i];
      lats.push(l);
      perClientCount[c]++;
      if (p < fromMs + 10_000) first[c].push(l);
      if (p >= toMs - 10_000) last[c].push(l);
      const sec = Math.floor((p - fromMs) / 10_000);
      if (!byTen.has(sec)) byTen.set(sec, []);
      byTen.get(sec).push(l);
    }
    const expected = published.length * nClients;
    const growth = [];
    for (let c = 0; c < nClients; c++) growth.push({ client: c, first10sMedian: median(first[c]), last10sMedian: median(last[c]) });
    const deltas = growth.map((g) => g.last10sMedian - g.first10sMedian);
    const grew = growth.filter((g, i) => !(deltas[i] <= TARGETS.lagGrowthMs)); // NaN (no frames) counts as grown
    // Median latency by position in the gateway's client map (connection order), in tenths.
    const byDecile = [];
    const decile = Math.ceil(nClients / 10);
    for (let d = 0; d < 10; d++) {
      const vals = [];
      for (let i = 0; i < data.n; i++) {
        const p = data.pub[i];
        if (p >= fromMs && p < toMs && Math.floor(data.cli[i] / decile) === d) vals.push(data.lat[i]);
      }
      byDecile.push(round(median(vals), 2));
    }
    const counts = [...perClientCount];
    return {
      windowSec: durSec,
      ticksPublished10Symbols: published.length,
      ticksPublishedAllSymbols: publishedAll.length,
      publishRatePerSec10Symbols: round(published.length / durSec, 2),
      perSymbol: Object.fromEntries(SYMBOLS.map((s, i) => [s, published.filter((t) => t[1] === i).length])),
      framesExpected: expected,
      framesReceived: lats.length,
      framesMissing: expected - lats.length,
      framesPerSecDelivered: round(lats.length / durSec, 0),
      latencyMs: percentiles(lats),
      per10sWindow: [...byTen.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => ({ fromSec: k * 10, ...(({ p50, p99, max }) => ({ p50, p99, max }))(percentiles(v)) })),
      perClientFrames: { min: Math.min(...counts), max: Math.max(...counts), expectedEach: published.length },
      lag: {
        criterion: `a client's lag grew if its median latency over the last 10 s exceeds its median over the first 10 s by more than ${TARGETS.lagGrowthMs} ms`,
        clientsGrown: grew.length,
        deltaMs: (({ p50, p99, max, min }) => ({ min, p50, p99, max }))(percentiles(deltas.filter(Number.isFinite))),
        first10sMedianOfClientMedians: round(median(growth.map((g) => g.first10sMedian)), 2),
        last10sMedianOfClientMedians: round(median(growth.map((g) => g.last10sMedian)), 2),
        worst: growth.map((g, i) => ({ ...g, deltaMs: round(deltas[i], 2) })).sort((a, b) => (b.deltaMs ?? 1e9) - (a.deltaMs ?? 1e9)).slice(0, 5),
      },
      medianLatencyByConnectionOrderDecileMs: byDecile,
      redisLegMs: percentiles(published.map((t) => t[2])),
    };
  }

  function analyseSlow(slowLog, ref, pausedAt, resumedAt, endAt) {
    const during = ref.ticks.filter(([p, si]) => si >= 0 && p >= pausedAt && p < resumedAt);
    const got = slowLog.filter(([, p]) => p >= pausedAt && p < resumedAt);
    const afterResume = slowLog.filter(([t]) => t >= resumedAt);
    // How much of each second of the pause the slow client eventually received.
    const coverage = [];
    for (let s = 0; s < Math.ceil((resumedAt - pausedAt) / 1000); s++) {
      const a = pausedAt + s * 1000;
      const pubN = during.filter(([p]) => p >= a && p < a + 1000).length;
      const gotN = got.filter(([, p]) => p >= a && p < a + 1000).length;
      coverage.push(pubN ? round(gotN / pubN, 2) : null);
    }
    const fullUntil = coverage.findIndex((c) => c !== null && c < 0.98);
    // The frames read after resume, in order: age (receive − publishedAt) of the first ones and of the last ten.
    const ages = afterResume.map(([t, p]) => t - p);
    const readTimeMs = afterResume.length ? afterResume.at(-1)[0] - resumedAt : 0;
    // Frames of the pause not received while paused nor after: conflated away (or still queued).
    const livePublishedAfterResume = ref.ticks.filter(([p, si]) => si >= 0 && p >= resumedAt && p < endAt).length;
    const liveGotAfterResume = slowLog.filter(([, p]) => p >= resumedAt && p < endAt).length;
    return {
      pauseSec: round((resumedAt - pausedAt) / 1000, 1),
      ticksPublishedDuringPause: during.length,
      framesOfPauseReceived: got.length,
      framesOfPauseDropped: during.length - got.length,
      coverageBySecondOfPause: coverage,
      fullDeliveryForFirstSec: fullUntil < 0 ? coverage.length : fullUntil,
      framesReadAfterResume: afterResume.length,
      msToReadThemAll: round(readTimeMs, 1),
      ageOfFramesReadAfterResumeMs: { first: round(ages[0], 0), p50: round(median(ages), 0), max: round(Math.max(...ages), 0), lastTen: ages.slice(-10).map((a) => round(a, 0)) },
      staleBacklogFrames: ages.filter((a) => a > 1000).length,
      afterResumeLive: { published: livePublishedAfterResume, received: liveGotAfterResume },
    };
  }

  // ------------------------------------------------------------- main
  mkdirSync(resultsDir, { recursive: true });
  const result = { benchmark: 'market-fanout', startedAt: new Date().toISOString(), command: COMMAND, options: OPTS, targets: TARGETS, machine: machine(), venueSpeed: VENUE_SPEED, symbols: SYMBOLS };
  log(`machine: ${result.machine.cpuModel}, ${result.machine.cores} cores, ${result.machine.memoryGb} GB, node ${result.machine.node}`);
  let redisPid = null;
  let ref = null;
  let platform = null;
  try {
    if (!OPTS.sharedRedis) {
      const port = await freePort();
      const rs = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], process.env, 'redis-server');
      REDIS_URL = `redis://127.0.0.1:${port}`;
      for (let i = 0; i < 100 && !(await redisAnswers(port)); i++) await sleep(100);
      redisPid = rs.pid;
    }
    const info = await (async () => {
      const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await r.connect();
      try {
        return await r.info('server');
      } finally {
        r.disconnect();
      }
    })();
    redisPid ??= Number(/^process_id:(\d+)/m.exec(info)?.[1]);
    result.machine.redis = `${/^redis_version:(.*)$/m.exec(info)?.[1]?.trim()} (${OPTS.sharedRedis ? `shared, ${REDIS_URL}` : 'private redis-server started by the benchmark'})`;

    if (OPTS.build) {
      log('building the services (tools/build/build.mjs --server-only)');
      const build = spawnSync(process.execPath, [join(root, 'tools/build/build.mjs'), '--server-only'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('build failed');
    }
    await dropSchemas();
    await clearRedisNamespace();

    // ---- the platform: execution and gateway only
    const adminPassword = randomBytes(18).toString('base64url');
    const ports = { gateway: await freePort(), execution: await freePort() };
    // --gateways=N: N gateway replicas on their own ports sharing the database and Redis, as the
    // Kubernetes prod overlay runs them (clients are spread over them like a load balancer would).
    const gatewayNames = Array.from({ length: OPTS.gateways }, (_, k) => (k === 0 ? 'gateway' : `gateway-${k + 1}`));
    for (const name of gatewayNames.slice(1)) ports[name] = await freePort();
    const procs = {};
    for (const name of [...SERVICES, ...gatewayNames.slice(1)]) {
      const service = name.startsWith('gateway') ? 'gateway' : name;
      const env = {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(ports[name]),
        HOST: '127.0.0.1',
        REDIS_URL,
        REDIS_NAMESPACE: NAMESPACE,
        DATABASE_URL,
        DATABASE_SCHEMA: schemaOf(service),
        DATA_DIR: join(workDir, 'unused-data'),
        LOG_LEVEL: 'info',
        LOG_CONSOLE: 'false',
        ADMIN_EMAIL: 'bench-admin@meridian.local',
        ADMIN_PASSWORD: adminPassword,
        ACCESS_TOKEN_TTL_SEC: '3600',
        WEB_DIST: join(workDir, 'no-web-app'),
        ...(service === 'execution' ? { VENUE_SPEED: String(VENUE_SPEED), VENUE_SEED: '42' } : {}),
      };
      delete env.DERIV_APP_ID; // the simulated venue
      procs[name] = startProcess(name, [join(root, 'dist/apps', service, 'src/main.js')], env);
    }
    platform = procs;
    const base = `http://127.0.0.1:${ports.gateway}`;
    log(`started execution (pid ${procs.execution.pid}, VENUE_SPEED=${VENUE_SPEED}) and ${gatewayNames.length} gateway process(es) (pid ${gatewayNames.map((n) => procs[n].pid).join(", ")}); waiting for readiness`);
    const startupSec = await Promise.all([
      waitForOk(`${base}/api/health/ready`, Object.values(procs)),
      waitForOk(`http://127.0.0.1:${ports.execution}/health/ready`, Object.values(procs)),
      ...gatewayNames.slice(1).map((name) => waitForOk(`http://127.0.0.1:${ports[name]}/api/health/ready`, Object.values(procs))),
    ]);
    const { accessToken } = await api(base, 'POST', '/api/auth/login', { body: { email: 'bench-admin@meridian.local', password: adminPassword } });
    let execStatus = null;
    for (let i = 0; i < 60 && !execStatus; i++) {
      execStatus = await api(base, 'GET', '/api/system/status/execution', { token: accessToken }).catch(() => null);
      if (!execStatus) await sleep(500);
    }
    if (!execStatus) throw new Error('GET /api/system/status/execution never answered');
    result.startup = { gatewayReadySec: startupSec[0], executionReadySec: startupSec[1], executionStatus: JSON.stringify(execStatus).slice(0, 400) };
    log(`ready (gateway ${startupSec[0]} s, execution ${startupSec[1]} s)`);

    // ---- reference subscriber and achieved tick rate
    ref = await referenceSubscriber();
    const wsUrls = gatewayNames.map((name) => `ws://127.0.0.1:${ports[name]}/api/markets/stream?access_token=${encodeURIComponent(accessToken)}`);
    const wsUrl = wsUrls[0];
    result.earlySubscribeProbe = await earlySubscribeProbe(wsUrl);
    log(`early-subscribe probe: ${JSON.stringify(result.earlySubscribeProbe)}`);

    // ---- clients
    startWorkers({ urls: wsUrls, clients: OPTS.clients, batch: OPTS.batch }, OPTS.clientThreads);
    await askAll(null, 'ready');
    const pids = { ...Object.fromEntries(gatewayNames.map((name) => [name, procs[name].pid])), execution: procs.execution.pid, 'redis-server': redisPid };
    const idle = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, round(procRssMb(p), 1)]));
    log(`connecting ${OPTS.clients} clients in batches of ${OPTS.batch}`);
    const connectSampler = procSampler(pids);
    const connStarted = performance.now();
    const conn = { count: (await askAll('connect', 'connected')).reduce((s, c) => s + c.count, 0), sec: (performance.now() - connStarted) / 1000 };
    result.connect = { clients: conn.count, sec: round(conn.sec, 1), cpu: (({ perSecond, ...r }) => r)(connectSampler()), rssIdleBeforeConnectMb: idle };
    const connectedAt = now();
    log(`${conn.count} clients subscribed in ${round(conn.sec, 1)} s; warm-up ${OPTS.warmup} s`);
    await sleep(OPTS.warmup * 1000);

    // ---- the measured window
    const rec = await askAll('record', 'recording');
    await sleep(200);
    const fromMs = Math.ceil(now()) + 300;
    const toMs = fromMs + OPTS.duration * 1000;
    await sleep(fromMs - now());
    const sampler = procSampler(pids);
    log(`measuring ${OPTS.duration} s`);
    await sleep(toMs - now());
    result.cpuRss = sampler();
    await sleep(2000); // frames published before toMs still in flight
    const data = mergeCollected(await askAll('collect', 'collected', (k) => ({ elu0: rec[k].elu0 })));
    result.main = analyseWindow(data, ref, fromMs, toMs, OPTS.clients);
    result.main.clientWorker = { threads: workers.length, eventLoopUtilisation: data.elu, stats: data.stats };
    // The gateway's own view (whole run, warm-up included): burst wait and the time to write a burst to every client.
    // (With several replicas: the first one's.)
    const gatewayMetrics = await (await fetch(`${base}/metrics`)).text();
    result.main.gatewayFanOutMs = Object.fromEntries(['market_stream_burst_wait_seconds', 'market_stream_fanout_seconds'].map((name) => [name, Object.fromEntries([0.5, 0.99].map((q) => [`p${q * 100}`, roundTo((histogramQuantile(gatewayMetrics, name, q) ?? NaN) * 1000, 3)]))]));
    // Bursts fanned out (whole run) against the distinct publish instants of the measured window's ticks: how well ticks of one venue clock instant share a burst.
    result.main.gatewayFanOutMs.bursts = Number(/^market_stream_fanout_seconds_count(?:\{[^}]*\})? (\S+)$/m.exec(gatewayMetrics)?.[1] ?? NaN);
    result.main.gatewayFanOutMs.burstsPerSecondOfRun = round(result.main.gatewayFanOutMs.bursts / ((now() - connectedAt) / 1000), 1);
    result.main.gatewayFanOutMs.clockInstantsPerSecond = round(new Set(ref.ticks.filter(([p, si]) => si >= 0 && p >= fromMs && p < toMs).map(([, , , epochMs]) => epochMs)).size / OPTS.duration, 1);
    result.main.closes = data.closeLog.map(([t, c, code]) => ({ secIntoWindow: round((t - fromMs) / 1000, 1), client: c, code }));
    const m = result.main;
    log(`ticks published (10 symbols): ${m.ticksPublished10Symbols} (${m.publishRatePerSec10Symbols}/s); frames ${m.framesReceived}/${m.framesExpected}; latency p50 ${m.latencyMs.p50} p99 ${m.latencyMs.p99} max ${m.latencyMs.max} ms; clients with growing lag: ${m.lag.clientsGrown}`);

    // ---- slow-client variant
    if (OPTS.slow) {
      const rec2 = await askAll('record', 'recording');
      await sleep(200);
      const paused = await ask('slow-open', 'slow-paused', { candles: OPTS.slowCandles });
      const pausedAt = Math.ceil(paused.at);
      const slowSampler = procSampler(pids);
      log(`slow client subscribed and paused its socket; ${OPTS.slowPause} s`);
      await sleep(OPTS.slowPause * 1000);
      const resumed = await ask('slow-resume', 'slow-resumed');
      const resumedAt = resumed.at;
      await sleep(5000);
      const endAt = now() - 1000;
      const cpu2 = slowSampler();
      const data2 = mergeCollected(await askAll('collect', 'collected', (k) => ({ elu0: rec2[k].elu0 })));
      const slowReport = await ask('slow-log', 'slow-log');
      const slowLog = slowReport.log;
      const others = analyseWindow(data2, ref, pausedAt, Math.floor(resumedAt), OPTS.clients);
      result.slow = {
        othersDuringPause: { ticksPublished10Symbols: others.ticksPublished10Symbols, framesExpected: others.framesExpected, framesReceived: others.framesReceived, latencyMs: others.latencyMs, per10sWindow: others.per10sWindow, lag: { clientsGrown: others.lag.clientsGrown, deltaMs: others.lag.deltaMs } },
        slowClient: {
          subscribedTo: OPTS.slowCandles ? 'ticks + candles (5 timeframes) of the 10 symbols' : 'ticks of the 10 symbols',
          ...analyseSlow(slowLog, ref, pausedAt, resumedAt, endAt),
          candleFrames: { beforeResume: slowReport.candles.filter(([t]) => t < resumedAt).length, afterResume: slowReport.candles.filter(([t]) => t >= resumedAt).length },
          closedAt: slowReport.closeLog.filter(([, c]) => c === OPTS.clients).map(([t, , code]) => ({ secAfterPause: round((t - pausedAt) / 1000, 1), code })),
        },
        closesOfOtherClients: data2.closeLog.filter(([, c]) => c !== OPTS.clients).length,
        cpuRss: (({ perSecond, ...r }) => r)(cpu2),
        clientWorker: { threads: workers.length, eventLoopUtilisation: data2.elu, stats: data2.stats },
      };
      const s = result.slow;
      log(`slow variant: others p99 ${s.othersDuringPause.latencyMs.p99} ms (main window ${m.latencyMs.p99}); slow client got ${s.slowClient.framesOfPauseReceived}/${s.slowClient.ticksPublishedDuringPause} frames of the pause, ${s.slowClient.framesReadAfterResume} read after resume (${s.slowClient.staleBacklogFrames} older than 1 s)`);
    }
    await askAll('close', 'closed');
  } finally {
    cleaningUp = true;
    ref?.close();
    await Promise.all(workers.map((w) => w.terminate()));
    await Promise.all([...children].map((c) => stopProcess(c)));
    await dropSchemas().catch((e) => log(`could not drop schemas: ${e.message}`));
    if (OPTS.sharedRedis) await clearRedisNamespace().catch(() => undefined);
  }

  result.verdict = {
    p99: { value: result.main.latencyMs.p99, target: `< ${TARGETS.p99Ms} ms`, met: result.main.latencyMs.p99 < TARGETS.p99Ms },
    noLagGrowth: { clientsGrown: result.main.lag.clientsGrown, target: `no client's median latency grows by more than ${TARGETS.lagGrowthMs} ms from the first to the last 10 s`, met: result.main.lag.clientsGrown === 0 },
    allFramesDelivered: { missing: result.main.framesMissing, met: result.main.framesMissing === 0 },
  };
  result.finishedAt = new Date().toISOString();
  const file = join(resultsDir, `market-fanout-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${summary(result)}\nResults: ${relative(root, file)}`);
  rmSync(workDir, { recursive: true, force: true });

  function summary(r) {
    const m = r.main;
    const c = r.cpuRss.processes;
    const lines = [
      `Machine: ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ws ${r.machine.ws}; Redis ${r.machine.redis}`,
      `Command: ${r.command}   (VENUE_SPEED=${r.venueSpeed}; ${r.options.gateways} gateway process(es); clients and bookkeeping in ${m.clientWorker.threads} worker thread(s) of this process, the 2 cores are shared by all)`,
      `Ticks published, 10 symbols: ${m.ticksPublished10Symbols} in ${m.windowSec} s = ${m.publishRatePerSec10Symbols}/s (all 11 instruments: ${m.ticksPublishedAllSymbols})`,
      `Frames received ${m.framesReceived} of ${m.framesExpected} expected (${m.framesMissing} missing); ${m.framesPerSecDelivered} frames/s delivered`,
      `Latency (receive − publishedAt) ms: p50 ${m.latencyMs.p50}  p90 ${m.latencyMs.p90}  p99 ${m.latencyMs.p99}  p99.9 ${m.latencyMs.p99_9}  max ${m.latencyMs.max}`,
      `  of which execution → Redis → a plain subscriber: p50 ${m.redisLegMs.p50}  p99 ${m.redisLegMs.p99}  max ${m.redisLegMs.max}`,
      `  median by connection-order decile: ${m.medianLatencyByConnectionOrderDecileMs.join(' / ')}`,
      `  gateway's own part (its histograms, whole run${r.options.gateways > 1 ? ', first replica' : ''}): burst wait p50 ${m.gatewayFanOutMs.market_stream_burst_wait_seconds.p50} p99 ${m.gatewayFanOutMs.market_stream_burst_wait_seconds.p99}; writing a burst to every client p50 ${m.gatewayFanOutMs.market_stream_fanout_seconds.p50} p99 ${m.gatewayFanOutMs.market_stream_fanout_seconds.p99} ms; ${m.gatewayFanOutMs.burstsPerSecondOfRun} bursts/s for ${m.gatewayFanOutMs.clockInstantsPerSecond} venue clock instants/s`,
      `  per 10 s (p50/p99/max): ${m.per10sWindow.map((w) => `${w.p50}/${w.p99}/${w.max}`).join('  ')}`,
      `Lag growth (last 10 s median − first 10 s median per client): ${m.lag.clientsGrown} clients grew > ${r.targets.lagGrowthMs} ms; delta min ${m.lag.deltaMs.min} p50 ${m.lag.deltaMs.p50} p99 ${m.lag.deltaMs.p99} max ${m.lag.deltaMs.max} ms`,
      `CPU (% of one core) / RSS MB over the window: ${Object.entries(c).map(([k, v]) => `${k} ${v.cpuPctOfOneCore}%${v.rssMbMax != null ? ` / ${v.rssMbStart}→${v.rssMbEnd} (max ${v.rssMbMax})` : ` / ${v.rssMbEnd}`}`).join('; ')}; machine busy ${r.cpuRss.machineBusyPct}%, everything else ${r.cpuRss.everythingElsePctOfOneCore}%`,
      `Client worker event-loop utilisation (per thread): ${m.clientWorker.eventLoopUtilisation.join(' / ')}; out-of-order frames ${m.clientWorker.stats.outOfOrder}; connections closed by the gateway: ${m.closes.length}`,
      `Early-subscribe probe: ${r.earlySubscribeProbe.gotSubscribed}/${r.earlySubscribeProbe.clients} clients that subscribed on "open" got "subscribed" (${r.earlySubscribeProbe.gotTicks} got ticks)`,
    ];
    if (r.slow) {
      const s = r.slow;
      const sc = s.slowClient;
      lines.push(
        `Slow client (paused ${sc.pauseSec} s): others p50 ${s.othersDuringPause.latencyMs.p50} p99 ${s.othersDuringPause.latencyMs.p99} max ${s.othersDuringPause.latencyMs.max} ms, ${s.othersDuringPause.framesReceived}/${s.othersDuringPause.framesExpected} frames`,
        `  slow client: ${sc.framesOfPauseReceived} of ${sc.ticksPublishedDuringPause} frames of the pause received (${sc.framesOfPauseDropped} conflated away); full delivery for the first ${sc.fullDeliveryForFirstSec} s of the pause`,
        `  after resume: ${sc.framesReadAfterResume} frames read in ${sc.msToReadThemAll} ms; ${sc.staleBacklogFrames} older than 1 s (age first ${sc.ageOfFramesReadAfterResumeMs.first}, max ${sc.ageOfFramesReadAfterResumeMs.max} ms); live after resume ${sc.afterResumeLive.received}/${sc.afterResumeLive.published}`,
        `  coverage by second of the pause: ${sc.coverageBySecondOfPause.join(' ')}; candle frames before/after resume ${sc.candleFrames.beforeResume}/${sc.candleFrames.afterResume}; closed: ${JSON.stringify(sc.closedAt)}; other clients closed: ${s.closesOfOtherClients}`,
      );
    }
    const v = r.verdict;
    lines.push(`Targets: p99 ${v.p99.value} ms ${v.p99.target}: ${v.p99.met ? 'met' : 'NOT met'}; lag growth: ${v.noLagGrowth.met ? 'met' : 'NOT met'} (${v.noLagGrowth.clientsGrown} clients); all frames delivered: ${v.allFramesDelivered.met ? 'yes' : `no (${v.allFramesDelivered.missing} missing)`}`);
    return lines.join('\n');
  }
}
