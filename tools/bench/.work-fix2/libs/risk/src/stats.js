/**
 * Descriptive statistics used by the risk metrics. All functions are pure and
 * never throw on data: an empty input (or one that is too short for the
 * estimator) yields NaN, and a NaN anywhere in the input propagates to the result.
 * Use {@link dropNaN} to mirror R's `na.omit` explicitly.
 */ /** A read-only series of numbers; every public function takes a Float64Array. */ "use strict";
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
    get correlation () {
        return correlation;
    },
    get covariance () {
        return covariance;
    },
    get dropNaN () {
        return dropNaN;
    },
    get hasNaN () {
        return hasNaN;
    },
    get mean () {
        return mean;
    },
    get populationStdDev () {
        return populationStdDev;
    },
    get quantile () {
        return quantile;
    },
    get quantileSorted () {
        return quantileSorted;
    },
    get sortedCopy () {
        return sortedCopy;
    },
    get stdDev () {
        return stdDev;
    },
    get sum () {
        return sum;
    },
    get variance () {
        return variance;
    }
});
function dropNaN(x) {
    let count = 0;
    for(let i = 0; i < x.length; i++)if (!Number.isNaN(x[i])) count++;
    const out = new Float64Array(count);
    let j = 0;
    for(let i = 0; i < x.length; i++)if (!Number.isNaN(x[i])) out[j++] = x[i];
    return out;
}
function hasNaN(x) {
    for(let i = 0; i < x.length; i++)if (Number.isNaN(x[i])) return true;
    return false;
}
function sum(x) {
    let s = 0;
    for(let i = 0; i < x.length; i++)s += x[i];
    return s;
}
function mean(x) {
    const n = x.length;
    if (n === 0) return NaN;
    const m = sum(x) / n;
    if (!Number.isFinite(m)) return m;
    let c = 0;
    for(let i = 0; i < n; i++)c += x[i] - m;
    return m + c / n;
}
/** Sum of squared deviations from the mean (two-pass). */ function sumSquaredDeviations(x) {
    const m = mean(x);
    let s = 0;
    for(let i = 0; i < x.length; i++){
        const d = x[i] - m;
        s += d * d;
    }
    return s;
}
function variance(x) {
    if (x.length < 2) return NaN;
    return sumSquaredDeviations(x) / (x.length - 1);
}
function stdDev(x) {
    return Math.sqrt(variance(x));
}
function populationStdDev(x) {
    if (x.length === 0) return NaN;
    return Math.sqrt(sumSquaredDeviations(x) / x.length);
}
function assertSameLength(a, b, what) {
    if (a.length !== b.length) {
        throw new RangeError(`${what}: series lengths differ (${a.length} vs ${b.length})`);
    }
}
function covariance(a, b) {
    assertSameLength(a, b, 'covariance');
    const n = a.length;
    if (n < 2) return NaN;
    const ma = mean(a);
    const mb = mean(b);
    let s = 0;
    for(let i = 0; i < n; i++)s += (a[i] - ma) * (b[i] - mb);
    return s / (n - 1);
}
function correlation(a, b) {
    assertSameLength(a, b, 'correlation');
    const n = a.length;
    if (n < 2) return NaN;
    const ma = mean(a);
    const mb = mean(b);
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for(let i = 0; i < n; i++){
        const da = a[i] - ma;
        const db = b[i] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
    }
    if (saa === 0 || sbb === 0) return NaN;
    const r = sab / Math.sqrt(saa * sbb);
    // Guard against rounding just outside [-1, 1], as R's cor does.
    return Math.max(-1, Math.min(1, r));
}
function sortedCopy(x) {
    return Float64Array.from(x).sort();
}
function quantile(x, prob) {
    if (!(prob >= 0 && prob <= 1)) throw new RangeError(`quantile: prob must be in [0, 1], got ${prob}`);
    if (x.length === 0 || hasNaN(x)) return NaN;
    return quantileSorted(sortedCopy(x), prob);
}
function quantileSorted(sorted, prob) {
    const n = sorted.length;
    if (n === 0) return NaN;
    const index = 1 + (n - 1) * prob; // 1-based, as in R
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    const qlo = sorted[lo - 1];
    const qhi = sorted[hi - 1];
    if (index > lo && qhi !== qlo) {
        const h = index - lo;
        return (1 - h) * qlo + h * qhi;
    }
    return qlo;
}

//# sourceMappingURL=stats.js.map
