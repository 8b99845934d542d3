#!/usr/bin/env node
// Benchmark: the backtest engine's throughput (docs/BENCHMARKS.md, "Backtest engine throughput").
//
//   node tools/bench/backtest.mjs [--runs=7] [--warmup-runs=2] [--bars=1000000] [--multi-bars=100000] [--multi-symbols=10]
//
// 1. Compiles libs/{backtest,strategy,indicators,risk}/src with @swc/core (the repository's .swcrc,
//    path aliases rewritten to relative requires, as tools/build/build.mjs does) into
//    tools/bench/.work-backtest/ (git-ignored), and loads it with require.
// 2. Generates deterministic OHLC bars (geometric random walk, own PRNG) as Float64Arrays:
//    1 symbol × --bars, and --multi-symbols symbols × --multi-bars on the same timestamps.
// 3. For each case, times (median of --runs after --warmup-runs unmeasured runs):
//    - engine: runBacktest(builtin sma-crossover, fast 10 / slow 30, long-only, quantity 1), fees
//      10 bps, the whole call: input validation, timeline, the event loop through the strategy SDK
//      (SeriesView, StrategyContext, SmaStream ×2 per bar, cross detection, target intents, orders,
//      fills, trades) and the metrics at the end;
//    - hand loop: one function over the same Float64Arrays doing the same arithmetic inline: two
//      streaming SMAs on ring buffers, cross detection, an order filled at the next open with the
//      same fee, position and cash, and equity = cash + Σ position × close per time step.
//    Both must end on the same equity (checked, printed and stored).
// 4. Prints a summary and writes tools/bench/results/backtest.json (the latest run) and
//    backtest-<time>.json (each run).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = join(root, 'tools/bench/.work-backtest');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v === undefined ? true : Number(v)];
  }),
);
const RUNS = args.runs ?? 7;
const WARMUP_RUNS = args['warmup-runs'] ?? 2;
const BARS = args.bars ?? 1_000_000;
const MULTI_BARS = args['multi-bars'] ?? 100_000;
const MULTI_SYMBOLS = args['multi-symbols'] ?? 10;
const FAST = 10;
const SLOW = 30;
const FEES_BPS = 10;
const INITIAL_CASH = 1_000_000;

// ---------------------------------------------------------------------------------------------
// 1. Compile the libraries
// ---------------------------------------------------------------------------------------------
async function compile() {
  const require = createRequire(join(root, 'package.json'));
  const swc = require('@swc/core');
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  const walk = (dir, files = []) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, files);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && name !== 'spec-helpers.ts') files.push(p);
    }
    return files;
  };
  rmSync(work, { recursive: true, force: true });
  const sources = ['backtest', 'strategy', 'indicators', 'risk'].flatMap((lib) => walk(join(root, 'libs', lib, 'src')));
  const started = performance.now();
  await Promise.all(
    sources.map(async (file) => {
      const out = await swc.transformFile(file, {
        ...swcrc,
        swcrc: false,
        filename: file,
        sourceMaps: false,
        jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
      });
      const target = join(work, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, out.code);
    }),
  );
  writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'commonjs' }));
  const load = createRequire(join(work, 'package.json'));
  return {
    files: sources.length,
    ms: performance.now() - started,
    backtest: load('./libs/backtest/src/index.js'),
    strategy: load('./libs/strategy/src/index.js'),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Data
// ---------------------------------------------------------------------------------------------
function makeBars(symbol, n, seed, time) {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    // xorshift32: fast and deterministic; quality is irrelevant here
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const open = new Float64Array(n);
  const high = new Float64Array(n);
  const low = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n).fill(1000);
  let price = 100;
  for (let i = 0; i < n; i++) {
    const o = price * (1 + (uniform() - 0.5) * 0.002);
    const c = o * (1 + (uniform() - 0.5) * 0.02);
    open[i] = o;
    close[i] = c;
    high[i] = Math.max(o, c) * (1 + uniform() * 0.005);
    low[i] = Math.min(o, c) * (1 - uniform() * 0.005);
    // keep the walk in a band so that prices stay reasonable over a million bars
    price = c < 20 ? c * 1.5 : c > 500 ? c / 1.5 : c;
  }
  return { symbol, time, open, high, low, close, volume };
}

function times(n) {
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = 1_600_000_000_000 + i * 60_000; // one-minute bars
  return t;
}

