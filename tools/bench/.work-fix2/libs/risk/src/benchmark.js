/** Measures of a return series against a benchmark series of the same length. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "beta", {
    enumerable: true,
    get: function() {
        return beta;
    }
});
const _stats = require("./stats");
function beta(returns, benchmark, rf = 0) {
    if (returns.length !== benchmark.length) {
        throw new RangeError(`beta: series lengths differ (${returns.length} vs ${benchmark.length})`);
    }
    const n = returns.length;
    const xa = new Float64Array(n);
    const xb = new Float64Array(n);
    for(let i = 0; i < n; i++){
        xa[i] = returns[i] - rf;
        xb[i] = benchmark[i] - rf;
    }
    const v = (0, _stats.variance)(xb);
    return v === 0 ? NaN : (0, _stats.covariance)(xa, xb) / v;
}

//# sourceMappingURL=benchmark.js.map
