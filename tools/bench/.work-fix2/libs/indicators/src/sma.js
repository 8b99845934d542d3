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
    get SmaStream () {
        return SmaStream;
    },
    get sma () {
        return sma;
    },
    get smaInto () {
        return smaInto;
    }
});
const _ringbuffer = require("./ring-buffer");
const _validate = require("./validate");
function sma(values, period) {
    (0, _validate.assertPeriod)('period', period);
    const n = values.length;
    const out = new Float64Array(n);
    smaInto(values, period, out);
    return out;
}
function smaInto(values, period, out) {
    const n = values.length;
    const first = (0, _validate.firstValid)(values);
    const warm = Math.min(n, first + period - 1);
    out.fill(NaN, 0, warm);
    if (first + period > n) {
        out.fill(NaN);
        return;
    }
    let sum = 0;
    for(let i = first; i < first + period; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)('sma', i);
        sum += x;
    }
    out[first + period - 1] = sum / period;
    for(let i = first + period; i < n; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)('sma', i);
        sum = sum + x - values[i - period]; // (sum + x) - old: TTR's runSum order
        out[i] = sum / period;
    }
}
let SmaStream = class SmaStream {
    constructor(period){
        this.period = period;
        this.sum = 0;
        this.started = false;
        this.index = 0;
        (0, _validate.assertPeriod)('period', period);
        this.window = new _ringbuffer.RingBuffer(period);
    }
    get ready() {
        return this.window.full;
    }
    /** Adds one value; returns the average, or NaN during warm-up. Leading NaN are skipped. */ update(value) {
        const i = this.index++;
        if (value !== value) {
            if (this.started) throw (0, _validate.interiorNaN)('SmaStream', i);
            return NaN;
        }
        this.started = true;
        const w = this.window;
        if (!w.full) {
            w.push(value);
            this.sum += value;
            return w.full ? this.sum / this.period : NaN;
        }
        const old = w.push(value);
        this.sum = this.sum + value - old;
        return this.sum / this.period;
    }
    reset() {
        this.window.clear();
        this.sum = 0;
        this.started = false;
        this.index = 0;
    }
};

//# sourceMappingURL=sma.js.map
