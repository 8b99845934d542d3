import type { Rng } from '../prng';

/**
 * Where a model writes one chunk of paths. `levels` is step-major: step s of the chunk's path p is
 * levels[s·rowStride + firstColumn + p], so that the inner loop over paths writes memory in order.
 * The rows are the chunk's own (rowStride = paths) or rows of a matrix shared by every chunk of the
 * run (rowStride = all paths, firstColumn = the chunk's first path). Without equity bands there
 * are only two rows, used alternately.
 */
export interface ChunkBuffers {
  readonly paths: number;
  readonly steps: number;
  readonly levels: Float64Array;
  readonly rowStride: number;
  readonly firstColumn: number;
  /** True when `levels` holds every step (bands), false when it is two alternating rows. */
  readonly keepsAllSteps: boolean;
  /** Final equity / initial equity − 1, per path. */
  readonly finalReturns: Float64Array;
  /** Largest fall from a running peak, as a positive fraction of the peak, per path. */
  readonly maxDrawdowns: Float64Array;
}

/** Offset in `levels` of the chunk's first path at step s. */
export function rowOf(buffers: ChunkBuffers, step: number): number {
  return (buffers.keepsAllSteps ? step : step & 1) * buffers.rowStride + buffers.firstColumn;
}

/**
 * A prepared simulation model. Levels are either the log of equity / initial equity ('log': the
 * inner loops then add instead of multiply and call no exp) or equity itself ('linear').
 */
export interface PathModel {
  readonly scale: 'log' | 'linear';
  readonly initialEquity: number;
  simulate(rng: Rng, buffers: ChunkBuffers): void;
}

/** Tracks the running peak and deepest fall of linear equity levels, path by path. */
export class LinearDrawdowns {
  private readonly peak: Float64Array;
  private readonly deepest: Float64Array;

  constructor(paths: number, initialEquity: number) {
    this.peak = new Float64Array(paths).fill(initialEquity);
    this.deepest = new Float64Array(paths);
  }

  observe(path: number, equity: number): void {
    const top = this.peak[path];
    if (equity > top) this.peak[path] = equity;
    else {
      const fall = (top - equity) / top;
      if (fall > this.deepest[path]) this.deepest[path] = fall;
    }
  }

  /** Writes final returns and maximum drawdowns from the last row of levels. */
  finish(buffers: ChunkBuffers, initialEquity: number): void {
    const last = rowOf(buffers, buffers.steps);
    for (let p = 0; p < buffers.paths; p++) {
      buffers.finalReturns[p] = buffers.levels[last + p] / initialEquity - 1;
      buffers.maxDrawdowns[p] = this.deepest[p];
    }
  }
}
