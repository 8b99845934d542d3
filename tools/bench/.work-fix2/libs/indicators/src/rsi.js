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
    get RsiStream () {
        return RsiStream;
    },
    get rsi () {
        return rsi;
    }
});
const _ema = require("./ema");
const _validate = require("./validate");
function rsi(values, period = 14) {
    (0, _validate.assertPeriod)('period', period);
    const n = values.length;
    const up = new Float64Array(n);
    const dn = new Float64Array(n);
    if (n > 0) {
        up[0] = NaN;
        dn[0] = NaN;
    }
    for(let i = 1; i < n; i++){
        const d = values[i] - values[i - 1];
        if (d !== d) {
            up[i] = NaN;
            dn[i] = NaN;
        } else {
            up[i] = d > 0 ? d : 0;
            dn[i] = d < 0 ? -d : 0;
        }
    }
    const ratio = 1 / period;
    (0, _ema.emaInto)(up, period, ratio, up); // in place: emaInto reads values[i] before writing out[i]
    (0, _ema.emaInto)(dn, period, ratio, dn);
    for(let i = 0; i < n; i++)up[i] = 100 * up[i] / (up[i] + dn[i]);
    return up;
}
let RsiStream = class RsiStream {
    constructor(period = 14){
        this.period = period;
        this.prev = NaN;
        (0, _validate.assertPeriod)('period', period);
        this.gains = new _ema.EmaStream(period, {
            wilder: true
        });
        this.losses = new _ema.EmaStream(period, {
            wilder: true
        });
    }
    get ready() {
        return this.gains.ready;
    }
    update(price) {
        const d = price - this.prev;
        this.prev = price;
        let g;
        let l;
        if (d !== d) {
            g = this.gains.update(NaN);
            l = this.losses.update(NaN);
        } else {
            g = this.gains.update(d > 0 ? d : 0);
            l = this.losses.update(d < 0 ? -d : 0);
        }
        return 100 * g / (g + l);
    }
    reset() {
        this.gains.reset();
        this.losses.reset();
        this.prev = NaN;
    }
};

//# sourceMappingURL=rsi.js.map