// ---------------------------------------------------------------------------------------------
// 3. The hand-written loop: the same rule and accounting, inline, over the same arrays.
//    Symbols share one timeline here (the benchmark data is aligned), so no alignment work.
// ---------------------------------------------------------------------------------------------
function handLoop(symbols, fast, slow, initialCash, feesBps) {
  const S = symbols.length;
  const T = symbols[0].time.length;
  const opens = symbols.map((s) => s.open);
  const closes = symbols.map((s) => s.close);
  const fastBuf = symbols.map(() => new Float64Array(fast));
  const slowBuf = symbols.map(() => new Float64Array(slow));
  const fastSum = new Float64Array(S);
  const slowSum = new Float64Array(S);
  const prevFast = new Float64Array(S).fill(NaN);
  const prevSlow = new Float64Array(S).fill(NaN);
  const position = new Float64Array(S);
  const pending = new Float64Array(S); // signed quantity to fill at the next open
  const wanted = new Int8Array(S);
  const equity = new Float64Array(T);
  let cash = initialCash;
  let fills = 0;
  for (let t = 0; t < T; t++) {
    let marked = 0;
    for (let s = 0; s < S; s++) {
      if (pending[s] !== 0) {
        const q = pending[s];
        const price = opens[s][t];
        const notional = (q < 0 ? -q : q) * price;
        cash -= q * price + (notional * feesBps) / 10_000;
        position[s] += q;
        pending[s] = 0;
        fills++;
      }
      const x = closes[s][t];
      // streaming SMAs: (sum + x) − oldest, as SmaStream does
      const fb = fastBuf[s];
      const sb = slowBuf[s];
      const kf = t % fast;
      const ks = t % slow;
      let f = NaN;
      let w = NaN;
      if (t < fast) {
        fastSum[s] += x;
        if (t === fast - 1) f = fastSum[s] / fast;
      } else {
        fastSum[s] = fastSum[s] + x - fb[kf];
        f = fastSum[s] / fast;
      }
      fb[kf] = x;
      if (t < slow) {
        slowSum[s] += x;
        if (t === slow - 1) w = slowSum[s] / slow;
      } else {
        slowSum[s] = slowSum[s] + x - sb[ks];
        w = slowSum[s] / slow;
      }
      sb[ks] = x;
      const up = f > w && prevFast[s] <= prevSlow[s];
      const down = f < w && prevFast[s] >= prevSlow[s];
      prevFast[s] = f;
      prevSlow[s] = w;
      if (t >= slow) {
        if (up && wanted[s] !== 1) {
          wanted[s] = 1;
          pending[s] = 1 - position[s];
        } else if (down && wanted[s] !== 0) {
          wanted[s] = 0;
          pending[s] = -position[s];
        }
      }
      if (position[s] !== 0) marked += position[s] * x;
    }
    equity[t] = cash + marked;
  }
  return { equity, fills, finalEquity: equity[T - 1] };
}

// ---------------------------------------------------------------------------------------------
// 4. Timing
// ---------------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** CPU time of this process (user + system), ms: unlike wall time, it does not count waiting for a core. */
function cpuMs() {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Runs `fn` WARMUP_RUNS times unmeasured, then RUNS times, recording wall and CPU ms of each. */
function measure(fn) {
  for (let i = 0; i < WARMUP_RUNS; i++) fn();
  const wall = [];
  const cpu = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    last = fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall, cpu, wallMedian: median(wall), cpuMedian: median(cpu), last };
}

const round = (xs) => xs.map((x) => +x.toFixed(1));

function runCase(lib, name, symbols) {
  const { runBacktest, BacktestEngine } = lib.backtest;
  const definition = lib.strategy.findBuiltin('sma-crossover');
  const params = { fast: FAST, slow: SLOW, mode: 'long-only', sizing: 'quantity', quantity: 1 };
  const input = { symbols, initialCash: INITIAL_CASH, feesBps: FEES_BPS, feeFixed: 0, slippageBps: 0, periodsPerYear: 252 };
  const bars = symbols.reduce((n, s) => n + s.time.length, 0);

  // Interleaved so that changes in the machine's load hit both alike.
  const engine = measure(() => runBacktest(definition, params, input));
  const hand = measure(() => handLoop(symbols, FAST, SLOW, INITIAL_CASH, FEES_BPS));
  // Where the engine's time goes: set-up (validation, timeline, views), the event loop, the result (metrics).
  const phases = { setup: [], loop: [], result: [] };
  measure(() => {
    const c0 = cpuMs();
    const e = new BacktestEngine(definition, params, input);
    const c1 = cpuMs();
    e.advance(e.steps);
    const c2 = cpuMs();
    e.result();
    phases.setup.push(c1 - c0);
    phases.loop.push(c2 - c1);
    phases.result.push(cpuMs() - c2);
  });
  for (const k of Object.keys(phases)) phases[k] = phases[k].slice(WARMUP_RUNS);
  const loopCpu = median(phases.loop);

  const result = engine.last;
  const perSecond = (ms) => Math.round(bars / (ms / 1000));
  let maxCurveDiff = 0;
  for (let t = 0; t < result.equity.length; t++) maxCurveDiff = Math.max(maxCurveDiff, Math.abs(result.equity[t] - hand.last.equity[t]));
  return {
    name,
    symbols: symbols.length,
    barsPerSymbol: symbols[0].time.length,
    bars,
    engine: {
      wallMs: round(engine.wall),
      cpuMs: round(engine.cpu),
      barsPerSecondWall: perSecond(engine.wallMedian),
      barsPerSecondCpu: perSecond(engine.cpuMedian),
      phasesCpuMedianMs: { setup: +median(phases.setup).toFixed(1), loop: +loopCpu.toFixed(1), result: +median(phases.result).toFixed(1) },
      loopBarsPerSecondCpu: perSecond(loopCpu),
      fills: result.fills.length,
      trades: result.trades.length,
      finalEquity: result.metrics.finalEquity,
    },
    handLoop: {
      wallMs: round(hand.wall),
      cpuMs: round(hand.cpu),
      barsPerSecondWall: perSecond(hand.wallMedian),
      barsPerSecondCpu: perSecond(hand.cpuMedian),
      fills: hand.last.fills,
      finalEquity: hand.last.finalEquity,
    },
    ratio: {
      wall: +(engine.wallMedian / hand.wallMedian).toFixed(2),
      cpu: +(engine.cpuMedian / hand.cpuMedian).toFixed(2),
      loopOnlyCpu: +(loopCpu / hand.cpuMedian).toFixed(2),
    },
    check: {
      sameFills: result.fills.length === hand.last.fills,
      finalEquityDiff: Math.abs(result.metrics.finalEquity - hand.last.finalEquity),
      maxEquityCurveDiff: maxCurveDiff,
    },
    targets: {
      atLeast2MBarsPerSecondWall: bars / (engine.wallMedian / 1000) >= 2_000_000,
      atLeast2MBarsPerSecondCpu: bars / (engine.cpuMedian / 1000) >= 2_000_000,
      ratioWithin10xWall: engine.wallMedian / hand.wallMedian <= 10,
      ratioWithin10xCpu: engine.cpuMedian / hand.cpuMedian <= 10,
    },
  };
}

