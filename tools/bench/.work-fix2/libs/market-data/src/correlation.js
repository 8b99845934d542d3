/**
 * Returns and correlation over close-price series.
 *
 * Series are first aligned on the timestamps they all share (inner join); returns are simple returns
 * r_t = c_t / c_{t−1} − 1 between consecutive common timestamps. Computations use Float64Array.
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
    get alignSeries () {
        return alignSeries;
    },
    get alignedReturns () {
        return alignedReturns;
    },
    get correlationMatrix () {
        return correlationMatrix;
    },
    get correlationMatrixOf () {
        return correlationMatrixOf;
    },
    get pearsonCorrelation () {
        return pearsonCorrelation;
    },
    get rollingCorrelation () {
        return rollingCorrelation;
    },
    get rollingPearson () {
        return rollingPearson;
    },
    get seriesFromCandles () {
        return seriesFromCandles;
    },
    get simpleReturns () {
        return simpleReturns;
    }
});
function seriesFromCandles(candles, symbol = candles[0]?.symbol ?? '') {
    const times = new Float64Array(candles.length);
    const closes = new Float64Array(candles.length);
    for(let i = 0; i < candles.length; i++){
        times[i] = candles[i].openTimeMs;
        closes[i] = candles[i].close;
    }
    return {
        symbol,
        times,
        closes
    };
}
function validateSeries(s) {
    if (s.times.length !== s.closes.length) {
        throw new RangeError(`series ${s.symbol}: ${s.times.length} times but ${s.closes.length} closes`);
    }
    for(let i = 1; i < s.times.length; i++){
        if (!(s.times[i] > s.times[i - 1])) throw new RangeError(`series ${s.symbol}: times must be strictly increasing (index ${i})`);
    }
}
function alignSeries(series) {
    if (series.length === 0) throw new RangeError('alignSeries needs at least one series');
    for (const s of series)validateSeries(s);
    const m = series.length;
    const first = series[0];
    let capacity = first.times.length;
    for (const s of series)capacity = Math.min(capacity, s.times.length);
    const times = new Float64Array(capacity);
    const closes = series.map(()=>new Float64Array(capacity));
    const cursor = new Int32Array(m);
    let count = 0;
    outer: for(let i = 0; i < first.times.length; i++){
        const t = first.times[i];
        let allMatch = true;
        for(let k = 1; k < m; k++){
            const ts = series[k].times;
            let j = cursor[k];
            while(j < ts.length && ts[j] < t)j++;
            cursor[k] = j;
            if (j === ts.length) break outer;
            if (ts[j] !== t) allMatch = false;
        }
        if (!allMatch) continue;
        times[count] = t;
        closes[0][count] = first.closes[i];
        for(let k = 1; k < m; k++)closes[k][count] = series[k].closes[cursor[k]];
        count++;
    }
    return {
        symbols: series.map((s)=>s.symbol),
        times: times.slice(0, count),
        closes: closes.map((c)=>c.slice(0, count))
    };
}
function simpleReturns(closes) {
    const n = closes.length;
    if (n < 2) return new Float64Array(0);
    const out = new Float64Array(n - 1);
    let previous = closes[0];
    for(let i = 1; i < n; i++){
        const current = closes[i];
        out[i - 1] = current / previous - 1;
        previous = current;
    }
    return out;
}
function alignedReturns(series) {
    const aligned = alignSeries(series);
    return {
        symbols: aligned.symbols,
        times: aligned.times.length > 1 ? aligned.times.slice(1) : new Float64Array(0),
        returns: aligned.closes.map(simpleReturns)
    };
}
function mean(x, from, to) {
    let sum = 0;
    for(let i = from; i < to; i++)sum += x[i];
    const m = sum / (to - from);
    // Second pass corrects the rounding error of the first (as R's mean does).
    let correction = 0;
    for(let i = from; i < to; i++)correction += x[i] - m;
    return m + correction / (to - from);
}
function clampCorrelation(r) {
    return r > 1 ? 1 : r < -1 ? -1 : r;
}
function pearsonCorrelation(x, y) {
    if (x.length !== y.length) throw new RangeError(`samples differ in length: ${x.length} vs ${y.length}`);
    const n = x.length;
    if (n < 2) return NaN;
    const mx = mean(x, 0, n);
    const my = mean(y, 0, n);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for(let i = 0; i < n; i++){
        const dx = x[i] - mx;
        const dy = y[i] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    return sxx > 0 && syy > 0 ? clampCorrelation(sxy / Math.sqrt(sxx * syy)) : NaN;
}
function correlationMatrixOf(samples, symbols) {
    const m = samples.length;
    if (symbols.length !== m) throw new RangeError(`${symbols.length} symbols for ${m} samples`);
    const n = m > 0 ? samples[0].length : 0;
    for (const s of samples)if (s.length !== n) throw new RangeError('samples differ in length');
    const centered = [];
    const norms = new Float64Array(m);
    for(let k = 0; k < m; k++){
        const x = samples[k];
        const c = new Float64Array(n);
        if (n >= 2) {
            const mu = mean(x, 0, n);
            let ss = 0;
            for(let i = 0; i < n; i++){
                const d = x[i] - mu;
                c[i] = d;
                ss += d * d;
            }
            norms[k] = Math.sqrt(ss);
        }
        centered.push(c);
    }
    const matrix = Array.from({
        length: m
    }, ()=>new Array(m).fill(NaN));
    for(let a = 0; a < m; a++){
        if (!(norms[a] > 0)) continue;
        matrix[a][a] = 1;
        const ca = centered[a];
        for(let b = a + 1; b < m; b++){
            if (!(norms[b] > 0)) continue;
            const cb = centered[b];
            let dot = 0;
            for(let i = 0; i < n; i++)dot += ca[i] * cb[i];
            const r = clampCorrelation(dot / (norms[a] * norms[b]));
            matrix[a][b] = r;
            matrix[b][a] = r;
        }
    }
    return {
        symbols: [
            ...symbols
        ],
        matrix,
        observations: n
    };
}
function correlationMatrix(series) {
    const { symbols, returns } = alignedReturns(series);
    return correlationMatrixOf(returns, symbols);
}
function rollingPearson(x, y, window) {
    if (x.length !== y.length) throw new RangeError(`samples differ in length: ${x.length} vs ${y.length}`);
    if (!Number.isInteger(window) || window < 2) throw new RangeError(`window must be an integer >= 2, got ${window}`);
    const n = x.length;
    const out = new Float64Array(n).fill(NaN);
    if (n < window) return out;
    let kx = 0;
    let ky = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for(let i = window - 1; i < n; i++){
        if ((i - window + 1) % window === 0) {
            // Re-centre on the current window's means and recompute the sums exactly.
            kx = mean(x, i - window + 1, i + 1);
            ky = mean(y, i - window + 1, i + 1);
            sx = sy = sxx = syy = sxy = 0;
            for(let j = i - window + 1; j <= i; j++){
                const dx = x[j] - kx;
                const dy = y[j] - ky;
                sx += dx;
                sy += dy;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        } else {
            const ax = x[i] - kx;
            const ay = y[i] - ky;
            const rx = x[i - window] - kx;
            const ry = y[i - window] - ky;
            sx += ax - rx;
            sy += ay - ry;
            sxx += ax * ax - rx * rx;
            syy += ay * ay - ry * ry;
            sxy += ax * ay - rx * ry;
        }
        const vx = sxx - sx * sx / window;
        const vy = syy - sy * sy / window;
        // Treat variances lost in rounding noise (e.g. a constant window) as zero, like R's NA.
        if (vx > 1e-13 * sxx && vy > 1e-13 * syy && vx > 0 && vy > 0) {
            out[i] = clampCorrelation((sxy - sx * sy / window) / Math.sqrt(vx * vy));
        }
    }
    return out;
}
function rollingCorrelation(x, y, window) {
    const { times, returns } = alignedReturns([
        x,
        y
    ]);
    return {
        symbols: [
            x.symbol,
            y.symbol
        ],
        times,
        values: rollingPearson(returns[0], returns[1], window)
    };
}

//# sourceMappingURL=correlation.js.map
