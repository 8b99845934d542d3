/**
 * Synthetic price generation for Deriv-style indices.
 *
 * Volatility indices follow a driftless geometric random walk
 *
 *     S(t+dt) = S(t) · exp(−σ²·dt/2 + σ·√dt·Z),   Z ~ N(0, 1),
 *
 * with dt in years of 365 × 24 × 3600 s (the indices trade around the clock; see
 * {@link SECONDS_PER_YEAR}). The −σ²dt/2 term makes E[S(t+dt)] = S(t) (a martingale), so
 * the mean log return per tick is −σ²dt/2. Prices are kept at full double precision internally and
 * only rounded to the instrument's decimals for the published quote.
 *
 * The step index moves by exactly ±stepSize each tick with equal probability; its price is held as
 * an integer number of pips so it never drifts off the grid.
 *
 * Everything is pure: time comes in as arguments and randomness from a seeded PRNG.
 */
import { getInstrument, Instrument, MS_PER_YEAR, roundToDecimals } from './instruments';
import { NormalSampler, RandomSource, Seed, Xoshiro128StarStar, Xoshiro128State } from './prng';
import type { Tick } from './ticks';

/** A price path that advances one tick at a time. */
export interface PriceProcess {
  /** Current full-precision price. */
  readonly price: number;
  /** Advances one tick and returns the new full-precision price. */
  step(): number;
}

export interface GeometricRandomWalkOptions {
  /** Annualised volatility σ as a fraction (1 = 100 %). */
  volatility: number;
  /** Time step in years. */
  dtYears: number;
  startPrice: number;
  normal: NormalSampler;
}

/** Driftless geometric random walk: S ← S · exp(−σ²dt/2 + σ√dt·Z). */
export class GeometricRandomWalk implements PriceProcess {
  /** Deterministic part of the log return, −σ²dt/2. */
  readonly logDrift: number;
  /** Standard deviation of the log return, σ√dt. */
  readonly logStdDev: number;
  private current: number;
  private readonly normal: NormalSampler;

  constructor(options: GeometricRandomWalkOptions) {
    const { volatility, dtYears, startPrice } = options;
    if (!(volatility >= 0) || !Number.isFinite(volatility)) throw new RangeError(`volatility must be >= 0, got ${volatility}`);
    if (!(dtYears > 0) || !Number.isFinite(dtYears)) throw new RangeError(`dtYears must be > 0, got ${dtYears}`);
    assertPositivePrice(startPrice);
    this.logDrift = -0.5 * volatility * volatility * dtYears;
    this.logStdDev = volatility * Math.sqrt(dtYears);
    this.current = startPrice;
    this.normal = options.normal;
  }

  get price(): number {
    return this.current;
  }

  step(): number {
    this.current *= Math.exp(this.logDrift + this.logStdDev * this.normal.next());
    return this.current;
  }
}

export interface StepWalkOptions {
  startPrice: number;
  /** Move per tick, e.g. 0.1; must be a whole number of pips. */
  stepSize: number;
  /** Quote decimals; the walk is held in integer pips of 10^-decimals. */
  decimals: number;
  random: RandomSource;
}

/** Symmetric ±stepSize walk held in integer pips (exact, no float drift). */
export class StepWalk implements PriceProcess {
  private units: number;
  private readonly stepUnits: number;
  private readonly scale: number;
  private readonly random: RandomSource;

  constructor(options: StepWalkOptions) {
    const { startPrice, stepSize, decimals } = options;
    if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new RangeError(`decimals must be an integer in [0, 15], got ${decimals}`);
    this.scale = 10 ** decimals;
    const stepUnits = Math.round(stepSize * this.scale);
    if (!(stepUnits >= 1) || Math.abs(stepUnits - stepSize * this.scale) > 1e-9) {
      throw new RangeError(`stepSize ${stepSize} is not a positive multiple of 10^-${decimals}`);
    }
    if (!Number.isFinite(startPrice)) throw new RangeError(`startPrice must be finite, got ${startPrice}`);
    this.stepUnits = stepUnits;
    this.units = Math.round(startPrice * this.scale);
    this.random = options.random;
  }

