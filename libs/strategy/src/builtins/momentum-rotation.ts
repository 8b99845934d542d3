import { RocStream } from '@meridian/indicators';
import type { OrderIntent, ParamValues, Strategy, StrategyContext, StrategyDefinition } from '../sdk';
import { parseParams, type ParamRelation } from './params';

const params = {
  lookback: { type: 'integer', default: 20, min: 1, max: 1000, description: 'bars of the rate of change that ranks the symbols' },
  topK: { type: 'integer', default: 1, min: 1, max: 1000, description: 'how many of the strongest symbols to hold' },
  rebalanceEvery: { type: 'integer', default: 20, min: 1, max: 10000, description: 'bars between rebalances' },
  percent: { type: 'number', default: 1, min: 0.001, max: 10, description: 'fraction of equity invested in total, split equally among the holdings' },
  absoluteMomentum: { type: 'boolean', default: false, description: 'hold only symbols whose rate of change is positive (the rest stays in cash)' },
} as const;

const relations: readonly ParamRelation[] = [];

interface Settings {
  readonly lookback: number;
  readonly topK: number;
  readonly rebalanceEvery: number;
  readonly percent: number;
  readonly absoluteMomentum: boolean;
}

const TAG = 'momentum-rotation';

/**
 * Every `rebalanceEvery` bars (counted from the first bar after the warm-up) ranks the symbols by
 * their `lookback`-bar rate of change (ROC, discrete) and targets `percent / topK` of equity in
 * each of the `topK` strongest, 0 in the others. Ties go to the symbol listed first. A symbol
 * without enough history yet is not ranked.
 */
class MomentumRotation implements Strategy {
  private symbols: readonly string[] = [];
  private rocs: RocStream[] = [];
  private momentum = new Float64Array(0);
  private seen = new Int32Array(0);
  private held = new Uint8Array(0);
  private ready = false;

  constructor(private readonly s: Settings) {}

  init(ctx: StrategyContext): void {
    this.symbols = ctx.symbols.slice();
    const n = this.symbols.length;
    this.rocs = this.symbols.map(() => new RocStream(this.s.lookback, { type: 'discrete' }));
    this.momentum = new Float64Array(n).fill(NaN);
    this.seen = new Int32Array(n);
    this.held = new Uint8Array(n);
    this.ready = true;
  }

  onBar(ctx: StrategyContext): readonly OrderIntent[] | void {
    if (!this.ready) this.init(ctx);
    for (let i = 0; i < this.symbols.length; i++) {
      const bar = ctx.series(this.symbols[i]);
      if (bar === undefined || bar.length === this.seen[i]) continue;
      this.seen[i] = bar.length;
      this.momentum[i] = this.rocs[i].update(bar.close());
    }
    const sinceWarmup = ctx.barIndex - this.s.lookback;
    if (sinceWarmup < 0 || sinceWarmup % this.s.rebalanceEvery !== 0) return;
    return this.rebalance();
  }

  private rebalance(): OrderIntent[] {
    const ranked: number[] = [];
    for (let i = 0; i < this.symbols.length; i++) {
      const m = this.momentum[i];
      if (m === m && (!this.s.absoluteMomentum || m > 0)) ranked.push(i);
    }
    ranked.sort((a, b) => this.momentum[b] - this.momentum[a] || a - b);
    const chosen = new Set(ranked.slice(0, this.s.topK));
    const weight = this.s.percent / this.s.topK;
    const out: OrderIntent[] = [];
    for (let i = 0; i < this.symbols.length; i++) {
      if (chosen.has(i)) out.push({ kind: 'target-percent', symbol: this.symbols[i], percent: weight, tag: TAG });
      else if (this.held[i]) out.push({ kind: 'target-percent', symbol: this.symbols[i], percent: 0, tag: TAG });
      this.held[i] = chosen.has(i) ? 1 : 0;
    }
    return out;
  }
}

/** Momentum rotation across the run's symbols: hold the top-k by rate of change, rebalanced every n bars. */
export const momentumRotation = {
  id: 'momentum-rotation',
  name: 'Momentum rotation',
  description: 'Holds the k symbols with the highest rate of change over the look-back, in equal weights, rebalanced every n bars.',
  params,
  relations,
  warmup: (values: ParamValues) => parseParams(params, values, relations)['lookback'] as number,
  create(values: ParamValues) {
    const p = parseParams(params, values, relations);
    return new MomentumRotation({
      lookback: p['lookback'] as number,
      topK: p['topK'] as number,
      rebalanceEvery: p['rebalanceEvery'] as number,
      percent: p['percent'] as number,
      absoluteMomentum: p['absoluteMomentum'] as boolean,
    });
  },
} satisfies StrategyDefinition & { relations: readonly ParamRelation[] };
