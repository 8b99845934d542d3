#!/usr/bin/env node
// Monte Carlo benchmark: 100,000 paths × 252 steps of (a) single-asset GBM and (b) trade
// resampling (bootstrap of 252 trade P&Ls per path), each timed three ways: simulate() in one
// thread; one thread writing into a reused shared level matrix; and a pool of worker_threads
// (os.availableParallelism()) sharing that matrix. Every run is checked equal, bit for bit, to
// simulate(). Writes tools/bench/results/montecarlo.json.
//
//   node tools/bench/montecarlo.mjs [--paths=100000] [--steps=252] [--runs=3] [--workers=N] [--chunk-size=10000]
//
// The library is TypeScript; this script compiles libs/montecarlo/src with @swc/core into
// tools/bench/.work-montecarlo/ (git-ignored) and loads it with require. The worker pool below is
// the pattern for the simulation service: see ChunkPool.
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const workDir = path.join(here, '.work-montecarlo');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- worker side

function runWorker() {
  const lib = require(path.join(workerData.libDir, 'index.js'));
  let config = null;
  let shared = null;
  parentPort.on('message', (message) => {
    if (message.type === 'config') {
      ({ config, shared } = message);
      return;
    }
    if (message.type === 'bands') {
      const slice = lib.bandsForSteps(config, shared, message.from, message.to);
      parentPort.postMessage({ slice }, slice.values.map((v) => v.buffer));
      return;
    }
    const result = lib.runChunk(config, message.index, shared);
    const transfer = [result.finalReturns.buffer, result.maxDrawdowns.buffer];
    parentPort.postMessage({ result }, transfer);
  });
}

/**
 * A fixed set of workers sharing one level matrix (a SharedArrayBuffer, reused from run to run).
 * A run has two rounds, each task going to the next free worker: the chunks (each writes its
 * paths into the matrix and returns its per-path results), then the equity bands by step ranges.
 * The main thread only merges.
 */
class ChunkPool {
  constructor(size, libDir) {
    this.workers = Array.from({ length: size }, () => new Worker(fileURLToPath(import.meta.url), { workerData: { libDir } }));
  }

  /** Resolves once every worker has loaded the library (one round trip each). */
  async ready() {
    const probe = { model: { kind: 'trades', pnls: [1], initialEquity: 1, method: 'bootstrap' }, paths: 1, steps: 1, seed: 0, equityBands: false };
    await this.round(probe, null, [{ type: 'chunk', index: 0 }]);
  }

  /** Runs `tasks` on the workers (each worker gets the config first); resolves with the answers. */
  round(config, shared, tasks) {
    return new Promise((resolve, reject) => {
      const answers = [];
      let next = 0;
      const feed = (worker) => {
        if (next < tasks.length) worker.postMessage(tasks[next++]);
      };
      for (const worker of this.workers) {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        worker.on('error', reject);
        worker.on('message', (answer) => {
          answers.push(answer);
          if (answers.length === tasks.length) resolve(answers);
          else feed(worker);
        });
        worker.postMessage({ type: 'config', config, shared });
        feed(worker);
      }
    });
  }

  async run(lib, config, shared) {
    const count = lib.chunkCount(config);
    const chunks = (await this.round(config, shared, Array.from({ length: count }, (_, index) => ({ type: 'chunk', index })))).map((a) => a.result);
    // Step ranges for the bands: a few per worker, so that a slow worker does not hold the round.
    const rows = config.steps + 1;
    const parts = Math.min(rows, this.workers.length * 4);
    const tasks = Array.from({ length: parts }, (_, i) => ({ type: 'bands', from: Math.floor((i * rows) / parts), to: Math.floor(((i + 1) * rows) / parts) }));
    const bands = (await this.round(config, shared, tasks)).map((a) => a.slice);
    return { chunks, bands };
  }

  close() {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// ---------------------------------------------------------------- main side

function compileLibrary() {
  const swc = require('@swc/core');
  const source = path.join(root, 'libs/montecarlo/src');
  const target = path.join(workDir, 'lib');
  fs.rmSync(target, { recursive: true, force: true });
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(source)) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const out = path.join(target, path.relative(source, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const { code } = swc.transformFileSync(file, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      sourceMaps: false,
    });
    fs.writeFileSync(out, code);
  }
  return target;
}

function argument(name, fallback) {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : Number(hit.slice(name.length + 3));
}

/** Trade P&Ls of a plausible backtest: 300 trades, 45 % winners, winners larger than losers. */
function syntheticTrades(lib) {
  const rng = new lib.Rng(20261126);
  const pnls = new Float64Array(300);
  for (let i = 0; i < pnls.length; i++) {
    const win = rng.nextDouble() < 0.45;
    pnls[i] = win ? 150 + 250 * rng.nextDouble() : -(100 + 150 * rng.nextDouble());
  }
  return pnls;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x, digits = 1) {
  return Number(x.toFixed(digits));
}

/** Deep equality of two results, typed arrays compared element by element (NaN equals NaN). */
function sameResult(a, b) {
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameResult(a[k], b[k]));
  }
  return Object.is(a, b);
}

function summaryOf(result) {
  const pick = (d) => ({ mean: d.mean, p5: d.percentiles.find((p) => p.probability === 0.05)?.value, p50: d.percentiles.find((p) => p.probability === 0.5)?.value, p95: d.percentiles.find((p) => p.probability === 0.95)?.value });
  const bands = result.equityBands;
  return {
    finalReturn: pick(result.finalReturn),
    maxDrawdown: pick(result.maxDrawdown),
    lossProbabilities: result.lossProbabilities,
    lastStepBands: bands === null ? null : Object.fromEntries(bands.probabilities.map((p, i) => [`p${p * 100}`, bands.values[i][result.steps]])),
  };
}

