import { maxDrawdown, quantile as riskQuantile } from '@meridian/risk';
import { chunkCount, runChunk, sharedLevelsLength, type ChunkResult } from './chunk';
import type { MonteCarloConfig, TradeResampleModel } from './config';
import { NotPositiveDefiniteError } from './linalg';
import { bandsForSteps, mergeChunks } from './merge';
import { Rng } from './prng';
import { simulate } from './simulate';

const GBM: MonteCarloConfig = {
  model: { kind: 'gbm', assets: [{ symbol: 'R_100', value: 100_000, drift: 0.08, volatility: 0.2 }] },
  paths: 3000,
  steps: 30,
  seed: 42,
  chunkSize: 700,
};

function tradePnls(count: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: count }, () => (rng.nextDouble() < 0.45 ? 150 + 250 * rng.nextDouble() : -(100 + 150 * rng.nextDouble())));
}

const TRADES: MonteCarloConfig = {
  model: { kind: 'trades', pnls: tradePnls(120, 1), initialEquity: 20_000, method: 'bootstrap' },
  paths: 2500,
  steps: 60,
  seed: 7,
  chunkSize: 600,
};

/** Every chunk's per-path values laid end to end, in path order. */
function allPaths(chunks: readonly ChunkResult[], pick: (c: ChunkResult) => Float64Array): Float64Array {
  return Float64Array.from([...chunks].sort((a, b) => a.index - b.index).flatMap((c) => Array.from(pick(c))));
}

function chunksOf(config: MonteCarloConfig): ChunkResult[] {
  return Array.from({ length: chunkCount(config) }, (_, i) => runChunk(config, i));
}

/** Equity of path p at step s, from a chunk's levels. */
function equityAt(chunk: ChunkResult, s: number, p: number): number {
  const y = (chunk.levels as Float64Array)[s * chunk.paths + p];
  return chunk.scale === 'log' ? chunk.initialEquity * Math.exp(y) : y;
}

describe('reproducibility and merging', () => {
  it('gives the same result for the same seed, and a different one for another seed', () => {
    expect(simulate(GBM)).toEqual(simulate({ ...GBM }));
    expect(simulate({ ...GBM, seed: 43 }).finalReturn.mean).not.toBe(simulate(GBM).finalReturn.mean);
  });

  it.each([
    ['GBM', GBM],
    ['trade bootstrap', TRADES],
  ])('%s: chunks run by 4 workers in any order merge to the 1-worker result, bit for bit', (_name, config) => {
    const oneWorker = simulate(config);
    // Four "workers", each with its own structured clone of the config (as postMessage gives it),
    // taking chunks round-robin; results arrive interleaved.
    const count = chunkCount(config);
    const workers = Array.from({ length: 4 }, () => structuredClone(config));
    const arrived: ChunkResult[] = [];
    for (let i = count - 1; i >= 0; i--) arrived.push(structuredClone(runChunk(workers[i % 4], i)));
    expect(mergeChunks(config, arrived)).toEqual(oneWorker);
    // A single chunk computed again on its own equals the same chunk of the full run.
    expect(runChunk(structuredClone(config), 2)).toEqual(runChunk(config, 2));
  });

  it.each([
    ['GBM', GBM],
    ['trade bootstrap', TRADES],
  ])('%s: chunks writing into one shared matrix, bands by step ranges, equal the 1-worker result', (_name, config) => {
    const oneWorker = simulate(config);
    const shared = new Float64Array(new SharedArrayBuffer(8 * sharedLevelsLength(config)));
    const count = chunkCount(config);
    const chunks = Array.from({ length: count }, (_, i) => runChunk(config, count - 1 - i, shared));
    expect(chunks.every((c) => c.levels === null)).toBe(true);
    // Uneven step ranges, in any order, as workers would return them.
    const steps = config.steps + 1;
    const cuts = [0, 1, Math.floor(steps / 3), steps - 2, steps];
    const slices = cuts.slice(1).map((to, i) => bandsForSteps(config, shared, cuts[i], to)).reverse();
    expect(mergeChunks(config, chunks, { bands: slices })).toEqual(oneWorker);
    expect(mergeChunks(config, chunks, { sharedLevels: shared })).toEqual(oneWorker);
    expect(() => mergeChunks(config, chunks)).toThrow('the chunks wrote their levels into a shared matrix');
    expect(() => mergeChunks(config, chunks, { bands: slices.slice(1) })).toThrow(/band slices/);
  });

  it('refuses a merge with a chunk missing, doubled, or from another config', () => {
    const chunks = chunksOf(GBM);
    expect(() => mergeChunks(GBM, chunks.slice(1))).toThrow('expected 5 chunks, got 4');
    expect(() => mergeChunks(GBM, [chunks[0], ...chunks.slice(0, 4)])).toThrow('chunk 1 is missing (or another is duplicated)');
    const other = runChunk({ ...GBM, steps: 10 }, 0);
    expect(() => mergeChunks(GBM, [other, ...chunks.slice(1)])).toThrow('chunk 0 belongs to another config');
  });

  it('checks the config with clear messages', () => {
    expect(() => simulate({ ...GBM, paths: 0 })).toThrow('paths must be an integer in [1, 9007199254740991], got 0');
    expect(() => simulate({ ...GBM, seed: 1.5 })).toThrow('seed must be an integer, got 1.5');
    expect(() => simulate({ ...GBM, bandProbabilities: [0.5, 1.2] })).toThrow('bandProbabilities: 1.2 is not a probability in [0, 1]');
    expect(() => runChunk(GBM, 5)).toThrow('chunk index must be an integer in [0, 4], got 5');
    expect(() => simulate({ ...TRADES, model: { kind: 'trades', pnls: [1, 2], initialEquity: 10, method: 'shuffle' } })).toThrow(
      'trades: shuffle reorders all 2 trades, so steps must be 2, got 60',
    );
    expect(() => simulate({ ...GBM, model: { kind: 'returns', returns: [0.01, -1.5], blockLength: 1 } })).toThrow(
      'returns: return 1 must be a finite number > -1, got -1.5',
    );
  });
});

