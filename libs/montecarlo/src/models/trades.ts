import type { TradeResampleModel } from '../config';
import type { Rng } from '../prng';
import { LinearDrawdowns, rowOf, type ChunkBuffers, type PathModel } from './path-model';

/** Largest number of trades resampled by index (see Rng.nextBelow). */
const MAX_TRADES = 2 ** 21;

/** Resampling closed trades: each path adds trade P&Ls to the initial equity, one per step. */
export function prepareTrades(model: TradeResampleModel, steps: number): PathModel {
  const pnls = Float64Array.from(model.pnls);
  if (pnls.length === 0) throw new RangeError('trades: at least one trade P&L is needed');
  if (pnls.length > MAX_TRADES) throw new RangeError(`trades: at most ${MAX_TRADES} trades, got ${pnls.length}`);
  for (let i = 0; i < pnls.length; i++) if (!Number.isFinite(pnls[i])) throw new RangeError(`trades: P&L ${i} is not finite`);
  if (!(model.initialEquity > 0 && Number.isFinite(model.initialEquity))) {
    throw new RangeError(`trades: initialEquity must be positive, got ${model.initialEquity}`);
  }
  if (model.method === 'shuffle') {
    if (steps !== pnls.length) throw new RangeError(`trades: shuffle reorders all ${pnls.length} trades, so steps must be ${pnls.length}, got ${steps}`);
    return new ShuffledTrades(pnls, model.initialEquity);
  }
  if (model.method !== 'bootstrap') throw new RangeError(`trades: method must be "bootstrap" or "shuffle", got ${String(model.method)}`);
  return new BootstrappedTrades(pnls, model.initialEquity);
}

class BootstrappedTrades implements PathModel {
  readonly scale = 'linear';
  constructor(
    private readonly pnls: Float64Array,
    readonly initialEquity: number,
  ) {}

  simulate(rng: Rng, buffers: ChunkBuffers): void {
    const { paths: m, steps, levels } = buffers;
    const pnls = this.pnls;
    const count = pnls.length;
    const drawdowns = new LinearDrawdowns(m, this.initialEquity);
    const picks = new Int32Array(m);
    levels.fill(this.initialEquity, rowOf(buffers, 0), rowOf(buffers, 0) + m);
    for (let s = 1; s <= steps; s++) {
      const previous = rowOf(buffers, s - 1);
      const current = rowOf(buffers, s);
      rng.fillBelow(picks, count);
      for (let p = 0; p < m; p++) {
        const equity = levels[previous + p] + pnls[picks[p]];
        levels[current + p] = equity;
        drawdowns.observe(p, equity);
      }
    }
    drawdowns.finish(buffers, this.initialEquity);
  }
}

/** Every path is a random permutation of all the trades (Fisher–Yates). */
class ShuffledTrades implements PathModel {
  readonly scale = 'linear';
  constructor(
    private readonly pnls: Float64Array,
    readonly initialEquity: number,
  ) {}

  simulate(rng: Rng, buffers: ChunkBuffers): void {
    const { paths: m, steps, levels } = buffers;
    const order = Float64Array.from(this.pnls);
    const drawdowns = new LinearDrawdowns(m, this.initialEquity);
    levels.fill(this.initialEquity, rowOf(buffers, 0), rowOf(buffers, 0) + m);
    for (let p = 0; p < m; p++) {
      // Shuffling the previous path's order is as random as shuffling the original.
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.nextBelow(i + 1);
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      let equity = this.initialEquity;
      for (let s = 1; s <= steps; s++) {
        equity += order[s - 1];
        levels[rowOf(buffers, s) + p] = equity;
        drawdowns.observe(p, equity);
      }
    }
    drawdowns.finish(buffers, this.initialEquity);
  }
}
