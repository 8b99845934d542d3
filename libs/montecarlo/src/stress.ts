/**
 * Stress tests of the current portfolio: what each position would gain or lose under a scenario.
 * A scenario is a move per symbol (a fraction of the current price); P&L = quantity × price × move.
 *
 * - historical windows: the worst n-period windows of the price history for today's positions,
 *   or the moves over a named time range;
 * - hypothetical shocks: a given move per symbol, or one for all;
 * - volatility scaled: the history with each symbol's log returns stretched around their mean,
 *   then its worst n-period window;
 * - correlations all one: every symbol makes its own extreme n-period move (a quantile of its own
 *   history) in the same direction at once, the worse of all-down and all-up.
 */
import { quantileSorted } from './quantile';

export interface StressPosition {
  readonly symbol: string;
  /** Signed quantity (negative = short). */
  readonly quantity: number;
  /** Current price. */
  readonly price: number;
}

/** Closes per symbol aligned by time (every array the same length), oldest first. */
export interface PriceHistory {
  readonly closes: Readonly<Record<string, ArrayLike<number>>>;
  /** Bar times (epoch ms), same length as the closes; needed for date ranges. */
  readonly times?: ArrayLike<number>;
}

export interface PositionImpact {
  readonly symbol: string;
  readonly quantity: number;
  readonly price: number;
  /** quantity × price before the move. */
  readonly marketValue: number;
  /** The symbol's price move in the scenario (−0.1 = falls 10 %). */
  readonly move: number;
  readonly pnl: number;
}

export interface StressWindow {
  /** Indices into the history: the move is close[end] / close[start] − 1. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startTime?: number;
  readonly endTime?: number;
}

export interface StressResult {
  readonly scenario: StressScenario['kind'];
  /** One line for people: what was assumed. */
  readonly label: string;
  readonly positions: readonly PositionImpact[];
  readonly totalPnl: number;
  /** Total P&L / gross exposure before the move (NaN without exposure). */
  readonly returnOnGross: number;
  readonly window?: StressWindow;
}

export type StressScenario =
  | { readonly kind: 'historical-worst'; readonly periods: number; readonly count?: number }
  | { readonly kind: 'historical-range'; readonly from: number; readonly to: number; readonly label?: string }
  | { readonly kind: 'shock'; readonly moves?: Readonly<Record<string, number>>; readonly all?: number; readonly label?: string }
  | { readonly kind: 'volatility'; readonly factor: number; readonly periods: number }
  | { readonly kind: 'correlation-one'; readonly periods: number; readonly quantile?: number };

/** Runs each scenario; 'historical-worst' may give several results (its `count` worst windows). */
export function runStressScenarios(positions: readonly StressPosition[], history: PriceHistory, scenarios: readonly StressScenario[]): StressResult[] {
  return scenarios.flatMap((scenario): StressResult[] => {
    switch (scenario.kind) {
      case 'historical-worst':
        return worstHistoricalWindows(positions, history, scenario.periods, scenario.count ?? 1);
      case 'historical-range':
        return [historicalRange(positions, history, scenario.from, scenario.to, scenario.label)];
      case 'shock':
        return [hypotheticalShock(positions, scenario.moves ?? {}, scenario.all, scenario.label)];
      case 'volatility':
        return [volatilityScaled(positions, history, scenario.factor, scenario.periods)];
      case 'correlation-one':
        return [correlationOne(positions, history, scenario.periods, scenario.quantile ?? 0.01)];
    }
  });
}

/** P&L of every position under a move per symbol. */
export function applyMoves(
  positions: readonly StressPosition[],
  moveOf: (symbol: string) => number,
  scenario: StressScenario['kind'],
  label: string,
  window?: StressWindow,
): StressResult {
  let total = 0;
  let gross = 0;
  const impacts = positions.map((p): PositionImpact => {
    const marketValue = p.quantity * p.price;
    const move = moveOf(p.symbol);
    const pnl = marketValue * move;
    total += pnl;
    gross += Math.abs(marketValue);
    return { symbol: p.symbol, quantity: p.quantity, price: p.price, marketValue, move, pnl };
  });
  return {
    scenario,
    label,
    positions: impacts,
    totalPnl: total,
    returnOnGross: gross > 0 ? total / gross : NaN,
    ...(window !== undefined ? { window } : {}),
  };
}