  /** Current price in integer pips. */
  get priceUnits(): number {
    return this.units;
  }

  get price(): number {
    return this.units / this.scale;
  }

  step(): number {
    // Top bit of a 32-bit draw: up or down with probability 1/2 each.
    this.units += this.random.nextUint32() >>> 31 ? this.stepUnits : -this.stepUnits;
    return this.units / this.scale;
  }

  /** Restores an integer-pip price (used by snapshots). */
  setPriceUnits(units: number): void {
    if (!Number.isSafeInteger(units)) throw new RangeError(`price units must be a safe integer, got ${units}`);
    this.units = units;
  }
}

/** Log-return parameters of one tick of a volatility index. */
export function tickDtYears(instrument: Instrument): number {
  return instrument.tickIntervalMs / MS_PER_YEAR;
}

/** Builds the price process of an instrument on the given random source. */
export function createPriceProcess(
  instrument: Instrument,
  random: RandomSource,
  startPrice: number = instrument.startPrice,
  normal: NormalSampler = new NormalSampler(random),
): PriceProcess {
  if (instrument.type === 'step_index') {
    return new StepWalk({ startPrice, stepSize: instrument.stepSize, decimals: instrument.decimals, random });
  }
  return new GeometricRandomWalk({ volatility: instrument.volatility, dtYears: tickDtYears(instrument), startPrice, normal });
}

/**
 * Simulates `steps` ticks of an instrument and returns the full-precision prices, start price
 * first (length `steps + 1`). Handy for back-tests and statistics; no rounding is applied.
 */
export function simulatePrices(instrument: Instrument | string, seed: Seed, steps: number, startPrice?: number): Float64Array {
  const inst = typeof instrument === 'string' ? getInstrument(instrument) : instrument;
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  const process = createPriceProcess(inst, Xoshiro128StarStar.fromSeed(seed), startPrice ?? inst.startPrice);
  const out = new Float64Array(steps + 1);
  out[0] = process.price;
  for (let i = 1; i <= steps; i++) out[i] = process.step();
  return out;
}

export interface SyntheticFeedOptions {
  instrument: Instrument | string;
  seed: Seed;
  /** Feed start, epoch ms. The first tick is at the first multiple of the tick interval at or after it. */
  startEpochMs: number;
  /** Defaults to the instrument's start price. */
  startPrice?: number;
  /** Upper bound of ticks returned by one {@link SyntheticFeed.advanceTo} call; the rest follow on the next call. */
  maxTicksPerCall?: number;
}

/** Serializable state of a {@link SyntheticFeed}; restoring it continues the exact same stream. */
export interface SyntheticFeedSnapshot {
  readonly symbol: string;
  readonly prngState: Xoshiro128State;
  readonly normalSpare: number | null;
  /** Full-precision price (volatility indices) or integer pips (step index). */
  readonly price: number;
  readonly nextTickEpochMs: number;
  readonly ticksEmitted: number;
  readonly maxTicksPerCall: number | null;
  readonly lastTick: Tick | null;
}

/**
 * A deterministic tick source. Call {@link advanceTo} with the current time and it returns every tick
 * due since the previous call, one per tick interval on a grid aligned to the epoch. The feed has no
 * clock of its own: to run faster than real time, pass scaled time (see {@link scaledTime}).
 */
export class SyntheticFeed {
  readonly instrument: Instrument;
  private random: Xoshiro128StarStar;
  private normal: NormalSampler;
  private process: PriceProcess;
  private readonly maxTicksPerCall: number;
  private nextEpochMs: number;
  private emitted = 0;
  private last: Tick | undefined;

