/**
 * Catalogue of Deriv-style synthetic indices.
 *
 * Synthetic indices trade around the clock, every day of the year, so the annualisation used by the
 * generator is a calendar year of 365 × 24 × 3600 seconds (see {@link SECONDS_PER_YEAR}).
 */

import Decimal from 'decimal.js';

export type InstrumentType = 'volatility_index' | 'step_index';

export interface Instrument {
  /** Deriv symbol, e.g. `R_100`, `1HZ10V`, `stpRNG`. */
  readonly symbol: string;
  readonly displayName: string;
  readonly type: InstrumentType;
  /** Number of decimals of a quote. */
  readonly decimals: number;
  /** Smallest price increment of a quote: 10^-decimals. */
  readonly pipSize: number;
  /** Time between two ticks in milliseconds. */
  readonly tickIntervalMs: number;
  /** Constant annualised volatility as a fraction (0.1 = 10 %); 0 for the step index. */
  readonly volatility: number;
  /** Fixed move per tick of the step index (0 for volatility indices). */
  readonly stepSize: number;
  /** Illustrative starting level for simulations (not Deriv's live level). */
  readonly startPrice: number;
}

/** Calendar-year annualisation: the indices tick 24/7, so one year is 365 × 24 × 3600 s. */
export const SECONDS_PER_YEAR = 365 * 24 * 3600;
export const MS_PER_YEAR = SECONDS_PER_YEAR * 1000;

/**
 * Decimal places per symbol. These follow the pip sizes of Deriv's `active_symbols` API
 * (pip = 10^-decimals): R_10 0.001, R_25 0.001, R_50 0.0001, R_75 0.0001, R_100 0.01,
 * every 1HZ…V index 0.01, stpRNG 0.1.
 */
export const DERIV_DECIMALS: Readonly<Record<string, number>> = Object.freeze({
  R_10: 3,
  R_25: 3,
  R_50: 4,
  R_75: 4,
  R_100: 2,
  '1HZ10V': 2,
  '1HZ25V': 2,
  '1HZ50V': 2,
  '1HZ75V': 2,
  '1HZ100V': 2,
  stpRNG: 1,
});

function pipSizeOf(decimals: number): number {
  // 1 / 10^d is the closest double to 10^-d (10^d is exact for d <= 22).
  return 1 / 10 ** decimals;
}

function volatilityIndex(
  symbol: string,
  displayName: string,
  volatilityPct: number,
  tickIntervalMs: number,
  startPrice: number,
): Instrument {
  const decimals = DERIV_DECIMALS[symbol];
  return Object.freeze({
    symbol,
    displayName,
    type: 'volatility_index' as const,
    decimals,
    pipSize: pipSizeOf(decimals),
    tickIntervalMs,
    volatility: volatilityPct / 100,
    stepSize: 0,
    startPrice,
  });
}

const STEP_INDEX: Instrument = Object.freeze({
  symbol: 'stpRNG',
  displayName: 'Step Index',
  type: 'step_index' as const,
  decimals: DERIV_DECIMALS['stpRNG'],
  pipSize: pipSizeOf(DERIV_DECIMALS['stpRNG']),
  tickIntervalMs: 1000,
  volatility: 0,
  stepSize: 0.1,
  startPrice: 8000,
});

/** Every instrument of the catalogue, in display order. */
export const INSTRUMENTS: readonly Instrument[] = Object.freeze([
  volatilityIndex('R_10', 'Volatility 10 Index', 10, 2000, 6000),
  volatilityIndex('R_25', 'Volatility 25 Index', 25, 2000, 2500),
  volatilityIndex('R_50', 'Volatility 50 Index', 50, 2000, 250),
  volatilityIndex('R_75', 'Volatility 75 Index', 75, 2000, 50000),
  volatilityIndex('R_100', 'Volatility 100 Index', 100, 2000, 1500),
  volatilityIndex('1HZ10V', 'Volatility 10 (1s) Index', 10, 1000, 9000),
  volatilityIndex('1HZ25V', 'Volatility 25 (1s) Index', 25, 1000, 5000),
  volatilityIndex('1HZ50V', 'Volatility 50 (1s) Index', 50, 1000, 2000),
  volatilityIndex('1HZ75V', 'Volatility 75 (1s) Index', 75, 1000, 4000),
  volatilityIndex('1HZ100V', 'Volatility 100 (1s) Index', 100, 1000, 1000),
  STEP_INDEX,
]);

const BY_SYMBOL: ReadonlyMap<string, Instrument> = new Map(INSTRUMENTS.map((i) => [i.symbol, i]));

export function findInstrument(symbol: string): Instrument | undefined {
  return BY_SYMBOL.get(symbol);
}

/** Looks an instrument up by symbol; throws for unknown symbols. */
export function getInstrument(symbol: string): Instrument {
  const instrument = BY_SYMBOL.get(symbol);
  if (!instrument) throw new RangeError(`Unknown instrument symbol: ${symbol}`);
  return instrument;
}

export function isKnownSymbol(symbol: string): boolean {
  return BY_SYMBOL.has(symbol);
}

/**
 * Rounds a full-precision price to `decimals` places (half away from zero) and returns the double
 * closest to that decimal value, so `roundToDecimals(x, d).toFixed(d)` round-trips.
 */
export function roundToDecimals(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  let units = Math.round(scaled);
  // Math.round rounds x.5 up, but a product like 1.005 * 100 = 100.49999999999999 can hide a tie:
  // decide ties on the shortest decimal representation instead.
  if (Math.abs(scaled - units) > 0.4999 && Math.abs(scaled - units) < 0.5) {
    units = new Decimal(Math.abs(value)).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).times(factor).toNumber();
  }
  return (Math.sign(value) * units) / factor;
}

/** Rounds a price to an instrument's quote precision. */
export function roundQuote(instrument: Instrument, value: number): number {
  return roundToDecimals(value, instrument.decimals);
}

/** Fixed-decimals display string of a quote, e.g. `1234.50` for R_100. */
export function formatQuote(instrument: Instrument, value: number): string {
  return roundQuote(instrument, value).toFixed(instrument.decimals);
}