/**
 * The `count` worst non-overlapping windows of `periods` bars in the history for today's
 * positions, worst first (each window's moves are close[t + periods] / close[t] − 1).
 */
export function worstHistoricalWindows(positions: readonly StressPosition[], history: PriceHistory, periods: number, count = 1): StressResult[] {
  const { closes, length } = historyFor(positions, history);
  if (!Number.isInteger(periods) || periods < 1 || periods >= length) {
    throw new RangeError(`periods must be an integer in [1, ${length - 1}] for ${length} closes, got ${periods}`);
  }
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const starts = length - periods;
  const pnl = new Float64Array(starts);
  for (const p of positions) {
    const c = closes.get(p.symbol) as ArrayLike<number>;
    const value = p.quantity * p.price;
    for (let t = 0; t < starts; t++) pnl[t] += value * (c[t + periods] / c[t] - 1);
  }
  const order = Array.from({ length: starts }, (_, t) => t).sort((a, b) => pnl[a] - pnl[b] || a - b);
  const chosen: number[] = [];
  for (const t of order) {
    if (chosen.length === count) break;
    if (chosen.every((u) => Math.abs(u - t) >= periods)) chosen.push(t);
  }
  return chosen.map((t) =>
    applyMoves(
      positions,
      (symbol) => {
        const c = closes.get(symbol) as ArrayLike<number>;
        return c[t + periods] / c[t] - 1;
      },
      'historical-worst',
      `worst ${periods}-period window in the history${windowText(history, t, t + periods)}`,
      windowOf(history, t, t + periods),
    ),
  );
}

/** The moves from the first bar at or after `from` to the last bar at or before `to` (epoch ms). */
export function historicalRange(positions: readonly StressPosition[], history: PriceHistory, from: number, to: number, label?: string): StressResult {
  const { closes, length } = historyFor(positions, history);
  const times = history.times;
  if (times === undefined || times.length !== length) throw new RangeError('historical-range needs history.times, one per close');
  let start = 0;
  while (start < length && times[start] < from) start++;
  let end = length - 1;
  while (end >= 0 && times[end] > to) end--;
  if (!(start < end)) throw new RangeError(`the history has fewer than two bars between ${from} and ${to}`);
  return applyMoves(
    positions,
    (symbol) => {
      const c = closes.get(symbol) as ArrayLike<number>;
      return c[end] / c[start] - 1;
    },
    'historical-range',
    label ?? `history${windowText(history, start, end)}`,
    windowOf(history, start, end),
  );
}

/** A given move per symbol (`moves`), `all` for the others (0 when not given). */
export function hypotheticalShock(positions: readonly StressPosition[], moves: Readonly<Record<string, number>>, all?: number, label?: string): StressResult {
  for (const [symbol, m] of Object.entries(moves)) if (!(m >= -1 && Number.isFinite(m))) throw new RangeError(`shock for ${symbol} must be a finite move >= -1, got ${m}`);
  if (all !== undefined && !(all >= -1 && Number.isFinite(all))) throw new RangeError(`shock for all must be a finite move >= -1, got ${all}`);
  const text = Object.entries(moves).map(([s, m]) => `${s} ${formatMove(m)}`);
  if (all !== undefined) text.push(`${text.length > 0 ? 'others' : 'all'} ${formatMove(all)}`);
  return applyMoves(positions, (symbol) => moves[symbol] ?? all ?? 0, 'shock', label ?? `shock: ${text.join(', ') || 'none'}`);
}

/**
 * The worst `periods` window of a history whose log returns are scaled by `factor` around their
 * mean (the drift stays, the swings grow or shrink); log returns keep prices positive for any factor.
 */