  constructor(options: SyntheticFeedOptions) {
    this.instrument = typeof options.instrument === 'string' ? getInstrument(options.instrument) : options.instrument;
    if (!Number.isFinite(options.startEpochMs)) throw new RangeError(`startEpochMs must be finite, got ${options.startEpochMs}`);
    const max = options.maxTicksPerCall ?? Infinity;
    if (!(max >= 1)) throw new RangeError(`maxTicksPerCall must be >= 1, got ${max}`);
    this.maxTicksPerCall = max;
    this.random = Xoshiro128StarStar.fromSeed(options.seed);
    this.normal = new NormalSampler(this.random);
    this.process = createPriceProcess(this.instrument, this.random, options.startPrice ?? this.instrument.startPrice, this.normal);
    const interval = this.instrument.tickIntervalMs;
    this.nextEpochMs = Math.ceil(options.startEpochMs / interval) * interval;
  }

  /** Recreates a feed from {@link snapshot}; it continues with exactly the ticks the original would produce. */
  static restore(snapshot: SyntheticFeedSnapshot): SyntheticFeed {
    const instrument = getInstrument(snapshot.symbol);
    const startPrice = instrument.type === 'step_index' ? snapshot.price / 10 ** instrument.decimals : snapshot.price;
    const feed = new SyntheticFeed({
      instrument,
      seed: 0,
      startEpochMs: snapshot.nextTickEpochMs,
      maxTicksPerCall: snapshot.maxTicksPerCall ?? undefined,
      startPrice,
    });
    feed.random = new Xoshiro128StarStar(snapshot.prngState);
    feed.normal = new NormalSampler(feed.random, snapshot.normalSpare);
    feed.process = createPriceProcess(instrument, feed.random, startPrice, feed.normal);
    if (feed.process instanceof StepWalk) feed.process.setPriceUnits(snapshot.price);
    feed.emitted = snapshot.ticksEmitted;
    feed.nextEpochMs = snapshot.nextTickEpochMs;
    feed.last = snapshot.lastTick ?? undefined;
    return feed;
  }

  /** Epoch ms of the next tick to be emitted. */
  get nextTickEpochMs(): number {
    return this.nextEpochMs;
  }

  /** Number of ticks emitted so far. */
  get ticksEmitted(): number {
    return this.emitted;
  }

  /** Most recent tick, if any. */
  get lastTick(): Tick | undefined {
    return this.last;
  }

  /** Current full-precision price (not rounded). */
  get price(): number {
    return this.process.price;
  }

  /**
   * Returns the ticks with time in (previous call, nowMs], oldest first. Calling again with the same
   * or an earlier time returns an empty array. The first tick quotes the start price.
   */
  advanceTo(nowMs: number): Tick[] {
    if (Number.isNaN(nowMs)) throw new RangeError('nowMs must be a number');
    const ticks: Tick[] = [];
    const interval = this.instrument.tickIntervalMs;
    const { symbol, decimals } = this.instrument;
    while (this.nextEpochMs <= nowMs && ticks.length < this.maxTicksPerCall) {
      const price = this.emitted === 0 ? this.process.price : this.process.step();
      const tick: Tick = { symbol, epochMs: this.nextEpochMs, quote: roundToDecimals(price, decimals) };
      ticks.push(tick);
      this.last = tick;
      this.emitted++;
      this.nextEpochMs += interval;
    }
    return ticks;
  }

  snapshot(): SyntheticFeedSnapshot {
    const price = this.process instanceof StepWalk ? this.process.priceUnits : this.process.price;
    return {
      symbol: this.instrument.symbol,
      prngState: this.random.getState(),
      normalSpare: this.normal.getSpare(),
      price,
      nextTickEpochMs: this.nextEpochMs,
      ticksEmitted: this.emitted,
      maxTicksPerCall: Number.isFinite(this.maxTicksPerCall) ? this.maxTicksPerCall : null,
      lastTick: this.last ?? null,
    };
  }
}

/**
 * Maps wall-clock time to accelerated feed time: `originMs + (nowMs − originMs) · speed`.
 * With speed 60, one real second advances the feed by a minute.
 */
export function scaledTime(originMs: number, speed: number, nowMs: number): number {
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be > 0, got ${speed}`);
  return originMs + (nowMs - originMs) * speed;
}

function assertPositivePrice(price: number): void {
  if (!(price > 0) || !Number.isFinite(price)) throw new RangeError(`price must be a positive finite number, got ${price}`);
}
