/** Test helpers (not exported from the package). */
import type { OrderIntent, StrategyContext, StrategyDefinition } from '@meridian/strategy';
import type { BacktestInput, SymbolBars } from './types';

/** [time, open, high, low, close] rows → columns (volume 100). */
export function ohlc(symbol: string, rows: ReadonlyArray<readonly [number, number, number, number, number]>): SymbolBars {
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
  return { symbol, time: col(0), open: col(1), high: col(2), low: col(3), close: col(4), volume: new Float64Array(rows.length).fill(100) };
}

/** Flat bars at `price` (open = high = low = close) at times 0..n-1 (or the given times). */
export function flat(symbol: string, n: number, price = 100, times?: readonly number[]): SymbolBars {
  return ohlc(
    symbol,
    Array.from({ length: n }, (_, i) => [times ? times[i] : i, price, price, price, price] as const),
  );
}

export function input(symbols: SymbolBars[], extra: Partial<BacktestInput> = {}): BacktestInput {
  return { symbols, initialCash: 10_000, ...extra };
}

/**
 * A strategy that answers given intents at given steps (a function of the context for intents that
 * depend on it), and records what it saw.
 */
export function scripted(
  script: Record<number, OrderIntent[] | ((ctx: StrategyContext) => OrderIntent[] | void)>,
  warmup = 0,
): StrategyDefinition & { seen: Array<{ step: number; time: number; cash: number; equity: number; lengths: number[] }> } {
  const seen: Array<{ step: number; time: number; cash: number; equity: number; lengths: number[] }> = [];
  return {
    id: 'scripted',
    name: 'scripted',
    description: 'answers a fixed script',
    params: {},
    seen,
    warmup: () => warmup,
    create: () => ({
      onBar(ctx) {
        seen.push({
          step: ctx.barIndex,
          time: ctx.time,
          cash: ctx.cash,
          equity: ctx.equity,
          lengths: ctx.symbols.map((s) => ctx.series(s)?.length ?? 0),
        });
        const entry = script[ctx.barIndex];
        return typeof entry === 'function' ? entry(ctx) : entry;
      },
    }),
  };
}

/** Deterministic OHLC bars (geometric random walk with gaps) from a small LCG. */
export function walkBars(symbol: string, n: number, seed: number, times?: Float64Array): SymbolBars {
  let state = seed >>> 0 || 1;
  const u = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const bars: SymbolBars = {
    symbol,
    time: times ?? Float64Array.from({ length: n }, (_, i) => 86_400_000 * i),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n).fill(1000),
  };
  let price = 100;
  for (let i = 0; i < n; i++) {
    const o = price * (1 + (u() - 0.5) * 0.01);
    const c = o * (1 + (u() - 0.5) * 0.04);
    bars.open[i] = o;
    bars.close[i] = c;
    bars.high[i] = Math.max(o, c) * (1 + u() * 0.01);
    bars.low[i] = Math.min(o, c) * (1 - u() * 0.01);
    price = c;
  }
  return bars;
}
