/**
 * Market exposure, leverage and turnover helpers. Market values are signed (long > 0,
 * short < 0) and in the same currency unit as `equity`, as floats. A non-positive or NaN
 * equity makes ratios to equity undefined → NaN. No PerformanceAnalytics equivalent except
 * where noted.
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
    get averageTurnover () {
        return averageTurnover;
    },
    get grossExposure () {
        return grossExposure;
    },
    get leverage () {
        return leverage;
    },
    get netExposure () {
        return netExposure;
    },
    get netLeverage () {
        return netLeverage;
    },
    get positionWeights () {
        return positionWeights;
    },
    get timeInMarket () {
        return timeInMarket;
    },
    get turnover () {
        return turnover;
    }
});
function grossExposure(marketValues) {
    let s = 0;
    for(let i = 0; i < marketValues.length; i++)s += Math.abs(marketValues[i]);
    return s;
}
function netExposure(marketValues) {
    let s = 0;
    for(let i = 0; i < marketValues.length; i++)s += marketValues[i];
    return s;
}
function leverage(marketValues, equity) {
    return equity > 0 ? grossExposure(marketValues) / equity : NaN;
}
function netLeverage(marketValues, equity) {
    return equity > 0 ? netExposure(marketValues) / equity : NaN;
}
function positionWeights(marketValues, equity) {
    const out = new Float64Array(marketValues.length);
    for(let i = 0; i < out.length; i++)out[i] = equity > 0 ? marketValues[i] / equity : NaN;
    return out;
}
function timeInMarket(positions) {
    if (positions.length === 0) return NaN;
    let k = 0;
    for(let i = 0; i < positions.length; i++)if (positions[i] !== 0) k++;
    return k / positions.length;
}
function turnover(from, to) {
    if (from.length !== to.length) {
        throw new RangeError(`turnover: weight vectors differ in length (${from.length} vs ${to.length})`);
    }
    let s = 0;
    for(let i = 0; i < from.length; i++)s += Math.abs(to[i] - from[i]);
    return s / 2;
}
function averageTurnover(weightsByPeriod) {
    const m = weightsByPeriod.length;
    if (m < 2) return NaN;
    let s = 0;
    for(let t = 1; t < m; t++)s += turnover(weightsByPeriod[t - 1], weightsByPeriod[t]);
    return s / (m - 1);
}

//# sourceMappingURL=exposure.js.map
