// Test-only helpers (not exported from index.ts).
/** Values equal within 1e-9, absolute or relative; NaN only where NaN is expected. */ "use strict";
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
    get TOLERANCE () {
        return TOLERANCE;
    },
    get close () {
        return close;
    },
    get gaussian () {
        return gaussian;
    },
    get mismatches () {
        return mismatches;
    },
    get prng () {
        return prng;
    },
    get randomBars () {
        return randomBars;
    }
});
const TOLERANCE = 1e-9;
function close(actual, expected) {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    if (!Number.isFinite(expected)) return actual === expected;
    if (!Number.isFinite(actual)) return false;
    const diff = Math.abs(actual - expected);
    return diff <= TOLERANCE || diff <= TOLERANCE * Math.abs(expected);
}
function mismatches(actual, expected, max = 5) {
    const out = [];
    if (actual.length !== expected.length) return [
        `length ${actual.length} != ${expected.length}`
    ];
    for(let i = 0; i < expected.length && out.length < max; i++){
        if (!close(actual[i], expected[i])) out.push(`[${i}] got ${actual[i]}, expected ${expected[i]}`);
    }
    return out;
}
function prng(seed) {
    let a = seed >>> 0;
    return ()=>{
        a = a + 0x6d2b79f5 >>> 0;
        let t = a;
        t = Math.imul(t ^ t >>> 15, t | 1);
        t ^= t + Math.imul(t ^ t >>> 7, t | 61);
        return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
}
function gaussian(rand) {
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
function randomBars(rand, length, flats = true) {
    const open = new Float64Array(length);
    const high = new Float64Array(length);
    const low = new Float64Array(length);
    const closeS = new Float64Array(length);
    const vol = 0.002 + 0.03 * rand();
    let price = 10 + 1000 * rand();
    let flatLeft = 0;
    for(let i = 0; i < length; i++){
        if (flats && flatLeft === 0 && rand() < 0.02) flatLeft = 1 + Math.floor(rand() * 30);
        if (flatLeft > 0) {
            flatLeft--;
            open[i] = high[i] = low[i] = closeS[i] = price;
            continue;
        }
        const o = price;
        price *= Math.exp(vol * gaussian(rand));
        open[i] = o;
        closeS[i] = price;
        high[i] = Math.max(o, price) * Math.exp(Math.abs(vol * 0.5 * gaussian(rand)));
        low[i] = Math.min(o, price) * Math.exp(-Math.abs(vol * 0.5 * gaussian(rand)));
    }
    return {
        open,
        high,
        low,
        close: closeS
    };
}

//# sourceMappingURL=spec-helpers.js.map
