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
    get EmaStream () {
        return EmaStream;
    },
    get ema () {
        return ema;
    },
    get emaInto () {
        return emaInto;
    },
    get emaRatio () {
        return emaRatio;
    }
});
const _validate = require("./validate");
function emaRatio(period, wilder = false) {
    return wilder ? 1 / period : 2 / (period + 1);
}
function ema(values, period, options = {}) {
    (0, _validate.assertPeriod)('period', period);
    const out = new Float64Array(values.length);
    emaInto(values, period, emaRatio(period, options.wilder), out);
    return out;
}
function emaInto(values, period, ratio, out) {
    const n = values.length;
    const first = (0, _validate.firstValid)(values);
    if (first + period > n) {
        out.fill(NaN);
        return;
    }
    let sum = 0;
    for(let i = first; i < first + period; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)('ema', i);
        sum += x;
    }
    // Filled only now, after the seed window was read, so that `out` may alias `values`.
    out.fill(NaN, 0, first + period - 1);
    let prev = sum / period;
    out[first + period - 1] = prev;
    const keep = 1 - ratio;
    for(let i = first + period; i < n; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)('ema', i);
        prev = x * ratio + prev * keep;
        out[i] = prev;
    }
}
let EmaStream = class EmaStream {
    constructor(period, options = {}){
        this.period = period;
        this.seen = 0; // non-NaN values seen
        this.sum = 0;
        this.prev = NaN;
        this.index = 0;
        (0, _validate.assertPeriod)('period', period);
        this.ratio = emaRatio(period, options.wilder);
        this.keep = 1 - this.ratio;
    }
    get ready() {
        return this.seen >= this.period;
    }
    /** Adds one value; returns the EMA, or NaN during warm-up. Leading NaN are skipped. */ update(value) {
        const i = this.index++;
        if (value !== value) {
            if (this.seen > 0) throw (0, _validate.interiorNaN)('EmaStream', i);
            return NaN;
        }
        if (this.seen >= this.period) {
            this.prev = value * this.ratio + this.prev * this.keep;
            return this.prev;
        }
        this.seen++;
        this.sum += value;
        if (this.seen === this.period) {
            this.prev = this.sum / this.period;
            return this.prev;
        }
        return NaN;
    }
    reset() {
        this.seen = 0;
        this.sum = 0;
        this.prev = NaN;
        this.index = 0;
    }
};

//# sourceMappingURL=ema.js.map
