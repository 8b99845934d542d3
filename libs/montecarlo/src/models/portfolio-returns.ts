import type { PortfolioBootstrapModel } from '../config';
import type { Rng } from '../prng';
import { LinearDrawdowns, rowOf, type ChunkBuffers, type PathModel } from './path-model';

/**
 * Bootstrap of whole rows of historical returns (circular blocks of rows): each step applies
 * every symbol's return of one past period, so the symbols keep the co-movement they had.
 * Holdings compound (buy and hold); equity = cash + Σ holdings.
 */
export function preparePortfolioBootstrap(model: PortfolioBootstrapModel): PathModel {
  const symbols = Object.keys(model.holdings);
  if (symbols.length === 0) throw new RangeError('portfolio-returns: at least one holding is needed');
  const n = symbols.length;
  const first = model.returns[symbols[0]];
  if (first === undefined) throw new RangeError(`portfolio-returns: no returns for ${symbols[0]}`);
  const periods = first.length;
  if (periods === 0 || periods > 2 ** 21) throw new RangeError(`portfolio-returns: need 1 to ${2 ** 21} periods of returns, got ${periods}`);
  // Row-major growth factors: rows[t·n + i] = 1 + r_i(t).
  const rows = new Float64Array(periods * n);
  const values = new Float64Array(n);
  symbols.forEach((symbol, i) => {
    const column = model.returns[symbol];
    if (column === undefined) throw new RangeError(`portfolio-returns: no returns for ${symbol}`);
    if (column.length !== periods) throw new RangeError(`portfolio-returns: ${symbol} has ${column.length} returns, ${symbols[0]} has ${periods}`);
    for (let t = 0; t < periods; t++) {
      const r = column[t];
      if (!(r >= -1 && Number.isFinite(r))) throw new RangeError(`portfolio-returns: ${symbol} return ${t} must be a finite number >= -1, got ${r}`);
      rows[t * n + i] = 1 + r;
    }
    const v = model.holdings[symbol];
    if (!Number.isFinite(v)) throw new RangeError(`portfolio-returns: holding ${symbol} must be finite, got ${v}`);
    values[i] = v;
  });
  const cash = model.cash ?? 0;
  const initialEquity = cash + values.reduce((s, v) => s + v, 0);
  if (!(initialEquity > 0)) throw new RangeError(`portfolio-returns: initial equity (cash + holdings) must be positive, got ${initialEquity}`);
  const blockLength = model.blockLength ?? 1;
  if (!Number.isInteger(blockLength) || blockLength < 1 || blockLength > periods) {
    throw new RangeError(`portfolio-returns: blockLength must be an integer in [1, ${periods}], got ${blockLength}`);
  }
  return new RowBootstrap(rows, periods, values, cash, blockLength, initialEquity);
}

class RowBootstrap implements PathModel {
  readonly scale = 'linear';
  constructor(
    private readonly rows: Float64Array,
    private readonly periods: number,
    private readonly values: Float64Array,
    private readonly cash: number,
    private readonly blockLength: number,
    readonly initialEquity: number,
  ) {}

  simulate(rng: Rng, buffers: ChunkBuffers): void {
    const { paths: m, steps, levels } = buffers;
    const n = this.values.length;
    const rows = this.rows;
    const holdings = new Float64Array(m * n);
    for (let p = 0; p < m; p++) holdings.set(this.values, p * n);
    const position = new Int32Array(m);
    const drawdowns = new LinearDrawdowns(m, this.initialEquity);
    levels.fill(this.initialEquity, rowOf(buffers, 0), rowOf(buffers, 0) + m);
    for (let s = 1; s <= steps; s++) {
      const current = rowOf(buffers, s);
      if ((s - 1) % this.blockLength === 0) rng.fillBelow(position, this.periods);
      else {
        for (let p = 0; p < m; p++) position[p] = position[p] + 1 === this.periods ? 0 : position[p] + 1;
      }
      for (let p = 0; p < m; p++) {
        const at = position[p];
        let equity = this.cash;
        const base = p * n;
        const row = at * n;
        for (let i = 0; i < n; i++) {
          const v = holdings[base + i] * rows[row + i];
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
