/**
 * Test helpers for the built-ins (not exported from the package): a minimal driver that feeds
 * bars to a strategy through a StrategyContext, without the backtest engine (which depends on
 * this package, not the other way round).
 */
import type { OrderIntent, SeriesView, Strategy, StrategyContext } from '../sdk';

export interface TestBars {
  readonly symbol: string;
  readonly open: readonly number[];
  readonly high: readonly number[];
  readonly low: readonly number[];
  /** NaN marks "no bar at this step" for this symbol. */
  readonly close: readonly number[];
}

export interface Decision {
  readonly step: number;
  readonly intents: readonly OrderIntent[];
}

class View implements SeriesView {
  readonly index: number[] = [];
  constructor(
    readonly symbol: string,
    private readonly bars: TestBars,
  ) {}
  get length(): number {
    return this.index.length;
  }
  private at(column: readonly number[], ago = 0): number {
    if (ago < 0) throw new RangeError('a strategy may not look ahead');
    const k = this.index.length - 1 - ago;
    return k < 0 ? NaN : column[this.index[k]];
  }
  time(ago = 0): number {
    return this.index.length - 1 - ago < 0 ? NaN : this.index[this.index.length - 1 - ago];
  }
  open(ago = 0): number {
    return this.at(this.bars.open, ago);
  }
  high(ago = 0): number {
    return this.at(this.bars.high, ago);
  }
  low(ago = 0): number {
    return this.at(this.bars.low, ago);
  }
  close(ago = 0): number {
    return this.at(this.bars.close, ago);
  }
  volume(): number {
    return 0;
  }
}

/** Runs `strategy` over aligned steps (all columns the same length); returns its non-empty answers. */
export function drive(strategy: Strategy, data: readonly TestBars[]): Decision[] {
  const views = new Map(data.map((b) => [b.symbol, new View(b.symbol, b)]));
  const steps = data[0].close.length;
  let step = 0;
  const ctx: StrategyContext = {
    get time() {
      return step;
    },
    get barIndex() {
      return step;
    },
    symbols: data.map((b) => b.symbol),
    series: (symbol) => {
      const v = views.get(symbol);
      return v && v.length > 0 ? v : undefined;
    },
    position: () => 0,
    averagePrice: () => NaN,
    cash: 100_000,
    equity: 100_000,
    openOrders: () => [],
  };
  strategy.init?.(ctx);
  const out: Decision[] = [];
  for (step = 0; step < steps; step++) {
    for (const b of data) if (!Number.isNaN(b.close[step])) views.get(b.symbol)!.index.push(step);
    const intents = strategy.onBar(ctx);
    if (intents && intents.length) out.push({ step, intents });
  }
  return out;
}

/** Deterministic bars: a geometric random walk from a small LCG (no dependency on other libs). */
export function randomWalk(symbol: string, n: number, seed: number, drift = 0): TestBars {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const close: number[] = [];
  let price = 100;
  for (let i = 0; i < n; i++) {
    const o = price * (1 + (uniform() - 0.5) * 0.004);
    const c = o * (1 + drift + (uniform() - 0.5) * 0.04);
    open.push(o);
    close.push(c);
    high.push(Math.max(o, c) * (1 + uniform() * 0.01));
    low.push(Math.min(o, c) * (1 - uniform() * 0.01));
    price = c;
  }
  return { symbol, open, high, low, close };
}
