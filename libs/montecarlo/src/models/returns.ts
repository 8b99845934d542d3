import type { ReturnsBootstrapModel } from '../config';
import type { Rng } from '../prng';
import { rowOf, type ChunkBuffers, type PathModel } from './path-model';

/**
 * Circular block bootstrap of period returns (Politis & Romano): a path is made of blocks of
 * `blockLength` consecutive returns, each block starting at a random period and wrapping around the
 * end, so every return is equally likely to be drawn. Works on log(1 + r) so that compounding is
 * an addition.
 */
export function prepareReturnsBootstrap(model: ReturnsBootstrapModel): PathModel {
  const n = model.returns.length;
  if (n === 0) throw new RangeError('returns: at least one return is needed');
  if (n > 2 ** 21) throw new RangeError(`returns: at most ${2 ** 21} returns, got ${n}`);
  const logGrowth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = model.returns[i];
    if (!(r > -1 && Number.isFinite(r))) throw new RangeError(`returns: return ${i} must be a finite number > -1, got ${r}`);
    logGrowth[i] = Math.log1p(r);
  }
  const blockLength = model.blockLength;
  if (!Number.isInteger(blockLength) || blockLength < 1 || blockLength > n) {
    throw new RangeError(`returns: blockLength must be an integer in [1, ${n}], got ${blockLength}`);
  }
  const initialEquity = model.initialEquity ?? 1;
  if (!(initialEquity > 0 && Number.isFinite(initialEquity))) throw new RangeError(`returns: initialEquity must be positive, got ${initialEquity}`);
  return new BlockBootstrap(logGrowth, blockLength, initialEquity);
}

class BlockBootstrap implements PathModel {
  readonly scale = 'log';
  constructor(
    private readonly logGrowth: Float64Array,
    private readonly blockLength: number,
    readonly initialEquity: number,
  ) {}

  simulate(rng: Rng, buffers: ChunkBuffers): void {
    const { paths: m, steps, levels, finalReturns, maxDrawdowns } = buffers;
    const growth = this.logGrowth;
    const count = growth.length;
    const blockLength = this.blockLength;
    const position = new Int32Array(m);
    const peak = new Float64Array(m);
    const gap = new Float64Array(m);
    levels.fill(0, rowOf(buffers, 0), rowOf(buffers, 0) + m);
    for (let s = 1; s <= steps; s++) {
      const previous = rowOf(buffers, s - 1);
      const current = rowOf(buffers, s);
      if ((s - 1) % blockLength === 0) rng.fillBelow(position, count);
      else {
        for (let p = 0; p < m; p++) position[p] = position[p] + 1 === count ? 0 : position[p] + 1;
      }
      for (let p = 0; p < m; p++) {
        const at = position[p];
        const y = levels[previous + p] + growth[at];
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