async function main() {
  const paths = argument('paths', 100_000);
  const steps = argument('steps', 252);
  const runs = argument('runs', 3);
  const chunkSize = argument('chunk-size', 10_000);
  const workers = argument('workers', os.availableParallelism());
  const targetMs = 1000;

  const compileStarted = performance.now();
  const libDir = compileLibrary();
  const compileMs = performance.now() - compileStarted;
  const lib = require(path.join(libDir, 'index.js'));

  const scenarios = [
    {
      name: 'gbm-single-asset',
      description: 'one asset, μ = 8 %/year, σ = 20 %/year, dt = 1/252, equity bands kept',
      config: { model: { kind: 'gbm', assets: [{ symbol: 'R_100', value: 100_000, drift: 0.08, volatility: 0.2 }] }, paths, steps, seed: 42, chunkSize },
    },
    {
      name: 'trade-resampling',
      description: `bootstrap of ${steps} trade P&Ls per path from 300 synthetic trades, initial equity 100,000, equity bands kept`,
      config: { model: { kind: 'trades', pnls: syntheticTrades(lib), initialEquity: 100_000, method: 'bootstrap' }, paths, steps, seed: 42, chunkSize },
    },
  ];

  const poolStarted = performance.now();
  const pool = new ChunkPool(workers, libDir);
  await pool.ready();
  const poolStartMs = performance.now() - poolStarted;
  // One level matrix for both scenarios (same paths × steps), shared with the workers, reused by every run.
  const shared = new Float64Array(new SharedArrayBuffer(8 * lib.sharedLevelsLength(scenarios[0].config)));

  const timed = async (f) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const value = await f();
    const cpu = process.cpuUsage(cpu0);
    return { value, ms: performance.now() - t0, processCpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const variants = {
    // simulate(): every chunk in this thread, each with its own freshly allocated levels, then the merge.
    simulateOneThread: (config) => timed(() => lib.simulate(config)),
    // The same work in this thread, but the chunks write into the reused shared matrix (no fresh memory).
    sharedMatrixOneThread: (config) =>
      timed(() => {
        const chunks = Array.from({ length: lib.chunkCount(config) }, (_, i) => lib.runChunk(config, i, shared));
        return lib.mergeChunks(config, chunks, { sharedLevels: shared });
      }),
    // Chunks and band step ranges on the worker pool, merge here.
    workerThreads: (config) =>
      timed(async () => {
        const { chunks, bands } = await pool.run(lib, config, shared);
        return lib.mergeChunks(config, chunks, { bands });
      }),
  };

  const results = [];
  for (const scenario of scenarios) {
    const { config } = scenario;
    const loadBefore = os.loadavg();
    const reference = lib.simulate(config); // also the JIT warm-up
    for (const run of Object.values(variants)) await run(config); // warm-up of each variant, not reported
    const entry = { name: scenario.name, description: scenario.description, paths, steps, chunkSize, chunks: lib.chunkCount(config), variants: {} };
    let identical = true;
    for (const [name, run] of Object.entries(variants)) {
      const runsOf = [];
      for (let r = 0; r < runs; r++) {
        const { value, ms, processCpuMs } = await run(config);
        identical &&= sameResult(value, reference);
        runsOf.push({ ms: round(ms), processCpuMs: round(processCpuMs) });
      }
      const medianMs = round(median(runsOf.map((x) => x.ms)));
      entry.variants[name] = { ...(name === 'workerThreads' ? { workers } : {}), runs: runsOf, medianMs, metTarget: medianMs < targetMs };
    }
    entry.allVariantsEqualSimulate = identical;
    entry.loadAverage1mBeforeAfter = [round(loadBefore[0], 2), round(os.loadavg()[0], 2)];
    entry.result = summaryOf(reference);
    results.push(entry);
    console.log(
      `${scenario.name}: ` +
        Object.entries(entry.variants)
          .map(([name, v]) => `${name} ${v.medianMs} ms`)
          .join(', ') +
        ` (medians of ${runs}); identical: ${identical}; load ${entry.loadAverage1mBeforeAfter.join(' → ')}`,
    );
  }
  await pool.close();

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  let nproc = os.cpus().length;
  try {
    nproc = Number(execSync('nproc').toString().trim());
  } catch {
    // nproc is coreutils; os.cpus() is the fallback.
  }
  const report = {
    benchmark: 'montecarlo',
    date: new Date().toISOString(),
    command: `node tools/bench/montecarlo.mjs --paths=${paths} --steps=${steps} --runs=${runs} --workers=${workers} --chunk-size=${chunkSize}`,
    machine: {
      nproc,
      availableParallelism: os.availableParallelism(),
      cpu,
      node: process.version,
      totalMemoryGb: round(os.totalmem() / 2 ** 30),
      // Other processes share the machine: the 1-minute load average at the end of the run.
      loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)),
    },
    targetMs,
    compileMs: round(compileMs),
    workerPoolStartMs: round(poolStartMs),
    notes: [
      'ms = wall time of one whole run: every chunk + the merge (equity bands at every step, distributions, loss probabilities).',
      'processCpuMs = CPU time of the whole process during the run (process.cpuUsage: main thread and workers); when it is well below ms × threads, other processes held the CPU.',
      'Worker pool start-up (spawning threads, loading the library) is measured once, separately, as a service would keep its pool.',
      'Each variant runs once untimed first (JIT warm-up); the reported runs follow. Every run is checked equal to simulate() bit for bit.',
    ],
    scenarios: results,
  };
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  const file = path.join(here, 'results', 'montecarlo.json');
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, file)}`);
}

// Last, so that the classes above are initialised before either side runs.
if (!isMainThread) runWorker();
else await main();
