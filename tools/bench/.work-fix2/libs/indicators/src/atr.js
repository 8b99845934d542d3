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
    get AtrStream () {
        return AtrStream;
    },
    get atr () {
        return atr;
    }
});
const _ema = require("./ema");
const _validate = require("./validate");
function atr(hlc, period = 14) {
    (0, _validate.assertPeriod)('period', period);
    const n = (0, _validate.assertSameLength)({
        high: hlc.high,
        low: hlc.low,
        close: hlc.close
    });
    const { high, low, close } = hlc;
    const tr = new Float64Array(n);
    if (n > 0) tr[0] = NaN;
    for(let i = 1; i < n; i++){
        const pc = close[i - 1];
        tr[i] = Math.max(high[i], pc) - Math.min(low[i], pc);
    }
    const out = new Float64Array(n);
    (0, _ema.emaInto)(tr, period, 1 / period, out);
    return {
        tr,
        atr: out
    };
}
let AtrStream = class AtrStream {
    constructor(period = 14){
        this.period = period;
        this.prevClose = NaN;
        (0, _validate.assertPeriod)('period', period);
        this.smoother = new _ema.EmaStream(period, {
            wilder: true
        });
    }
    get ready() {
        return this.smoother.ready;
    }
    update(bar) {
        const pc = this.prevClose;
        // Math.max/min give NaN when pc is NaN: no true range on the first bar, as in TTR.
        const tr = Math.max(bar.high, pc) - Math.min(bar.low, pc);
        this.prevClose = bar.close;
        return {
            tr,
            atr: this.smoother.update(tr)
        };
    }
    reset() {
        this.smoother.reset();
        this.prevClose = NaN;
    }
};

//# sourceMappingURL=atr.js.map
