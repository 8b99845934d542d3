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
    get RunMaxStream () {
        return RunMaxStream;
    },
    get RunMinStream () {
        return RunMinStream;
    },
    get runMax () {
        return runMax;
    },
    get runMin () {
        return runMin;
    }
});
const _monotonicdeque = require("./monotonic-deque");
const _validate = require("./validate");
function rolling(values, period, kind) {
    (0, _validate.assertPeriod)('period', period);
    const n = values.length;
    const out = new Float64Array(n);
    const first = (0, _validate.firstValid)(values);
    if (first + period > n) return out.fill(NaN);
    out.fill(NaN, 0, first + period - 1);
    const deque = new _monotonicdeque.RollingExtremum(period, kind);
    for(let i = first; i < first + period - 1; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)(`run${kind === 'max' ? 'Max' : 'Min'}`, i);
        deque.push(x);
    }
    for(let i = first + period - 1; i < n; i++){
        const x = values[i];
        if (x !== x) throw (0, _validate.interiorNaN)(`run${kind === 'max' ? 'Max' : 'Min'}`, i);
        out[i] = deque.push(x);
    }
    return out;
}
function runMax(values, period) {
    return rolling(values, period, 'max');
}
function runMin(values, period) {
    return rolling(values, period, 'min');
}
let RollingExtremumStream = class RollingExtremumStream {
    constructor(period, kind){
        this.period = period;
        this.kind = kind;
        this.index = 0;
        (0, _validate.assertPeriod)('period', period);
        this.deque = new _monotonicdeque.RollingExtremum(period, kind);
    }
    get ready() {
        return this.deque.full;
    }
    update(value) {
        const i = this.index++;
        if (value !== value) {
            if (this.deque.pushed > 0) throw (0, _validate.interiorNaN)(this.kind === 'max' ? 'RunMaxStream' : 'RunMinStream', i);
            return NaN;
        }
        const v = this.deque.push(value);
        return this.deque.full ? v : NaN;
    }
    reset() {
        this.deque.clear();
        this.index = 0;
    }
};
let RunMaxStream = class RunMaxStream extends RollingExtremumStream {
    constructor(period){
        super(period, 'max');
    }
};
let RunMinStream = class RunMinStream extends RollingExtremumStream {
    constructor(period){
        super(period, 'min');
    }
};

//# sourceMappingURL=rolling-extrema.js.map
