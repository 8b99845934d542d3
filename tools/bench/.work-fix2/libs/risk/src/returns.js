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
    get PERIODS_PER_YEAR () {
        return PERIODS_PER_YEAR;
    },
    get annualizedReturn () {
        return annualizedReturn;
    },
    get annualizedVolatility () {
        return annualizedVolatility;
    },
    get calculateReturns () {
        return calculateReturns;
    },
    get cumulativeReturn () {
        return cumulativeReturn;
    }
});
const _stats = require("./stats");
const PERIODS_PER_YEAR = 252;
function calculateReturns(prices, method = 'discrete') {
    const n = prices.length;
    if (n < 2) return new Float64Array(0);
    const out = new Float64Array(n - 1);
    for(let t = 1; t < n; t++){
        const ratio = prices[t] / prices[t - 1];
        out[t - 1] = method === 'log' ? Math.log(ratio) : ratio - 1;
    }
    return out;
}
function cumulativeReturn(returns, geometric = true) {
    if (geometric) {
        let w = 1;
        for(let i = 0; i < returns.length; i++)w *= 1 + returns[i];
        return w - 1;
    }
    let s = 0;
    for(let i = 0; i < returns.length; i++)s += returns[i];
    return s;
}
function annualizedReturn(returns, scale = PERIODS_PER_YEAR, geometric = true) {
    const n = returns.length;
    if (n === 0) return NaN;
    if (!geometric) return (0, _stats.mean)(returns) * scale;
    let w = 1;
    for(let i = 0; i < n; i++)w *= 1 + returns[i];
    return Math.pow(w, scale / n) - 1;
}
function annualizedVolatility(returns, scale = PERIODS_PER_YEAR) {
    return Math.sqrt(scale) * (0, _stats.stdDev)(returns);
}

//# sourceMappingURL=returns.js.map
