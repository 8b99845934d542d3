#!/usr/bin/env node
// `npm start`: builds what is needed and runs the whole platform on this machine with embedded
// defaults (PGlite under .data/, the simulated venue, the offline analyst): the gateway and web
// app on http://localhost:3000 and the intelligence, execution and simulation services.
// Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, onPath, prettyLine, redisAnswers, startService } from './processes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Meridian needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const port = Number(process.env.PORT_GATEWAY ?? process.env.GATEWAY_PORT ?? 3000);
const children = new Map();
let stopping = false;

function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Meridian…');
  for (const child of children.values()) child.kill('SIGTERM');
  const deadline = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code);
  }, 10_000);
  deadline.unref();
  const wait = setInterval(() => {
    if ([...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null)) {
      clearInterval(wait);
      process.exit(code);
    }
  }, 100);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

console.log('Building Meridian (services with SWC, web app with Vite)…');
const build = spawnSync(process.execPath, [resolve(root, 'tools/build/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!(await redisAnswers(redisUrl))) {
  if (process.env.REDIS_URL) {
    console.error(`Nothing answers at REDIS_URL=${redisUrl}. Start that Redis server, or unset REDIS_URL to let Meridian start a local one.`);
    process.exit(1);
  }
  if (!onPath('redis-server')) {
    console.error('Meridian needs Redis and none is running on 127.0.0.1:6379: install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a Redis server.');
    process.exit(1);
  }
  console.log('No Redis on 127.0.0.1:6379: starting a local redis-server (kept in memory, stopped on exit).');
  const redis = spawn('redis-server', ['--port', '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  redis.stdout.on('data', () => undefined);
  children.set('redis', redis);
  for (let i = 0; i < 50 && !(await redisAnswers(redisUrl)); i++) await new Promise((r) => setTimeout(r, 100));
}

const env = {
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  DATA_DIR: process.env.DATA_DIR ?? resolve(root, '.data'),
  WEB_DIST: process.env.WEB_DIST ?? resolve(root, 'dist/apps/web'),
  REDIS_URL: redisUrl,
};
console.log(process.env.DATABASE_URL ? `Using PostgreSQL at DATABASE_URL.` : `No DATABASE_URL: each service keeps an embedded PostgreSQL (PGlite) under ${env.DATA_DIR}.`);

for (const service of SERVICES) {
  const child = startService(root, service, { ...env, PORT: service === 'gateway' ? String(port) : undefined }, (code, signal) => {
    children.delete(service);
    if (stopping) return;
    console.log(prettyLine('gateway', JSON.stringify({ level: 'warn', msg: `launcher: ${service} exited (${signal ?? `code ${code}`}); start it again with: npm run start:service -- ${service}` })));
  });
  children.set(service, child);
}

// Wait until the gateway reports every service and dependency healthy, then say where to go.
const started = Date.now();
for (;;) {
  if (stopping) break;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health/system`);
    const body = await res.json();
    if (body.components?.length >= 6 && body.components.every((c) => c.status === 'up')) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        box([
          `Meridian is running: http://localhost:${port}  (all healthy in ${secs} s)`,
          `API docs: http://localhost:${port}/api/docs`,
          `Log in as ${process.env.ADMIN_EMAIL ?? 'admin@meridian.local'} with ADMIN_PASSWORD, or`,
          'the generated password printed above at the first start.',
          'Ctrl-C stops everything.',
        ]),
      );
      break;
    }
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 1000));
}

/** Lines in a box drawn to fit the longest (URLs stay whole, so they can be copied). */
function box(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 4);
  return ['', `  ┌${bar}┐`, ...lines.map((l) => `  │  ${l.padEnd(width)}  │`), `  └${bar}┘`].join('\n');
}
