import type { GbmModel } from '../config';
import { cholesky, nearestCorrelation, toMatrix } from '../linalg';
import type { Rng } from '../prng';
import { LinearDrawdowns, rowOf, type ChunkBuffers, type PathModel } from './path-model';

/**
 * Geometric Brownian motion. Per step of length dt = 1/stepsPerYear each log price moves by
 * (μ − σ²/2)·dt + σ·√dt·z, the z correlated through the Cholesky factor of the correlation matrix.
 */
export function prepareGbm(model: GbmModel): PathModel {
  const n = model.assets.length;
  if (n === 0) throw new RangeError('gbm: at least one asset is needed');
  const stepsPerYear = model.stepsPerYear ?? 252;
  if (!(stepsPerYear > 0 && Number.isFinite(stepsPerYear))) throw new RangeError(`gbm: stepsPerYear must be positive, got ${stepsPerYear}`);
  const cash = model.cash ?? 0;
  const dt = 1 / stepsPerYear;
  const values = new Float64Array(n);
  const drifts = new Float64Array(n);
  const vols = new Float64Array(n);
  model.assets.forEach((a, i) => {
    for (const [name, x] of [['value', a.value], ['drift', a.drift], ['volatility', a.volatility]] as const) {
      if (!Number.isFinite(x)) throw new RangeError(`gbm: ${a.symbol} ${name} must be finite, got ${x}`);
    }
    if (a.volatility < 0) throw new RangeError(`gbm: ${a.symbol} volatility must be >= 0, got ${a.volatility}`);
    values[i] = a.value;
    drifts[i] = (a.drift - (a.volatility * a.volatility) / 2) * dt;
    vols[i] = a.volatility * Math.sqrt(dt);
  });
  const initialEquity = cash + values.reduce((s, v) => s + v, 0);
  if (!(initialEquity > 0)) throw new RangeError(`gbm: initial equity (cash + values) must be positive, got ${initialEquity}`);

  if (n === 1 && cash === 0 && values[0] > 0) return new SingleAssetGbm(drifts[0], vols[0], initialEquity);
  let factor: Float64Array = new Float64Array([1]);
  if (n > 1) {
    let correlation = model.correlation === undefined ? identity(n) : toMatrix(model.correlation, n, 'correlation');
    checkCorrelation(correlation, n);
    if (model.nearestCorrelation === true) {
      try {
        factor = cholesky(correlation, n);
      } catch {
        correlation = nearestCorrelation(correlation, n);
        factor = cholesky(correlation, n);
      }
    } else factor = cholesky(correlation, n);
  }
  return new PortfolioGbm(values, drifts, vols, factor, cash, initialEquity);
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function checkCorrelation(c: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    if (Math.abs(c[i * n + i] - 1) > 1e-9) throw new RangeError(`correlation: diagonal entry ${i} must be 1, got ${c[i * n + i]}`);
    for (let j = 0; j < n; j++) {
      if (Math.abs(c[i * n + j]) > 1 + 1e-12) throw new RangeError(`correlation: entry (${i}, ${j}) = ${c[i * n + j]} is outside [-1, 1]`);
      if (Math.abs(c[i * n + j] - c[j * n + i]) > 1e-9) throw new RangeError(`correlation: not symmetric at (${i}, ${j})`);
    }
  }
}

/** One asset, all equity in it: log levels, nothing but adds in the inner loop. */
class SingleAssetGbm implements PathModel {
  readonly scale = 'log';
  constructor(
    private readonly drift: number,
    private readonly vol: number,
    readonly initialEquity: number,
  ) {}

  simulate(rng: Rng, buffers: ChunkBuffers): void {
    const { paths: m, steps, levels, finalReturns, maxDrawdowns } = buffers;
    const drift = this.drift;
    const vol = this.vol;
    const peak = new Float64Array(m);
    const gap = new Float64Array(m);
    const shocks = new Float64Array(m);
    levels.fill(0, rowOf(buffers, 0), rowOf(buffers, 0) + m);
    for (let s = 1; s <= steps; s++) {
      const previous = rowOf(buffers, s - 1);
      const current = rowOf(buffers, s);
      rng.fillNormals(shocks);
      for (let p = 0; p < m; p++) {
        const y = levels[previous + p] + drift + vol * shocks[p];
        levels[current + p] = y;
        const top = peak[p];
        if (y > top) peak[p] = y;
        else if (top - y > gap[p]) gap[p] = top - y;
      }
    }
    const last = rowOf(buffers, steps);
    for (let p = 0; p < m; p++) {
      finalReturns[p] = Math.expm1(levels[last + p]);
      maxDrawdowns[p] = -Math.expm1(-gap[p]);
    }
  }
}

