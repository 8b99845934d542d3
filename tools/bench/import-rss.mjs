#!/usr/bin/env node
// Benchmark: history import of a large CSV through the gateway, as separate processes
// (docs/BENCHMARKS.md, "History import").
//
//   node tools/bench/import-rss.mjs [--rows=1000000] [--skip-build] [--gateway-node-flags="--max-semi-space-size=4"]
//
// Starts the four services from dist/ against the external PostgreSQL (schemas bench_import_*)
// and Redis (a namespace of its own), writes a CSV of --rows daily bars (a seeded random walk,
// one bar a day from the year 1000), streams it to POST /api/data/import (format=generic) and
// samples every process's resident memory (VmRSS) every 50 ms until the answer: rows/s and the
// peak RSS of each process. Everything it started or created is removed at the end.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { api, freePort, log, machine, ProcessSet, round, waitForHealth } from './lib/bench-kit.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const { Client: PgClient } = require('pg');
const { Redis } = require('ioredis');

const argv = process.argv.slice(2);
const opt = (name, dflt) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const ROWS = opt('rows', 1_000_000);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NAMESPACE = `bench-import-${randomBytes(3).toString('hex')}`;
const SERVICES = ['gateway', 'intelligence', 'execution', 'simulation'];
const workDir = join(root, 'tools/bench/.work-import');
mkdirSync(workDir, { recursive: true });
const procs = new ProcessSet(workDir, root);

const rssMb = (pid) => {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
};

async function writeCsv(file) {
  const out = createWriteStream(file);
  out.write('date,open,high,low,close,volume\n');
  let price = 100;
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const day0 = Date.UTC(1000, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const open = price;
    // A walk held between 50 and 200, so a million steps never leave plain decimals.
    let close = open * (1 + (rand() - 0.5) * 0.02);
    if (close > 200 || close < 50) close = open * (1 - (close - open) / open);
    const high = Math.max(open, close) * (1 + rand() * 0.005);
    const low = Math.min(open, close) * (1 - rand() * 0.005);
    price = close;
    const line = `${new Date(day0 + i * 86_400_000).toISOString().slice(0, 10)},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${close.toFixed(4)},${Math.floor(rand() * 1e6)}\n`;
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

async function dropSchemas() {
  const pg = new PgClient({ connectionString: DATABASE_URL });
  await pg.connect();
  for (const s of SERVICES) await pg.query(`DROP SCHEMA IF EXISTS bench_import_${s} CASCADE`);
  await pg.end();
}

async function main() {
  if (!argv.includes('--skip-build')) spawnSync(process.execPath, [join(root, 'tools/build/build.mjs'), '--server-only'], { cwd: root, stdio: 'inherit' });
  await dropSchemas();
  const csv = join(workDir, `bars-${ROWS}.csv`);
  log(`writing ${ROWS} rows to ${csv}`);
  await writeCsv(csv);
  const result = { benchmark: 'import-rss', at: new Date().toISOString(), command: `node tools/bench/import-rss.mjs ${argv.join(' ')}`.trim(), machine: machine(root), rows: ROWS, csvBytes: statSync(csv).size };
  try {
    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()])));
    const adminPassword = randomBytes(18).toString('base64url');
    const gatewayFlags = argv.find((a) => a.startsWith('--gateway-node-flags='))?.slice('--gateway-node-flags='.length).split(' ').filter(Boolean) ?? [];
    const children = Object.fromEntries(SERVICES.map((service) => [service, procs.start(service, [...(service === 'gateway' ? gatewayFlags : []), join(root, 'dist/apps', service, 'src/main.js')], {
      ...process.env, NODE_ENV: 'production', PORT: String(ports[service]), HOST: '127.0.0.1', DATABASE_URL, DATABASE_SCHEMA: `bench_import_${service}`,
      REDIS_URL, REDIS_NAMESPACE: NAMESPACE, LOG_LEVEL: 'warn', LOG_CONSOLE: 'false', HISTORY_BACKFILL: 'off',
      ADMIN_EMAIL: 'bench-admin@meridian.local', ADMIN_PASSWORD: adminPassword, WEB_DIST: join(workDir, 'no-web-app'),
    })]));
    const base = `http://127.0.0.1:${ports.gateway}`;
    await waitForHealth(base, Object.values(children));
    const { accessToken: token } = await api(base, 'POST', '/api/auth/login', { body: { email: 'bench-admin@meridian.local', password: adminPassword } });
    const idle = Object.fromEntries(SERVICES.map((s) => [s, round(rssMb(children[s].pid), 1)]));
    const peak = { ...idle };
    const sampler = setInterval(() => {
      for (const s of SERVICES) peak[s] = Math.max(peak[s], round(rssMb(children[s].pid), 1) ?? 0);
    }, 50);
    log('importing');
    const started = performance.now();
    const res = await fetch(`${base}/api/data/import?symbol=BIGCSV&format=generic&dateColumn=date&openColumn=open&highColumn=high&lowColumn=low&closeColumn=close&volumeColumn=volume`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: createReadStream(csv),
      duplex: 'half',
    });
    const body = await res.json();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    result.status = res.status;
    result.answer = body;
    result.seconds = round(seconds, 2);
    result.rowsPerSecond = round(ROWS / seconds, 0);
    result.rssMb = { idle, peak };
    result.target = { peakRssMb: 300, met: peak.gateway < 300 && peak.execution < 300 };
  } finally {
    await procs.stopAll();
    await dropSchemas().catch(() => undefined);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${NAMESPACE}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    rmSync(csv, { force: true });
  }
  const file = join(root, 'tools/bench/results', `import-rss-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  log(`written ${file}`);
  console.log(JSON.stringify({ status: result.status, seconds: result.seconds, rowsPerSecond: result.rowsPerSecond, rssMb: result.rssMb, target: result.target, answer: result.answer }, null, 2));
}

main().catch(async (err) => {
  console.error(err);
  await procs.stopAll();
  process.exit(1);
});
