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
    get RunSdStream () {
        return RunSdStream;
    },
    get runSD () {
        return runSD;
    }
});
const _rollingvariance = require("./rolling-variance");
const _validate = require("./validate");
function runSD(values, period, options = {}) {
    (0, _validate.assertPeriod)('period', period);
    const sample = options.sample ?? true;
    const n = values.length;
    const out = new Float64Array(n);
    const first = (0, _validate.firstValid)(values);
    if (first + period > n) return out.fill(NaN);
    out.fill(NaN, 0, first + period - 1);
    const rv = new _rollingvariance.RollingVariance(period);
    for(let i = first; i < n; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)('runSD', i);
        rv.push(x);
        if (i >= first + period - 1) out[i] = Math.sqrt(rv.variance(sample));
    }
    return out;
}
let RunSdStream = class RunSdStream {
    constructor(period, options = {}){
        this.period = period;
        this.started = false;
        this.index = 0;
        (0, _validate.assertPeriod)('period', period);
        this.sample = options.sample ?? true;
        this.rv = new _rollingvariance.RollingVariance(period);
    }
    get ready() {
        return this.rv.full;
    }
    update(value) {
        const i = this.index++;
        if (value !== value) {
            if (this.started) throw (0, _validate.interiorNaN)('RunSdStream', i);
            return NaN;
        }
        this.started = true;
        this.rv.push(value);
        return this.rv.full ? Math.sqrt(this.rv.variance(this.sample)) : NaN;
    }
    reset() {
        this.rv.clear();
        this.started = false;
        this.index = 0;
    }
};

//# sourceMappingURL=run-sd.js.map