export function volatilityScaled(positions: readonly StressPosition[], history: PriceHistory, factor: number, periods: number): StressResult {
  if (!(factor >= 0 && Number.isFinite(factor))) throw new RangeError(`factor must be a finite number >= 0, got ${factor}`);
  const { closes, length } = historyFor(positions, history);
  const scaled: Record<string, Float64Array> = {};
  for (const [symbol, c] of closes) {
    let mean = 0;
    for (let t = 1; t < length; t++) mean += Math.log(c[t] / c[t - 1]);
    mean /= length - 1;
    const out = new Float64Array(length);
    out[0] = c[0];
    for (let t = 1; t < length; t++) out[t] = out[t - 1] * Math.exp(mean + factor * (Math.log(c[t] / c[t - 1]) - mean));
    scaled[symbol] = out;
  }
  const [worst] = worstHistoricalWindows(positions, { closes: scaled, ...(history.times !== undefined ? { times: history.times } : {}) }, periods, 1);
  return { ...worst, scenario: 'volatility', label: `volatility × ${factor}: worst ${periods}-period window${windowText(history, worst.window?.startIndex ?? 0, worst.window?.endIndex ?? 0)}` };
}

/**
 * Every symbol makes its own extreme move at once, in the same direction: the `quantile` (e.g.
 * 0.01) of its overlapping `periods`-period returns for a fall, the 1 − quantile one for a rise;
 * the result is the direction that loses more. quantile = 0 takes each symbol's worst move.
 */
export function correlationOne(positions: readonly StressPosition[], history: PriceHistory, periods: number, quantile = 0.01): StressResult {
  if (!(quantile >= 0 && quantile <= 0.5)) throw new RangeError(`quantile must be in [0, 0.5], got ${quantile}`);
  const { closes, length } = historyFor(positions, history);
  if (!Number.isInteger(periods) || periods < 1 || periods >= length) {
    throw new RangeError(`periods must be an integer in [1, ${length - 1}] for ${length} closes, got ${periods}`);
  }
  const down = new Map<string, number>();
  const up = new Map<string, number>();
  for (const [symbol, c] of closes) {
    const moves = new Float64Array(length - periods);
    for (let t = 0; t + periods < length; t++) moves[t] = c[t + periods] / c[t] - 1;
    moves.sort();
    down.set(symbol, quantileSorted(moves, quantile));
    up.set(symbol, quantileSorted(moves, 1 - quantile));
  }
  const which = (p: number) => (p === 0 ? 'worst' : p === 1 ? 'best' : `${Number((p * 100).toPrecision(6))} % quantile`);
  const label = (p: number, direction: string) => `correlations 1: every symbol at its own ${which(p)} ${periods}-period move, all ${direction}`;
  const falling = applyMoves(positions, (s) => down.get(s) as number, 'correlation-one', label(quantile, 'down'));
  const rising = applyMoves(positions, (s) => up.get(s) as number, 'correlation-one', label(1 - quantile, 'up'));
  return rising.totalPnl < falling.totalPnl ? rising : falling;
}

/** The closes of the positions' symbols, checked: all there, equal lengths, positive. */
function historyFor(positions: readonly StressPosition[], history: PriceHistory): { closes: Map<string, ArrayLike<number>>; length: number } {
  if (positions.length === 0) throw new RangeError('no positions to stress');
  const closes = new Map<string, ArrayLike<number>>();
  let length = -1;
  for (const p of positions) {
    if (!Number.isFinite(p.quantity) || !(p.price > 0)) throw new RangeError(`position ${p.symbol}: quantity must be finite and price positive`);
    if (closes.has(p.symbol)) continue;
    const c = history.closes[p.symbol];
    if (c === undefined) throw new RangeError(`no price history for ${p.symbol}`);
    if (length < 0) length = c.length;
    else if (c.length !== length) throw new RangeError(`price history of ${p.symbol} has ${c.length} closes, others have ${length}`);
    for (let t = 0; t < c.length; t++) if (!(c[t] > 0)) throw new RangeError(`price history of ${p.symbol}: close ${t} is not a positive number`);
    closes.set(p.symbol, c);
  }
  if (length < 2) throw new RangeError('the price history needs at least two closes');
  return { closes, length };
}

function windowOf(history: PriceHistory, startIndex: number, endIndex: number): StressWindow {
  const t = history.times;
  return t === undefined ? { startIndex, endIndex } : { startIndex, endIndex, startTime: t[startIndex], endTime: t[endIndex] };
}

function windowText(history: PriceHistory, start: number, end: number): string {
  const t = history.times;
  if (t === undefined) return ` (bars ${start} to ${end})`;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return ` (${day(t[start])} to ${day(t[end])})`;
}

function formatMove(m: number): string {
  const pct = Number((m * 100).toPrecision(6));
  return `${pct >= 0 ? '+' : ''}${pct} %`;
}