describe('outputs', () => {
  const chunks = chunksOf(TRADES);
  const result = mergeChunks(TRADES, chunks);

  it('equity bands are the type-7 quantiles (checked with @meridian/risk) of all paths at every step', () => {
    const bands = result.equityBands;
    if (bands === null) throw new Error('no bands');
    expect(bands.probabilities).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    for (let s = 0; s <= TRADES.steps; s++) {
      const equities = Float64Array.from(chunks.flatMap((c) => Array.from({ length: c.paths }, (_, p) => equityAt(c, s, p))));
      bands.probabilities.forEach((prob, b) => expect(bands.values[b][s]).toBe(riskQuantile(equities, prob)));
    }
    expect(bands.values.every((v) => v[0] === 20_000)).toBe(true);
  });

  it('the same holds for log-scale models (bands of equity, not of log equity)', () => {
    const gbmChunks = chunksOf(GBM);
    const gbm = mergeChunks(GBM, gbmChunks);
    for (const s of [1, 15, 30]) {
      const equities = Float64Array.from(gbmChunks.flatMap((c) => Array.from({ length: c.paths }, (_, p) => equityAt(c, s, p))));
      gbm.equityBands?.probabilities.forEach((prob, b) => expect(gbm.equityBands?.values[b][s]).toBe(riskQuantile(equities, prob)));
    }
  });

  it('maximum drawdowns agree with @meridian/risk maxDrawdown of each path (PerformanceAnalytics convention)', () => {
    for (const chunk of [chunks[0], chunks[3]]) {
      for (let p = 0; p < chunk.paths; p += 97) {
        const returns = new Float64Array(TRADES.steps);
        for (let s = 1; s <= TRADES.steps; s++) returns[s - 1] = equityAt(chunk, s, p) / equityAt(chunk, s - 1, p) - 1;
        expect(chunk.maxDrawdowns[p]).toBeCloseTo(maxDrawdown(returns), 12);
        expect(chunk.finalReturns[p]).toBeCloseTo(equityAt(chunk, TRADES.steps, p) / 20_000 - 1, 12);
      }
    }
  });

  it('distributions: percentiles, moments, histogram and loss probabilities over all paths', () => {
    const finals = allPaths(chunks, (c) => c.finalReturns);
    const drawdowns = allPaths(chunks, (c) => c.maxDrawdowns);
    result.finalReturn.percentiles.forEach(({ probability, value }) => expect(value).toBe(riskQuantile(finals, probability)));
    result.maxDrawdown.percentiles.forEach(({ probability, value }) => expect(value).toBe(riskQuantile(drawdowns, probability)));
    expect(result.finalReturn.mean).toBeCloseTo(finals.reduce((a, b) => a + b, 0) / finals.length, 12);
    expect(result.finalReturn.min).toBe(Math.min(...finals));
    expect(result.maxDrawdown.max).toBe(Math.max(...drawdowns));
    expect(result.finalReturn.histogram.counts.reduce((a, b) => a + b, 0)).toBe(TRADES.paths);
    for (const { threshold, finalLoss, maxDrawdown: ddProbability } of result.lossProbabilities) {
      expect(finalLoss).toBe(finals.filter((r) => r < -threshold).length / TRADES.paths);
      expect(ddProbability).toBe(drawdowns.filter((d) => d > threshold).length / TRADES.paths);
    }
    // Bootstrapped trades: the mean final return is steps × mean P&L / equity.
    const pnls = Array.from((TRADES.model as TradeResampleModel).pnls);
    const meanPnl = pnls.reduce((a, b) => a + b, 0) / pnls.length;
    const sdFinal = result.finalReturn.stdDev;
    expect(Math.abs(result.finalReturn.mean - (60 * meanPnl) / 20_000)).toBeLessThan((4 * sdFinal) / Math.sqrt(TRADES.paths));
  });

  it('leaves the bands out on request, with the same distributions', () => {
    const without = simulate({ ...TRADES, equityBands: false });
    expect(without.equityBands).toBeNull();
    expect(without.finalReturn).toEqual(result.finalReturn);
    expect(without.maxDrawdown).toEqual(result.maxDrawdown);
  });
});

