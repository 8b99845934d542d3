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
    get RocStream () {
        return RocStream;
    },
    get roc () {
        return roc;
    }
});
const _ringbuffer = require("./ring-buffer");
const _validate = require("./validate");
function roc(values, period = 1, options = {}) {
    (0, _validate.assertPeriod)('period', period);
    const continuous = (options.type ?? 'continuous') === 'continuous';
    const n = values.length;
    const out = new Float64Array(n);
    out.fill(NaN, 0, Math.min(period, n));
    if (continuous) {
        for(let i = period; i < n; i++)out[i] = Math.log(values[i]) - Math.log(values[i - period]);
    } else {
        for(let i = period; i < n; i++)out[i] = values[i] / values[i - period] - 1;
    }
    return out;
}
let RocStream = class RocStream {
    constructor(period = 1, options = {}){
        this.period = period;
        (0, _validate.assertPeriod)('period', period);
        this.continuous = (options.type ?? 'continuous') === 'continuous';
        this.lagged = new _ringbuffer.RingBuffer(period);
    }
    get ready() {
        return this.lagged.full;
    }
    update(value) {
        const wasFull = this.lagged.full;
        const old = this.lagged.push(value);
        if (!wasFull) return NaN;
        return this.continuous ? Math.log(value) - Math.log(old) : value / old - 1;
    }
    reset() {
        this.lagged.clear();
    }
};

//# sourceMappingURL=roc.js.map
