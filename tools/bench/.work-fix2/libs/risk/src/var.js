/**
 * One-period Value at Risk and Expected Shortfall (CVaR).
 *
 * SIGN CONVENTION (PA's default `invert = TRUE`): VaR and ES are reported as *returns*,
 * so a loss is a negative number, e.g. `historicalVaR(r, 0.95) === -0.021` means a 5 %
 * chance of losing 2.1 % or more in one period. ES ≤ VaR for the same data and level.
 * This is exactly the number `VaR(R, p, method = …)` / `ES(R, p, method = …)` print by default.
 *
 * Differences from PA, on purpose:
 *  - PA replaces a VaR/ES that implies a gain (a positive return here) with NA and caps a
 *    loss beyond 100 % at 100 % ("unreliable result" messages). These functions return the
 *    raw value; check the sign yourself if you need PA's NA.
 *  - PA drops NAs (`na.omit`); here a NaN in the input gives NaN (use `dropNaN` first).
 *
 * The level `p` follows PA's `.setalphaprob`: p ≥ 0.51 is a confidence level and the tail
 * probability is 1 − p (0.95 → 5 % tail); p < 0.51 is taken as the tail probability itself
 * (0.05 → 5 % tail). Empty input → NaN.
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
    get gaussianES () {
        return gaussianES;
    },
    get gaussianVaR () {
        return gaussianVaR;
    },
    get historicalES () {
        return historicalES;
    },
    get historicalVaR () {
        return historicalVaR;
    },
    get tailProbability () {
        return tailProbability;
    }
});
const _normal = require("./normal");
const _stats = require("./stats");
function tailProbability(p) {
    if (!(p > 0 && p < 1)) throw new RangeError(`VaR/ES level must be in (0, 1), got ${p}`);
    return p >= 0.51 ? 1 - p : p;
}
function gaussianSd(returns, options) {
    return options?.sd === 'sample' ? (0, _stats.stdDev)(returns) : (0, _stats.populationStdDev)(returns);
}
function historicalVaR(returns, p = 0.95) {
    const alpha = tailProbability(p);
    if (returns.length === 0 || (0, _stats.hasNaN)(returns)) return NaN;
    return (0, _stats.quantileSorted)((0, _stats.sortedCopy)(returns), alpha);
}
function historicalES(returns, p = 0.95) {
    const alpha = tailProbability(p);
    if (returns.length === 0 || (0, _stats.hasNaN)(returns)) return NaN;
    const sorted = (0, _stats.sortedCopy)(returns);
    const q = (0, _stats.quantileSorted)(sorted, alpha);
    let s = 0;
    let k = 0;
    for(let i = 0; i < sorted.length && sorted[i] < q; i++){
        s += sorted[i];
        k++;
    }
    return k === 0 ? q : s / k;
}
function gaussianVaR(returns, p = 0.95, options) {
    const alpha = tailProbability(p);
    if (returns.length === 0) return NaN;
    return (0, _stats.mean)(returns) + (0, _normal.normalQuantile)(alpha) * gaussianSd(returns, options);
}
function gaussianES(returns, p = 0.95, options) {
    const alpha = tailProbability(p);
    if (returns.length === 0) return NaN;
    return (0, _stats.mean)(returns) - gaussianSd(returns, options) * (0, _normal.normalDensity)((0, _normal.normalQuantile)(alpha)) / alpha;
}

//# sourceMappingURL=var.js.map