describe('GBM', () => {
  it('log returns have mean (μ − σ²/2)·T and variance σ²·T', () => {
    const mu = 0.1;
    const sigma = 0.3;
    const steps = 21;
    const config: MonteCarloConfig = {
      model: { kind: 'gbm', assets: [{ symbol: 'X', value: 1, drift: mu, volatility: sigma }] },
      paths: 200_000,
      steps,
      seed: 11,
      equityBands: false,
      chunkSize: 50_000,
    };
    const logReturns = allPaths(chunksOf(config), (c) => c.finalReturns).map(Math.log1p);
    const n = logReturns.length;
    const T = steps / 252;
    const mean = logReturns.reduce((a, b) => a + b, 0) / n;
    const variance = logReturns.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const expectedMean = (mu - (sigma * sigma) / 2) * T;
    const expectedVariance = sigma * sigma * T;
    expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVariance / n));
    // Var of a sample variance of normals: 2σ⁴/(n − 1).
    expect(Math.abs(variance - expectedVariance)).toBeLessThan(4 * Math.sqrt((2 * expectedVariance ** 2) / (n - 1)));
    // E[S_T / S_0] = e^{μT}.
    const growth = logReturns.reduce((a, b) => a + Math.exp(b), 0) / n;
    expect(growth).toBeCloseTo(Math.exp(mu * T), 2);
  });

  it('recovers the correlations and volatilities it was given', () => {
    const correlation = [
      [1, 0.6, -0.3],
      [0.6, 1, 0.2],
      [-0.3, 0.2, 1],
    ];
    const vols = [0.2, 0.35, 0.1];
    // One holding of 1 at a time (the others 0, plus cash): the same draws, so path p of run i is
    // asset i's path under the shared shocks.
    const runFor = (i: number) =>
      runChunk(
        {
          model: {
            kind: 'gbm',
            assets: vols.map((v, k) => ({ symbol: `S${k}`, value: k === i ? 1 : 0, drift: 0.05, volatility: v })),
            correlation,
            cash: 1,
          },
          paths: 60_000,
          steps: 1,
          seed: 3,
          chunkSize: 60_000,
          equityBands: false,
        },
        0,
      );
    const logReturns = [0, 1, 2].map((i) => runFor(i).finalReturns.map((r) => Math.log(2 * (1 + r) - 1)));
    const stats = logReturns.map((x) => {
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
      return { mean, sd };
    });
    stats.forEach(({ sd }, i) => expect(Math.abs(sd * Math.sqrt(252) - vols[i]) / vols[i]).toBeLessThan(0.015));
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j < 3; j++) {
        let c = 0;
        for (let p = 0; p < logReturns[i].length; p++) c += (logReturns[i][p] - stats[i].mean) * (logReturns[j][p] - stats[j].mean);
        const rho = c / (logReturns[i].length - 1) / (stats[i].sd * stats[j].sd);
        expect(Math.abs(rho - correlation[i][j])).toBeLessThan(0.015);
      }
    }
  });

  it('refuses a correlation matrix that is not positive definite, or repairs it on request', () => {
    const inconsistent = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    const config: MonteCarloConfig = {
      model: {
        kind: 'gbm',
        assets: ['A', 'B', 'C'].map((symbol) => ({ symbol, value: 100, drift: 0.05, volatility: 0.2 })),
        correlation: inconsistent,
      },
      paths: 1000,
      steps: 5,
      seed: 1,
    };
    expect(() => simulate(config)).toThrow(NotPositiveDefiniteError);
    expect(() => simulate(config)).toThrow(/correlation matrix is not positive definite \(pivot 2 is .*\).*nearestCorrelation: true/);
    const repaired = simulate({ ...config, model: { ...config.model, nearestCorrelation: true } as MonteCarloConfig['model'] });
    expect(Number.isFinite(repaired.finalReturn.mean)).toBe(true);
    expect(() => simulate({ ...config, model: { ...config.model, correlation: [[1, 2, 0], [2, 1, 0], [0, 0, 1]] } as MonteCarloConfig['model'] })).toThrow(
      'correlation: entry (0, 1) = 2 is outside [-1, 1]',
    );
  });
});

