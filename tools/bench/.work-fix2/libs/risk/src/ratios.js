/**
 * Risk-adjusted return ratios. The risk-free rate `rf` and the minimum acceptable return `mar`
 * are per period (e.g. a daily rate for daily returns), as in PA.
 * A zero denominator (constant returns, no downside) gives NaN rather than ±Infinity.
 */ "use strict";
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
    get annualizedSharpeRatio () {
        return annualizedSharpeRatio;
    },
    get downsideDeviation () {
        return downsideDeviation;
    },
    get sharpeRatio () {
        return sharpeRatio;
    },
    get sortinoRatio () {
        return sortinoRatio;
    }
});
const _returns = require("./returns");
const _stats = require("./stats");
function excess(returns, rf) {
    const out = new Float64Array(returns.length);
    for(let i = 0; i < returns.length; i++)out[i] = returns[i] - rf;
    return out;
}
function ratio(numerator, denominator) {
    return denominator === 0 ? NaN : numerator / denominator;
}
function sharpeRatio(returns, rf = 0) {
    const x = excess(returns, rf);
    return ratio((0, _stats.mean)(x), (0, _stats.stdDev)(x));
}
function annualizedSharpeRatio(returns, rf = 0, scale = _returns.PERIODS_PER_YEAR, geometric = true) {
    const x = excess(returns, rf);
    return ratio((0, _returns.annualizedReturn)(x, scale, geometric), Math.sqrt(scale) * (0, _stats.stdDev)(x));
}
function downsideDeviation(returns, mar = 0) {
    const n = returns.length;
    if (n === 0) return NaN;
    let s = 0;
    for(let i = 0; i < n; i++){
        const r = returns[i];
        if (r < mar || Number.isNaN(r)) {
            const d = mar - r;
            s += d * d / n;
        }
    }
    return Math.sqrt(s);
}
function sortinoRatio(returns, mar = 0) {
    return ratio((0, _stats.mean)(excess(returns, mar)), downsideDeviation(returns, mar));
}

//# sourceMappingURL=ratios.js.map
