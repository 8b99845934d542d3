#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest.
//   1. type checks (server and web)      2. lint (incl. module boundaries)
//   3. unit + integration tests (Jest projects in parallel, real PostgreSQL and Redis)
//   4. end-to-end tests (the whole platform in-process over the Redis transport, a fuzz test,
//      a browser test with Debian's Chromium), serially.
// Prints one closing line "Tests: N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim(),
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  TEST_REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const only = process.argv.slice(2);
const failures = [];
let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name}: ${[cmd, ...args].map((a) => a.replace(root + '/', '')).join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function jest(name, args) {
  const out = join(tmpdir(), `meridian-jest-${name}-${process.pid}.json`);
  const ok = step(name, process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), ...args, '--json', `--outputFile=${out}`]);
  if (ok === undefined) return;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    rmSync(out, { force: true });
  } else if (!ok) {
    failed += 1;
  }
}

function reachable(port) {
  return new Promise((done) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.setTimeout(1000, () => (s.destroy(), done(false)));
    s.on('error', () => done(false));
    s.on('connect', () => (s.destroy(), done(true)));
  });
}

const pgUrl = new URL(env.TEST_DATABASE_URL);
const redisUrl = new URL(env.TEST_REDIS_URL);
if (!(await reachable(Number(pgUrl.port || 5432)))) {
  console.error(`The tests need PostgreSQL at ${pgUrl.host} (database ${pgUrl.pathname.slice(1)}); start it (bash .ci/run does) or set TEST_DATABASE_URL.`);
  process.exit(1);
}
if (!(await reachable(Number(redisUrl.port || 6379)))) {
  console.error(`The tests need Redis at ${redisUrl.host}; start it (bash .ci/run does) or set TEST_REDIS_URL.`);
  process.exit(1);
}

step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck-web', bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
jest('unit', ['-c', 'jest.config.js', '--maxWorkers=2']);
// The e2e suite serves the built web app and runs some services as built processes (kill -9 tests).
step('build', process.execPath, [join(root, 'tools/build/build.mjs')]);
jest('e2e', ['-c', 'apps/e2e/jest.config.js', '--runInBand']);

console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
