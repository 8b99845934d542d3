/**
 * Drawdowns of a return series.
 *
 * SIGN CONVENTION (as PA): the drawdown *series* and episode depths are ≤ 0
 * (`Drawdowns`, `findDrawdowns$return`), while {@link maxDrawdown} is a positive magnitude
 * (PA's `maxDrawdown` with its default `invert = TRUE`), e.g. 0.25 for a 25 % fall.
 *
 * Wealth starts at 1 before the first return, so a loss in the first period is a drawdown.
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
    get calmarRatio () {
        return calmarRatio;
    },
    get drawdownDuration () {
        return drawdownDuration;
    },
    get drawdowns () {
        return drawdowns;
    },
    get findDrawdowns () {
        return findDrawdowns;
    },
    get maxDrawdown () {
        return maxDrawdown;
    }
});
const _returns = require("./returns");
function drawdowns(returns, geometric = true) {
    const n = returns.length;
    const out = new Float64Array(n);
    let wealth = 1;
    let peak = 1;
    for(let i = 0; i < n; i++){
        wealth = geometric ? wealth * (1 + returns[i]) : wealth + returns[i];
        if (wealth > peak) peak = wealth;
        out[i] = wealth / peak - 1;
    }
    return out;
}
function maxDrawdown(returns, geometric = true) {
    if (returns.length === 0) return NaN;
    const dd = drawdowns(returns, geometric);
    let min = 0;
    for(let i = 0; i < dd.length; i++){
        if (dd[i] < min || Number.isNaN(dd[i])) min = dd[i];
        if (Number.isNaN(min)) return NaN;
    }
    return min === 0 ? 0 : -min;
}
function findDrawdowns(returns, geometric = true) {
    const dd = drawdowns(returns, geometric);
    const n = dd.length;
    const episodes = [];
    let start = -1;
    let trough = -1;
    for(let i = 0; i < n; i++){
        if (dd[i] < 0) {
            if (start < 0) {
                start = i;
                trough = i;
            } else if (dd[i] < dd[trough]) {
                trough = i;
            }
        } else if (start >= 0) {
            episodes.push({
                start,
                trough,
                recovery: i,
                depth: dd[trough],
                length: i - start + 1
            });
            start = -1;
        }
    }
    if (start >= 0) episodes.push({
        start,
        trough,
        recovery: null,
        depth: dd[trough],
        length: n - start
    });
    return episodes;
}
function drawdownDuration(returns, geometric = true) {
    let longest = 0;
    for (const e of findDrawdowns(returns, geometric))if (e.length > longest) longest = e.length;
    return longest;
}
function calmarRatio(returns, scale = _returns.PERIODS_PER_YEAR) {
    const mdd = maxDrawdown(returns);
    if (!(mdd > 0)) return NaN;
    return (0, _returns.annualizedReturn)(returns, scale) / mdd;
}

//# sourceMappingURL=drawdown.js.map
