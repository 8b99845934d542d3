/**
 * OHLC candles from ticks.
 *
 * Buckets are UTC and aligned to the Unix epoch: a candle of timeframe T covers
 * [k·T, (k+1)·T) in epoch milliseconds, so a tick exactly on a boundary opens the next candle.
 * Daily candles therefore run from 00:00 UTC to 00:00 UTC. Gaps produce no empty candles.
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
    get CandleAggregator () {
        return CandleAggregator;
    },
    get TIMEFRAMES () {
        return TIMEFRAMES;
    },
    get TIMEFRAME_MS () {
        return TIMEFRAME_MS;
    },
    get bucketStart () {
        return bucketStart;
    },
    get isTimeframe () {
        return isTimeframe;
    },
    get resampleCandles () {
        return resampleCandles;
    }
});
const TIMEFRAME_MS = Object.freeze({
    '1m': 60_000,
    '5m': 300_000,
    '15m': 900_000,
    '1h': 3_600_000,
    '1d': 86_400_000
});
const TIMEFRAMES = Object.freeze([
    '1m',
    '5m',
    '15m',
    '1h',
    '1d'
]);
function isTimeframe(value) {
    return Object.prototype.hasOwnProperty.call(TIMEFRAME_MS, value);
}
function bucketStart(epochMs, timeframe) {
    const size = TIMEFRAME_MS[timeframe];
    return Math.floor(epochMs / size) * size;
}
let CandleAggregator = class CandleAggregator {
    constructor(options = {}){
        this.series = new Map();
        const timeframes = options.timeframes ?? TIMEFRAMES;
        if (timeframes.length === 0) throw new RangeError('at least one timeframe is required');
        for (const tf of timeframes)if (!isTimeframe(tf)) throw new RangeError(`unknown timeframe: ${String(tf)}`);
        if (new Set(timeframes).size !== timeframes.length) throw new RangeError('duplicate timeframes');
        this.timeframes = Object.freeze([
            ...timeframes
        ]);
    }
    push(tick) {
        const { symbol, epochMs, quote } = tick;
        if (!Number.isFinite(epochMs)) throw new RangeError(`tick time must be finite, got ${epochMs}`);
        if (!Number.isFinite(quote)) throw new RangeError(`tick quote must be finite, got ${quote}`);
        let all = this.series.get(symbol);
        if (!all) {
            all = this.timeframes.map(()=>({
                    current: null,
                    acceptFromMs: -Infinity
                }));
            this.series.set(symbol, all);
        }
        const events = [];
        for(let i = 0; i < all.length; i++){
            const series = all[i];
            if (epochMs < series.acceptFromMs) continue;
            const timeframe = this.timeframes[i];
            let candle = series.current;
            if (candle && epochMs >= candle.closeTimeMs) {
                events.push({
                    type: 'closed',
                    candle: freeze(candle)
                });
                candle = null;
            }
            if (!candle) {
                const openTimeMs = bucketStart(epochMs, timeframe);
                candle = {
                    symbol,
                    timeframe,
                    openTimeMs,
                    closeTimeMs: openTimeMs + TIMEFRAME_MS[timeframe],
                    open: quote,
                    high: quote,
                    low: quote,
                    close: quote,
                    tickCount: 1
                };
            } else {
                if (quote > candle.high) candle.high = quote;
                if (quote < candle.low) candle.low = quote;
                candle.close = quote;
                candle.tickCount++;
            }
            series.current = candle;
            series.acceptFromMs = epochMs;
            events.push({
                type: 'updated',
                candle: freeze(candle)
            });
        }
        return events;
    }
    /** Closes every current candle whose bucket has ended at `nowMs` (nowMs ≥ closeTimeMs). */ flush(nowMs) {
        if (Number.isNaN(nowMs)) throw new RangeError('nowMs must be a number');
        const events = [];
        for (const all of this.series.values()){
            for (const series of all){
                const candle = series.current;
                if (candle && nowMs >= candle.closeTimeMs) {
                    events.push({
                        type: 'closed',
                        candle: freeze(candle)
                    });
                    series.current = null;
                    series.acceptFromMs = Math.max(series.acceptFromMs, candle.closeTimeMs);
                }
            }
        }
        return events;
    }
    /** The open candle of a symbol and timeframe, if any. */ current(symbol, timeframe) {
        const index = this.timeframes.indexOf(timeframe);
        const candle = index >= 0 ? this.series.get(symbol)?.[index].current : null;
        return candle ? freeze(candle) : undefined;
    }
    /** Symbols seen so far. */ symbols() {
        return [
            ...this.series.keys()
        ];
    }
};
function freeze(candle) {
    return Object.freeze({
        ...candle
    });
}
function resampleCandles(candles, target) {
    if (!isTimeframe(target)) throw new RangeError(`unknown timeframe: ${String(target)}`);
    if (candles.length === 0) return [];
    const { symbol, timeframe: source } = candles[0];
    const sourceMs = TIMEFRAME_MS[source];
    const targetMs = TIMEFRAME_MS[target];
    if (targetMs < sourceMs || targetMs % sourceMs !== 0) {
        throw new RangeError(`cannot resample ${source} candles into ${target}`);
    }
    const out = [];
    let acc = null;
    let previousOpen = -Infinity;
    for (const c of candles){
        if (c.symbol !== symbol || c.timeframe !== source) throw new RangeError('resampleCandles needs candles of a single symbol and timeframe');
        if (!(c.openTimeMs > previousOpen)) throw new RangeError('candles must be sorted by openTimeMs without duplicates');
        previousOpen = c.openTimeMs;
        const openTimeMs = Math.floor(c.openTimeMs / targetMs) * targetMs;
        if (acc && acc.openTimeMs !== openTimeMs) {
            out.push(Object.freeze(acc));
            acc = null;
        }
        if (!acc) {
            acc = {
                symbol,
                timeframe: target,
                openTimeMs,
                closeTimeMs: openTimeMs + targetMs,
                open: c.open,
                high: c.high,
                low: c.low,
                close: c.close,
                tickCount: c.tickCount
            };
        } else {
            if (c.high > acc.high) acc.high = c.high;
            if (c.low < acc.low) acc.low = c.low;
            acc.close = c.close;
            acc.tickCount += c.tickCount;
        }
    }
    if (acc) out.push(Object.freeze(acc));
    return out;
}

//# sourceMappingURL=candles.js.map