describe('bootstraps', () => {
  it('trade shuffle keeps the total (same final return on every path) and varies the drawdowns', () => {
    const pnls = tradePnls(50, 9);
    const result = simulate({ model: { kind: 'trades', pnls, initialEquity: 10_000, method: 'shuffle' }, paths: 2000, steps: 50, seed: 1 });
    const total = pnls.reduce((a, b) => a + b, 0) / 10_000;
    expect(result.finalReturn.min).toBeCloseTo(total, 10);
    expect(result.finalReturn.max).toBeCloseTo(total, 10);
    expect(result.maxDrawdown.max).toBeGreaterThan(result.maxDrawdown.min);
  });

  it('a block as long as the series makes each path a rotation of it: the same compounded return', () => {
    const returns = [0.01, -0.02, 0.015, 0.03, -0.01, 0.005];
    const result = simulate({ model: { kind: 'returns', returns, blockLength: 6 }, paths: 500, steps: 6, seed: 2 });
    const compounded = returns.reduce((w, r) => w * (1 + r), 1) - 1;
    expect(result.finalReturn.min).toBeCloseTo(compounded, 12);
    expect(result.finalReturn.max).toBeCloseTo(compounded, 12);
  });

  it('an iid bootstrap of returns has the mean log growth of the returns', () => {
    const rng = new Rng(4);
    const returns = Float64Array.from({ length: 500 }, () => 0.0005 + 0.01 * rng.nextNormal());
    const meanLog = returns.reduce((a, r) => a + Math.log1p(r), 0) / returns.length;
    const chunks = chunksOf({ model: { kind: 'returns', returns, blockLength: 1 }, paths: 20_000, steps: 20, seed: 5, equityBands: false });
    const logs = allPaths(chunks, (c) => c.finalReturns).map(Math.log1p);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    expect(Math.abs(mean - 20 * meanLog)).toBeLessThan(4 * ((0.01 * Math.sqrt(20)) / Math.sqrt(logs.length)));
  });

  it('portfolio rows keep the co-movement: two exactly opposite symbols hedge each other on every path', () => {
    const rng = new Rng(8);
    const a = Float64Array.from({ length: 250 }, () => 0.02 * rng.nextNormal());
    const b = a.map((r) => -r);
    const result = simulate({
      model: { kind: 'portfolio-returns', returns: { A: a, B: b }, holdings: { A: 5000, B: 5000 } },
      paths: 1000,
      steps: 1,
      seed: 3,
    });
    expect(result.finalReturn.min).toBeCloseTo(0, 12);
    expect(result.finalReturn.max).toBeCloseTo(0, 12);
    // With several steps the hedge drifts (buy and hold), but the first step stays exact.
    const longer = simulate({ model: { kind: 'portfolio-returns', returns: { A: a, B: b }, holdings: { A: 5000, B: 5000 }, blockLength: 5 }, paths: 1000, steps: 20, seed: 3 });
    expect(longer.equityBands?.values.every((band) => band[1] === 10_000 || Math.abs(band[1] - 10_000) < 1e-9)).toBe(true);
  });
});
