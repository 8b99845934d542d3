// Shared pieces of the benchmarks in tools/bench: processes, ports, percentiles, the machine.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';

export const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function round(x, d = 2) {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** Nearest-rank percentiles of every observed latency (ms). */
export function percentiles(values) {
  const a = Float64Array.from(values).sort();
  const n = a.length;
  if (!n) return { count: 0 };
  const at = (q) => a[Math.min(n - 1, Math.max(0, Math.ceil((q / 100) * n) - 1))];
  let sum = 0;
  for (const v of a) sum += v;
  return { count: n, mean: round(sum / n, 3), p50: round(at(50), 3), p90: round(at(90), 3), p99: round(at(99), 3), p99_9: round(at(99.9), 3), max: round(a[n - 1], 3) };
}

export async function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** Child processes with their output in log files, stopped together (also on Ctrl-C). */
export class ProcessSet {
  constructor(workDir, cwd) {
    this.workDir = workDir;
    this.cwd = cwd;
    this.children = new Set();
    for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, async () => {
      await this.stopAll();
      process.exit(130);
    });
  }

  start(name, args, env) {
    const logFile = join(this.workDir, `${name}-${Date.now()}.log`);
    const out = createWriteStream(logFile);
    const child = spawn(process.execPath, args, { cwd: this.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.benchName = name;
    child.logFile = logFile;
    child.exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
    child.exited.then(() => this.children.delete(child));
    this.children.add(child);
    return child;
  }

  async stop(child, graceMs = 10_000) {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(timer);
  }

  async stopAll() {
    await Promise.all([...this.children].map((c) => this.stop(c)));
  }
}

export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function api(base, method, path, { token, body } = {}) {
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

/** Waits until the gateway reports every component up. */
export async function waitForHealth(base, procs, timeoutMs = 300_000) {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    for (const p of procs) if (p.exitCode !== null || p.signalCode !== null) throw new Error(`${p.benchName} exited during start-up:\n${tail(p.logFile)}`);
    try {
      const body = await (await fetch(`${base}/api/health/system`)).json();
      last = JSON.stringify(body.components?.map((c) => `${c.name}:${c.status}`));
      if (body.components?.length >= 6 && body.components.every((c) => c.status === 'up')) return (Date.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`not all healthy after ${timeoutMs / 1000} s: ${last}`);
}

export function machine(root) {
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
    kernel: `${os.type()} ${os.release()}`,
    commit: git,
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

/** A quantile of a prom-client summary from a /metrics text (seconds), or null. */
export function summaryQuantile(metricsText, name, labels, quantile) {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`) || !line.includes(`quantile="${quantile}"`)) continue;
    if (wanted.every((w) => line.includes(w))) return Number(line.split(' ').pop());
  }
  return null;
}

/**
 * The cumulative buckets of a Prometheus histogram in a /metrics text, summed over the label sets
 * that carry every one of `labels` (all of them when none is given), sorted by bound.
 */
export function histogramBuckets(metricsText, name, labels = {}) {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const byLe = new Map();
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}_bucket{`) || !wanted.every((w) => line.includes(w))) continue;
    const le = /le="([^"]+)"/.exec(line)?.[1];
    const bound = le === '+Inf' ? Infinity : Number(le);
    byLe.set(bound, (byLe.get(bound) ?? 0) + Number(line.split(' ').pop()));
  }
  return [...byLe].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
}

/** The observations between two scrapes: `after` minus `before`, bucket by bucket. */
export function bucketsDelta(after, before) {
  const old = new Map(before.map((b) => [b.le, b.count]));
  return after.map((b) => ({ le: b.le, count: b.count - (old.get(b.le) ?? 0) }));
}

/** Share of the observations at or below `le` (exact when `le` is a bucket bound), or null. */
export function bucketFraction(buckets, le) {
  const total = buckets.at(-1)?.count ?? 0;
  const b = buckets.find((x) => x.le === le);
  return total > 0 && b ? b.count / total : null;
}

/**
 * A quantile of cumulative buckets, interpolated linearly inside the bucket as PromQL's
 * histogram_quantile() does (so it is as coarse as the buckets).
 */
export function bucketQuantile(buckets, quantile) {
  if (buckets.length === 0) return null;
  const total = buckets[buckets.length - 1].count;
  if (total === 0) return null;
  const rank = quantile * total;
  let lower = 0;
  let below = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return lower;
      return lower + ((b.le - lower) * (rank - below)) / Math.max(1, b.count - below);
    }
    lower = b.le;
    below = b.count;
  }
  return lower;
}

/** A quantile of a Prometheus histogram from a /metrics text (since the process started). */
export function histogramQuantile(metricsText, name, quantile, labels = {}) {
  return bucketQuantile(histogramBuckets(metricsText, name, labels), quantile);
}

/** CPU seconds (user + system) a process has used, from /proc, or NaN once it is gone. */
export function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Pids of the running processes whose command name (/proc/<pid>/comm) starts with `prefix`. */
export function pidsNamed(prefix) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith(prefix)) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * CPU used by named groups of processes between `start()` and the returned `stop()`, in seconds
 * (a group that is a list of pids is summed; pids that appear later are counted from zero).
 */
export function cpuMeter(groups) {
  const read = () => Object.fromEntries(Object.entries(groups()).map(([k, pids]) => [k, new Map(pids.map((p) => [p, processCpuSeconds(p)]))]));
  const before = read();
  return () => {
    const after = read();
    return Object.fromEntries(Object.entries(after).map(([k, m]) => [k, [...m].reduce((sum, [pid, sec]) => sum + (Number.isFinite(sec) ? sec - (before[k]?.get(pid) ?? 0) : 0), 0)]));
  };
}
