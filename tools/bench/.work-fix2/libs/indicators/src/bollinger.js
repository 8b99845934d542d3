"use strict";
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
    get BollingerStream () {
        return BollingerStream;
    },
    get bollinger () {
        return bollinger;
    },
    get typicalPrice () {
        return typicalPrice;
    },
    get typicalPriceOf () {
        return typicalPriceOf;
    }
});
const _rollingvariance = require("./rolling-variance");
const _validate = require("./validate");
/** %B; NaN for a zero-width band (a window of identical prices), where it is undefined. */ function pctBOf(price, lower, upper) {
    const width = upper - lower;
    return width === 0 ? NaN : (price - lower) / width;
}
function resolve(options) {
    const period = options.period ?? 20;
    const k = options.k ?? 2;
    (0, _validate.assertPeriod)('period', period);
    if (!Number.isFinite(k)) throw new RangeError(`k must be finite, got ${k}`);
    return {
        period,
        k
    };
}
function bollinger(values, options = {}) {
    const { period, k } = resolve(options);
    const n = values.length;
    const lower = new Float64Array(n).fill(NaN);
    const middle = new Float64Array(n).fill(NaN);
    const upper = new Float64Array(n).fill(NaN);
    const pctB = new Float64Array(n).fill(NaN);
    const first = (0, _validate.firstValid)(values);
    if (first + period > n) return {
        lower,
        middle,
        upper,
        pctB
    };
    const rv = new _rollingvariance.RollingVariance(period);
    for(let i = first; i < n; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)('bollinger', i);
        rv.push(x);
        if (rv.full) {
            const mid = rv.sum / period;
            const width = k * Math.sqrt(rv.variance(false));
            const lo = mid - width;
            const up = mid + width;
            lower[i] = lo;
            middle[i] = mid;
            upper[i] = up;
            pctB[i] = pctBOf(x, lo, up);
        }
    }
    return {
        lower,
        middle,
        upper,
        pctB
    };
}
function typicalPrice(hlc) {
    const n = (0, _validate.assertSameLength)({
        high: hlc.high,
        low: hlc.low,
        close: hlc.close
    });
    const out = new Float64Array(n);
    const { high, low, close } = hlc;
    for(let i = 0; i < n; i++)out[i] = (high[i] + low[i] + close[i]) / 3;
    return out;
}
function typicalPriceOf(bar) {
    return (bar.high + bar.low + bar.close) / 3;
}
let BollingerStream = class BollingerStream {
    constructor(options = {}){
        this.started = false;
        this.index = 0;
        const { period, k } = resolve(options);
        this.period = period;
        this.k = k;
        this.rv = new _rollingvariance.RollingVariance(period);
    }
    get ready() {
        return this.rv.full;
    }
    update(price) {
        const i = this.index++;
        if (price !== price) {
            if (this.started) throw (0, _validate.interiorNaN)('BollingerStream', i);
            return {
                lower: NaN,
                middle: NaN,
                upper: NaN,
                pctB: NaN
            };
        }
        this.started = true;
        const rv = this.rv;
        rv.push(price);
        if (!rv.full) return {
            lower: NaN,
            middle: NaN,
            upper: NaN,
            pctB: NaN
        };
        const mid = rv.sum / this.period;
        const width = this.k * Math.sqrt(rv.variance(false));
        const lo = mid - width;
        const up = mid + width;
        return {
            lower: lo,
            middle: mid,
            upper: up,
            pctB: pctBOf(price, lo, up)
        };
    }
    reset() {
        this.rv.clear();
        this.started = false;
        this.index = 0;
    }
};

//# sourceMappingURL=bollinger.js.map