/** Several holdings (or cash beside one): each holding's value compounds, equity is their sum. */
class PortfolioGbm implements PathModel {
  readonly scale = 'linear';
  constructor(
    private readonly values: Float64Array,
    private readonly drifts: Float64Array,
    private readonly vols: Float64Array,
    /** Lower-triangular Cholesky factor, row-major. */
    private readonly factor: Float64Array,
    private readonly cash: number,
    readonly initialEquity: number,
  ) {}

  simulate(rng: Rng, buffers: ChunkBuffers): void {
    const { paths: m, steps, levels } = buffers;
    const n = this.values.length;
    const holdings = new Float64Array(m * n);
    for (let p = 0; p < m; p++) holdings.set(this.values, p * n);
    const shocks = new Float64Array(m * n);
    const drawdowns = new LinearDrawdowns(m, this.initialEquity);
    levels.fill(this.initialEquity, rowOf(buffers, 0), rowOf(buffers, 0) + m);
    for (let s = 1; s <= steps; s++) {
      const current = rowOf(buffers, s);
      rng.fillNormals(shocks);
      for (let p = 0; p < m; p++) {
        let equity = this.cash;
        const base = p * n;
        for (let i = 0; i < n; i++) {
          let z = 0;
          for (let k = 0; k <= i; k++) z += this.factor[i * n + k] * shocks[base + k];
          const v = holdings[base + i] * Math.exp(this.drifts[i] + this.vols[i] * z);
          holdings[base + i] = v;
          equity += v;
        }
        levels[current + p] = equity;
        drawdowns.observe(p, equity);
      }
    }
    drawdowns.finish(buffers, this.initialEquity);
  }
}

/**
 * Annualised GBM parameters estimated from aligned closes: σ from the sample standard deviation of
 * log returns, μ = mean log return per year + σ²/2, and the correlation of the log returns.
 */
export function gbmParametersFromCloses(
  closes: Readonly<Record<string, ArrayLike<number>>>,
  stepsPerYear = 252,
): { symbols: string[]; drift: Float64Array; volatility: Float64Array; correlation: Float64Array } {
  const symbols = Object.keys(closes);
  const n = symbols.length;
  const length = n > 0 ? closes[symbols[0]].length : 0;
  if (length < 3) throw new RangeError('gbmParametersFromCloses: need at least 3 closes per symbol');
  const returns = symbols.map((s) => {
    const c = closes[s];
    if (c.length !== length) throw new RangeError(`gbmParametersFromCloses: ${s} has ${c.length} closes, ${symbols[0]} has ${length}`);
    const r = new Float64Array(length - 1);
    for (let t = 1; t < length; t++) {
      if (!(c[t] > 0 && c[t - 1] > 0)) throw new RangeError(`gbmParametersFromCloses: ${s} close at ${c[t] > 0 ? t - 1 : t} is not positive`);
      r[t - 1] = Math.log(c[t] / c[t - 1]);
    }
    return r;
  });
  const means = returns.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
  const cov = (a: number, b: number) => {
    let s = 0;
    for (let t = 0; t < returns[a].length; t++) s += (returns[a][t] - means[a]) * (returns[b][t] - means[b]);
    return s / (returns[a].length - 1);
  };
  const drift = new Float64Array(n);
  const volatility = new Float64Array(n);
  const correlation = new Float64Array(n * n);
  const sd = symbols.map((_, i) => Math.sqrt(cov(i, i)));
  for (let i = 0; i < n; i++) {
    volatility[i] = sd[i] * Math.sqrt(stepsPerYear);
    drift[i] = means[i] * stepsPerYear + (volatility[i] * volatility[i]) / 2;
    for (let j = 0; j < n; j++) correlation[i * n + j] = i === j ? 1 : sd[i] > 0 && sd[j] > 0 ? cov(i, j) / (sd[i] * sd[j]) : 0;
  }
  return { symbols, drift, volatility, correlation };
}