const lib = await compile();
console.log(`compiled ${lib.files} files in ${lib.ms.toFixed(0)} ms into ${relative(root, work)}`);
const single = [makeBars('S0', BARS, 1, times(BARS))];
const sharedTime = times(MULTI_BARS);
const multi = Array.from({ length: MULTI_SYMBOLS }, (_, k) => makeBars(`M${k}`, MULTI_BARS, 100 + k, sharedTime));
const cases = [
  runCase(lib, `1 symbol × ${BARS.toLocaleString('en')} bars`, single),
  runCase(lib, `${MULTI_SYMBOLS} symbols × ${MULTI_BARS.toLocaleString('en')} bars`, multi),
];

const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model;
const report = {
  benchmark: 'backtest engine throughput',
  date: new Date().toISOString(),
  command: `node tools/bench/backtest.mjs${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: { cpu, nproc: os.availableParallelism?.() ?? os.cpus().length, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, loadAverage: os.loadavg() },
  settings: { runs: RUNS, warmupRuns: WARMUP_RUNS, strategy: `sma-crossover fast ${FAST} slow ${SLOW} long-only quantity 1`, feesBps: FEES_BPS },
  cases,
};
mkdirSync(join(root, 'tools/bench/results'), { recursive: true });
const text = `${JSON.stringify(report, null, 2)}\n`;
const stamped = `backtest-${report.date.replace(/[:.]/g, '-')}.json`;
writeFileSync(join(root, 'tools/bench/results/backtest.json'), text); // the latest run
writeFileSync(join(root, 'tools/bench/results', stamped), text); // every run, for the record

const M = (x) => (x / 1e6).toFixed(2);
for (const c of cases) {
  const e = c.engine;
  const h = c.handLoop;
  console.log(`\n${c.name}`);
  console.log(`  engine     median ${median(e.wallMs).toFixed(1)} ms wall, ${median(e.cpuMs).toFixed(1)} ms cpu: ${M(e.barsPerSecondWall)} M bars/s wall, ${M(e.barsPerSecondCpu)} M bars/s cpu`);
  console.log(`             cpu ms: setup ${e.phasesCpuMedianMs.setup}, loop ${e.phasesCpuMedianMs.loop} (${M(e.loopBarsPerSecondCpu)} M bars/s), result ${e.phasesCpuMedianMs.result}; ${e.fills} fills, ${e.trades} trades`);
  console.log(`  hand loop  median ${median(h.wallMs).toFixed(1)} ms wall, ${median(h.cpuMs).toFixed(1)} ms cpu: ${M(h.barsPerSecondWall)} M bars/s wall, ${M(h.barsPerSecondCpu)} M bars/s cpu`);
  console.log(`  ratio      ${c.ratio.wall}x wall, ${c.ratio.cpu}x cpu, loop only ${c.ratio.loopOnlyCpu}x cpu`);
  console.log(`  check      same fills: ${c.check.sameFills}, final equity diff ${c.check.finalEquityDiff}, max curve diff ${c.check.maxEquityCurveDiff}`);
  console.log(`  targets    >= 2M bars/s: wall ${c.targets.atLeast2MBarsPerSecondWall ? 'yes' : 'no'}, cpu ${c.targets.atLeast2MBarsPerSecondCpu ? 'yes' : 'no'}; ratio <= 10x: wall ${c.targets.ratioWithin10xWall ? 'yes' : 'no'}, cpu ${c.targets.ratioWithin10xCpu ? 'yes' : 'no'}`);
}
console.log(`\nmachine: ${report.machine.cpu}, ${report.machine.nproc} cores, node ${report.machine.node}, load ${report.machine.loadAverage.map((x) => x.toFixed(2)).join(' ')}`);
console.log(`wrote tools/bench/results/backtest.json and ${stamped}`);
