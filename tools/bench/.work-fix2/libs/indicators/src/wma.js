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
    get WmaStream () {
        return WmaStream;
    },
    get wma () {
        return wma;
    }
});
const _ringbuffer = require("./ring-buffer");
const _validate = require("./validate");
function wma(values, period) {
    (0, _validate.assertPeriod)('period', period);
    const n = values.length;
    const out = new Float64Array(n);
    const first = (0, _validate.firstValid)(values);
    if (first + period > n) return out.fill(NaN);
    out.fill(NaN, 0, first + period - 1);
    const denom = period * (period + 1) / 2;
    let s = 0;
    let w = 0;
    for(let k = 0; k < period; k++){
        const x = values[first + k];
        if (x !== x) throw (0, _validate.interiorNaN)('wma', first + k);
        s += x;
        w += (k + 1) * x;
    }
    out[first + period - 1] = w / denom;
    for(let i = first + period; i < n; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)('wma', i);
        w += period * x - s;
        s += x - values[i - period];
        out[i] = w / denom;
    }
    return out;
}
let WmaStream = class WmaStream {
    constructor(period){
        this.period = period;
        this.s = 0;
        this.w = 0;
        this.started = false;
        this.index = 0;
        (0, _validate.assertPeriod)('period', period);
        this.window = new _ringbuffer.RingBuffer(period);
        this.denom = period * (period + 1) / 2;
    }
    get ready() {
        return this.window.full;
    }
    update(value) {
        const i = this.index++;
        if (value !== value) {
            if (this.started) throw (0, _validate.interiorNaN)('WmaStream', i);
            return NaN;
        }
        this.started = true;
        const win = this.window;
        if (!win.full) {
            win.push(value);
            this.s += value;
            this.w += win.size * value;
            return win.full ? this.w / this.denom : NaN;
        }
        const old = win.push(value);
        this.w += this.period * value - this.s;
        this.s += value - old;
        return this.w / this.denom;
    }
    reset() {
        this.window.clear();
        this.s = 0;
        this.w = 0;
        this.started = false;
        this.index = 0;
    }
};

//# sourceMappingURL=wma.js.map
