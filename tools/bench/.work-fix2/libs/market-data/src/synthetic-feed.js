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
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get GeometricRandomWalk () {
        return GeometricRandomWalk;
    },
    get StepWalk () {
        return StepWalk;
    },
    get SyntheticFeed () {
        return SyntheticFeed;
    },
    get createPriceProcess () {
        return createPriceProcess;
    },
    get scaledTime () {
        return scaledTime;
    },
    get simulatePrices () {
        return simulatePrices;
    },
    get tickDtYears () {
        return tickDtYears;
    }
});
const _instruments = require("./instruments");
const _prng = require("./prng");
let GeometricRandomWalk = class GeometricRandomWalk {
    constructor(options){
        const { volatility, dtYears, startPrice } = options;
        if (!(volatility >= 0) || !Number.isFinite(volatility)) throw new RangeError(`volatility must be >= 0, got ${volatility}`);
        if (!(dtYears > 0) || !Number.isFinite(dtYears)) throw new RangeError(`dtYears must be > 0, got ${dtYears}`);
        assertPositivePrice(startPrice);
        this.logDrift = -0.5 * volatility * volatility * dtYears;
        this.logStdDev = volatility * Math.sqrt(dtYears);
        this.current = startPrice;
        this.normal = options.normal;
    }
    get price() {
        return this.current;
    }
    step() {
        this.current *= Math.exp(this.logDrift + this.logStdDev * this.normal.next());
        return this.current;
    }
};
let StepWalk = class StepWalk {
    constructor(options){
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
    /** Current price in integer pips. */ get priceUnits() {
        return this.units;
    }
    get price() {
        return this.units / this.scale;
    }
    step() {
        // Top bit of a 32-bit draw: up or down with probability 1/2 each.
        this.units += this.random.nextUint32() >>> 31 ? this.stepUnits : -this.stepUnits;
        return this.units / this.scale;
    }
    /** Restores an integer-pip price (used by snapshots). */ setPriceUnits(units) {
        if (!Number.isSafeInteger(units)) throw new RangeError(`price units must be a safe integer, got ${units}`);
        this.units = units;
    }
};
function tickDtYears(instrument) {
    return instrument.tickIntervalMs / _instruments.MS_PER_YEAR;
}
function createPriceProcess(instrument, random, startPrice = instrument.startPrice, normal = new _prng.NormalSampler(random)) {
    if (instrument.type === 'step_index') {
        return new StepWalk({
            startPrice,
            stepSize: instrument.stepSize,
            decimals: instrument.decimals,
            random
        });
    }
    return new GeometricRandomWalk({
        volatility: instrument.volatility,
        dtYears: tickDtYears(instrument),
        startPrice,
        normal
    });
}
function simulatePrices(instrument, seed, steps, startPrice) {
    const inst = typeof instrument === 'string' ? (0, _instruments.getInstrument)(instrument) : instrument;
    if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
    const process = createPriceProcess(inst, _prng.Xoshiro128StarStar.fromSeed(seed), startPrice ?? inst.startPrice);
    const out = new Float64Array(steps + 1);
    out[0] = process.price;
    for(let i = 1; i <= steps; i++)out[i] = process.step();
    return out;
}
let SyntheticFeed = class SyntheticFeed {
    constructor(options){
        this.emitted = 0;
        this.instrument = typeof options.instrument === 'string' ? (0, _instruments.getInstrument)(options.instrument) : options.instrument;
        if (!Number.isFinite(options.startEpochMs)) throw new RangeError(`startEpochMs must be finite, got ${options.startEpochMs}`);
        const max = options.maxTicksPerCall ?? Infinity;
        if (!(max >= 1)) throw new RangeError(`maxTicksPerCall must be >= 1, got ${max}`);
        this.maxTicksPerCall = max;
        this.random = _prng.Xoshiro128StarStar.fromSeed(options.seed);
        this.normal = new _prng.NormalSampler(this.random);
        this.process = createPriceProcess(this.instrument, this.random, options.startPrice ?? this.instrument.startPrice, this.normal);
        const interval = this.instrument.tickIntervalMs;
        this.nextEpochMs = Math.ceil(options.startEpochMs / interval) * interval;
    }
    /** Recreates a feed from {@link snapshot}; it continues with exactly the ticks the original would produce. */ static restore(snapshot) {
        const instrument = (0, _instruments.getInstrument)(snapshot.symbol);
        const startPrice = instrument.type === 'step_index' ? snapshot.price / 10 ** instrument.decimals : snapshot.price;
        const feed = new SyntheticFeed({
            instrument,
            seed: 0,
            startEpochMs: snapshot.nextTickEpochMs,
            maxTicksPerCall: snapshot.maxTicksPerCall ?? undefined,
            startPrice
        });
        feed.random = new _prng.Xoshiro128StarStar(snapshot.prngState);
        feed.normal = new _prng.NormalSampler(feed.random, snapshot.normalSpare);
        feed.process = createPriceProcess(instrument, feed.random, startPrice, feed.normal);
        if (feed.process instanceof StepWalk) feed.process.setPriceUnits(snapshot.price);
        feed.emitted = snapshot.ticksEmitted;
        feed.nextEpochMs = snapshot.nextTickEpochMs;
        feed.last = snapshot.lastTick ?? undefined;
        return feed;
    }
    /** Epoch ms of the next tick to be emitted. */ get nextTickEpochMs() {
        return this.nextEpochMs;
    }
    /** Number of ticks emitted so far. */ get ticksEmitted() {
        return this.emitted;
    }
    /** Most recent tick, if any. */ get lastTick() {
        return this.last;
    }
    /** Current full-precision price (not rounded). */ get price() {
        return this.process.price;
    }
    /**
   * Returns the ticks with time in (previous call, nowMs], oldest first. Calling again with the same
   * or an earlier time returns an empty array. The first tick quotes the start price.
   */ advanceTo(nowMs) {
        if (Number.isNaN(nowMs)) throw new RangeError('nowMs must be a number');
        const ticks = [];
        const interval = this.instrument.tickIntervalMs;
        const { symbol, decimals } = this.instrument;
        while(this.nextEpochMs <= nowMs && ticks.length < this.maxTicksPerCall){
            const price = this.emitted === 0 ? this.process.price : this.process.step();
            const tick = {
                symbol,
                epochMs: this.nextEpochMs,
                quote: (0, _instruments.roundToDecimals)(price, decimals)
            };
            ticks.push(tick);
            this.last = tick;
            this.emitted++;
            this.nextEpochMs += interval;
        }
        return ticks;
    }
    snapshot() {
        const price = this.process instanceof StepWalk ? this.process.priceUnits : this.process.price;
        return {
            symbol: this.instrument.symbol,
            prngState: this.random.getState(),
            normalSpare: this.normal.getSpare(),
            price,
            nextTickEpochMs: this.nextEpochMs,
            ticksEmitted: this.emitted,
            maxTicksPerCall: Number.isFinite(this.maxTicksPerCall) ? this.maxTicksPerCall : null,
            lastTick: this.last ?? null
        };
    }
};
function scaledTime(originMs, speed, nowMs) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be > 0, got ${speed}`);
    return originMs + (nowMs - originMs) * speed;
}
function assertPositivePrice(price) {
    if (!(price > 0) || !Number.isFinite(price)) throw new RangeError(`price must be a positive finite number, got ${price}`);
}

//# sourceMappingURL=synthetic-feed.js.map
