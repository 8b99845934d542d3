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
    get DonchianStream () {
        return DonchianStream;
    },
    get donchian () {
        return donchian;
    }
});
const _monotonicdeque = require("./monotonic-deque");
const _rollingextrema = require("./rolling-extrema");
const _validate = require("./validate");
function resolve(options) {
    const o = {
        period: 10,
        includeLag: false,
        ...options
    };
    (0, _validate.assertPeriod)('period', o.period);
    return o;
}
function donchian(hl, options = {}) {
    const o = resolve(options);
    const n = (0, _validate.assertSameLength)({
        high: hl.high,
        low: hl.low
    });
    const high = (0, _rollingextrema.runMax)(hl.high, o.period);
    const low = (0, _rollingextrema.runMin)(hl.low, o.period);
    if (o.includeLag && n > 0) {
        high.copyWithin(1, 0, n - 1);
        high[0] = NaN;
        low.copyWithin(1, 0, n - 1);
        low[0] = NaN;
    }
    const mid = new Float64Array(n);
    for(let i = 0; i < n; i++)mid[i] = (high[i] + low[i]) / 2;
    return {
        high,
        mid,
        low
    };
}
let DonchianStream = class DonchianStream {
    constructor(options = {}){
        this.last = {
            high: NaN,
            mid: NaN,
            low: NaN
        };
        this.o = resolve(options);
        this.hh = new _monotonicdeque.RollingExtremum(this.o.period, 'max');
        this.ll = new _monotonicdeque.RollingExtremum(this.o.period, 'min');
    }
    get ready() {
        return this.o.includeLag ? this.hh.pushed > this.o.period : this.hh.full;
    }
    update(bar) {
        const h = this.hh.push(bar.high);
        const l = this.ll.push(bar.low);
        const now = this.hh.full ? {
            high: h,
            mid: (h + l) / 2,
            low: l
        } : {
            high: NaN,
            mid: NaN,
            low: NaN
        };
        if (!this.o.includeLag) return now;
        const previous = this.last;
        this.last = now;
        return previous;
    }
    reset() {
        this.hh.clear();
        this.ll.clear();
        this.last = {
            high: NaN,
            mid: NaN,
            low: NaN
        };
    }
};

//# sourceMappingURL=donchian.js.map
