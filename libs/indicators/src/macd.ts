import { EmaStream, emaInto, emaRatio } from './ema';
import type { Series } from './types';
import { assertPeriod } from './validate';

export interface MacdOptions {
  /** Fast EMA period (12). */
  readonly fast?: number;
  /** Slow EMA period (26). */
  readonly slow?: number;
  /** Signal EMA period (9). */
  readonly signal?: number;
  /**
   * false (our default, the classic MACD): macd = EMA_fast - EMA_slow, in price units.
   * true (TTR's default): macd = 100·(EMA_fast / EMA_slow - 1), in percent.
   */
  readonly percent?: boolean;
}

export interface MacdResult {
  readonly macd: Float64Array;
  readonly signal: Float64Array;
  /** macd - signal (not part of TTR's output). */
  readonly histogram: Float64Array;
}

export interface MacdValue {
  readonly macd: number;
  readonly signal: number;
  readonly histogram: number;
}

function resolve(options: MacdOptions): Required<MacdOptions> {
  const o = { fast: 12, slow: 26, signal: 9, percent: false, ...options };
  assertPeriod('fast', o.fast);
  assertPeriod('slow', o.slow);
  assertPeriod('signal', o.signal);
  return o;
}

/**
 * MACD, TTR::MACD(x, nFast, nSlow, nSig, maType = "EMA", percent). The macd line starts at index
 * max(fast, slow) - 1; the signal (an EMA of the macd line, seeded with the mean of its first
 * `signal` values) and the histogram at max(fast, slow) + signal - 2.
 */
export function macd(values: Series, options: MacdOptions = {}): MacdResult {
  const o = resolve(options);
  const n = values.length;
  const line = new Float64Array(n);
  const slow = new Float64Array(n);
  emaInto(values, o.fast, emaRatio(o.fast), line);
  emaInto(values, o.slow, emaRatio(o.slow), slow);
  if (o.percent) for (let i = 0; i < n; i++) line[i] = 100 * (line[i] / slow[i] - 1);
  else for (let i = 0; i < n; i++) line[i] -= slow[i];
  const signal = new Float64Array(n);
  emaInto(line, o.signal, emaRatio(o.signal), signal);
  const histogram = slow; // reuse the buffer
  for (let i = 0; i < n; i++) histogram[i] = line[i] - signal[i];
  return { macd: line, signal, histogram };
}

/** Streaming {@link macd}: O(1) per price. */
export class MacdStream {
  private readonly fast: EmaStream;
  private readonly slow: EmaStream;
  private readonly sig: EmaStream;
  private readonly percent: boolean;

  constructor(options: MacdOptions = {}) {
    const o = resolve(options);
    this.fast = new EmaStream(o.fast);
    this.slow = new EmaStream(o.slow);
    this.sig = new EmaStream(o.signal);
    this.percent = o.percent;
  }

  get ready(): boolean {
    return this.sig.ready;
  }

  update(price: number): MacdValue {
    const f = this.fast.update(price);
    const s = this.slow.update(price);
    const m = this.percent ? 100 * (f / s - 1) : f - s;
    const signal = this.sig.update(m);
    return { macd: m, signal, histogram: m - signal };
  }

  reset(): void {
    this.fast.reset();
    this.slow.reset();
    this.sig.reset();
  }
}
