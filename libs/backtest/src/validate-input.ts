import type { BacktestInput, BacktestOptions, SymbolBars } from './types';

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

function fail(message: string): never {
  throw new RangeError(`backtest input: ${message}`);
}

function checkNonNegative(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) fail(`${name} must be a finite number >= 0, got ${value}`);
}

/**
 * Checks one symbol's columns: equal lengths, strictly increasing finite times, finite prices
 * with low <= open, close <= high (the fill model relies on the open lying in the bar's range).
 * O(n) once per run; the hot loop then trusts the data.
 */
function checkSymbol(bars: SymbolBars): void {
  const name = bars.symbol;
  const n = bars.time.length;
  for (const column of COLUMNS) {
    const c = bars[column];
    if (!(c instanceof Float64Array)) fail(`${name}.${column} must be a Float64Array`);
    if (c.length !== n) fail(`${name}.${column} has ${c.length} values but ${name}.time has ${n}`);
  }
  const { time, open, high, low, close } = bars;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(time[i])) fail(`${name} bar ${i}: time is ${time[i]}`);
    if (i > 0 && !(time[i] > time[i - 1])) fail(`${name} bar ${i}: time ${time[i]} is not after ${time[i - 1]}`);
    const o = open[i];
    const h = high[i];
    const l = low[i];
    const c = close[i];
    if (!(Number.isFinite(o) && Number.isFinite(h) && Number.isFinite(l) && Number.isFinite(c))) {
      fail(`${name} bar ${i}: prices must be finite (open ${o}, high ${h}, low ${l}, close ${c})`);
    }
    if (!(l <= o && o <= h && l <= c && c <= h)) fail(`${name} bar ${i}: open ${o} and close ${c} must lie within low ${l} and high ${h}`);
  }
}

/** Throws a RangeError naming the first problem of the input or options. */
export function validateInput(input: BacktestInput, options: BacktestOptions): void {
  if (!input.symbols || input.symbols.length === 0) fail('at least one symbol is needed');
  const seen = new Set<string>();
  let bars = 0;
  for (const s of input.symbols) {
    if (typeof s.symbol !== 'string' || s.symbol.length === 0) fail('every symbol needs a name');
    if (seen.has(s.symbol)) fail(`symbol ${s.symbol} appears twice`);
    seen.add(s.symbol);
    checkSymbol(s);
    bars += s.time.length;
  }
  if (bars === 0) fail('there are no bars');
  if (!(Number.isFinite(input.initialCash) && input.initialCash > 0)) fail(`initialCash must be a finite number > 0, got ${input.initialCash}`);
  checkNonNegative('feesBps', input.feesBps);
  checkNonNegative('feeFixed', input.feeFixed);
  checkNonNegative('slippageBps', input.slippageBps);
  const ppy = input.periodsPerYear;
  if (ppy !== undefined && !(Number.isFinite(ppy) && ppy > 0)) fail(`periodsPerYear must be a finite number > 0, got ${ppy}`);
  checkNonNegative('lotSize', options.lotSize);
  const every = options.progressEvery;
  if (every !== undefined && !(Number.isInteger(every) && every >= 1)) fail(`progressEvery must be an integer >= 1, got ${every}`);
  const d = options.defaultSizing;
  if (d) {
    const v = d.kind === 'quantity' ? d.quantity : d.kind === 'notional' ? d.notional : d.percent;
    if (!(Number.isFinite(v) && v > 0)) fail(`defaultSizing ${d.kind} must be a finite number > 0, got ${v}`);
  }
}
