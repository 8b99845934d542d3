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
    get MacdStream () {
        return MacdStream;
    },
    get macd () {
        return macd;
    }
});
const _ema = require("./ema");
const _validate = require("./validate");
function resolve(options) {
    const o = {
        fast: 12,
        slow: 26,
        signal: 9,
        percent: false,
        ...options
    };
    (0, _validate.assertPeriod)('fast', o.fast);
    (0, _validate.assertPeriod)('slow', o.slow);
    (0, _validate.assertPeriod)('signal', o.signal);
    return o;
}
function macd(values, options = {}) {
    const o = resolve(options);
    const n = values.length;
    const line = new Float64Array(n);
    const slow = new Float64Array(n);
    (0, _ema.emaInto)(values, o.fast, (0, _ema.emaRatio)(o.fast), line);
    (0, _ema.emaInto)(values, o.slow, (0, _ema.emaRatio)(o.slow), slow);
    if (o.percent) for(let i = 0; i < n; i++)line[i] = 100 * (line[i] / slow[i] - 1);
    else for(let i = 0; i < n; i++)line[i] -= slow[i];
    const signal = new Float64Array(n);
    (0, _ema.emaInto)(line, o.signal, (0, _ema.emaRatio)(o.signal), signal);
    const histogram = slow; // reuse the buffer
    for(let i = 0; i < n; i++)histogram[i] = line[i] - signal[i];
    return {
        macd: line,
        signal,
        histogram
    };
}
let MacdStream = class MacdStream {
    constructor(options = {}){
        const o = resolve(options);
        this.fast = new _ema.EmaStream(o.fast);
        this.slow = new _ema.EmaStream(o.slow);
        this.sig = new _ema.EmaStream(o.signal);
        this.percent = o.percent;
    }
    get ready() {
        return this.sig.ready;
    }
    update(price) {
        const f = this.fast.update(price);
        const s = this.slow.update(price);
        const m = this.percent ? 100 * (f / s - 1) : f - s;
        const signal = this.sig.update(m);
        return {
            macd: m,
            signal,
            histogram: m - signal
        };
    }
    reset() {
        this.fast.reset();
        this.slow.reset();
        this.sig.reset();
    }
};

//# sourceMappingURL=macd.js.map
