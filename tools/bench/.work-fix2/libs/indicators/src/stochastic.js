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
    get StochasticStream () {
        return StochasticStream;
    },
    get stochastic () {
        return stochastic;
    }
});
const _monotonicdeque = require("./monotonic-deque");
const _rollingextrema = require("./rolling-extrema");
const _sma = require("./sma");
const _validate = require("./validate");
function resolve(options) {
    const o = {
        fastK: 14,
        fastD: 3,
        slowD: 3,
        smooth: 1,
        bounded: true,
        ...options
    };
    (0, _validate.assertPeriod)('fastK', o.fastK);
    (0, _validate.assertPeriod)('fastD', o.fastD);
    (0, _validate.assertPeriod)('slowD', o.slowD);
    (0, _validate.assertPeriod)('smooth', o.smooth);
    return o;
}
/**
 * fastK from its (smoothed) numerator and denominator. An empty high-low range (den = 0) gives 0.5:
 * TTR documents that, and does it for ±Inf (bounded = FALSE, close outside the previous range),
 * though 0.24.3 leaves 0/0 as NaN and then fails in the SMA; NaN from the warm-up stays NaN.
 */ function ratio(num, den) {
    return den === 0 && num === num ? 0.5 : num / den;
}
function stochastic(hlc, options = {}) {
    const o = resolve(options);
    const n = (0, _validate.assertSameLength)({
        high: hlc.high,
        low: hlc.low,
        close: hlc.close
    });
    const { close } = hlc;
    let high = hlc.high;
    let low = hlc.low;
    if (!o.bounded && n > 0) {
        // c(high[1], high[-N]): the series shifted by one bar, the first value repeated.
        const h = new Float64Array(n);
        const l = new Float64Array(n);
        h[0] = high[0];
        l[0] = low[0];
        for(let i = 1; i < n; i++){
            h[i] = high[i - 1];
            l[i] = low[i - 1];
        }
        high = h;
        low = l;
    }
    const num = (0, _rollingextrema.runMin)(low, o.fastK); // lowest low, then close - LL in place
    const den = (0, _rollingextrema.runMax)(high, o.fastK); // highest high, then HH - LL in place
    for(let i = 0; i < n; i++){
        const ll = num[i];
        num[i] = close[i] - ll;
        den[i] -= ll;
    }
    if (o.smooth > 1) {
        const tmp = new Float64Array(n);
        (0, _sma.smaInto)(num, o.smooth, tmp);
        num.set(tmp);
        // Where the last `smooth` ranges were all empty the smoothed range is exactly 0, not the
        // rounding residue a running sum leaves (which would make fastK arbitrary).
        const zeros = new Float64Array(n);
        let zeroRun = 0;
        for(let i = 0; i < n; i++){
            zeroRun = den[i] === 0 ? zeroRun + 1 : 0;
            zeros[i] = zeroRun;
        }
        (0, _sma.smaInto)(den, o.smooth, tmp);
        for(let i = 0; i < n; i++)den[i] = zeros[i] >= o.smooth ? 0 : tmp[i];
    }
    const fastK = num;
    for(let i = 0; i < n; i++)fastK[i] = ratio(num[i], den[i]);
    const fastD = den;
    (0, _sma.smaInto)(fastK, o.fastD, fastD);
    const slowD = new Float64Array(n);
    (0, _sma.smaInto)(fastD, o.slowD, slowD);
    return {
        fastK,
        fastD,
        slowD
    };
}
let StochasticStream = class StochasticStream {
    constructor(options = {}){
        this.prevHigh = NaN;
        this.prevLow = NaN;
        this.zeroRun = 0; // consecutive empty ranges, for the smoothing
        const o = resolve(options);
        this.o = o;
        this.hh = new _monotonicdeque.RollingExtremum(o.fastK, 'max');
        this.ll = new _monotonicdeque.RollingExtremum(o.fastK, 'min');
        this.numMa = o.smooth > 1 ? new _sma.SmaStream(o.smooth) : null;
        this.denMa = o.smooth > 1 ? new _sma.SmaStream(o.smooth) : null;
        this.fastDMa = new _sma.SmaStream(o.fastD);
        this.slowDMa = new _sma.SmaStream(o.slowD);
    }
    get ready() {
        return this.slowDMa.ready;
    }
    update(bar) {
        let h = bar.high;
        let l = bar.low;
        if (!this.o.bounded) {
            const first = this.hh.pushed === 0;
            const ph = first ? h : this.prevHigh;
            const pl = first ? l : this.prevLow;
            this.prevHigh = h;
            this.prevLow = l;
            h = ph;
            l = pl;
        }
        const hh = this.hh.push(h);
        const ll = this.ll.push(l);
        let num = NaN;
        let den = NaN;
        if (this.hh.full) {
            num = bar.close - ll;
            den = hh - ll;
        }
        if (this.numMa !== null && this.denMa !== null) {
            this.zeroRun = den === 0 ? this.zeroRun + 1 : 0;
            num = this.numMa.update(num);
            const smoothed = this.denMa.update(den); // always: the SMA's window must advance
            den = this.zeroRun >= this.o.smooth ? 0 : smoothed;
        }
        const fastK = ratio(num, den);
        const fastD = this.fastDMa.update(fastK);
        const slowD = this.slowDMa.update(fastD);
        return {
            fastK,
            fastD,
            slowD
        };
    }
    reset() {
        this.hh.clear();
        this.ll.clear();
        this.numMa?.reset();
        this.denMa?.reset();
        this.fastDMa.reset();
        this.slowDMa.reset();
        this.prevHigh = NaN;
        this.prevLow = NaN;
        this.zeroRun = 0;
    }
};

//# sourceMappingURL=stochastic.js.map
