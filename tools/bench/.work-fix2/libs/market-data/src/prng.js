/**
 * Seedable pseudo-random numbers for deterministic simulations.
 *
 * - {@link Xoshiro128StarStar}: xoshiro128** 1.1 (Blackman & Vigna), 128-bit state, period 2^128 − 1,
 *   seeded through splitmix32 so that nearby seeds give unrelated streams.
 * - {@link NormalSampler}: standard normal variates by the Marsaglia polar method.
 *
 * Nothing here reads the clock or `Math.random`; the same seed always yields the same stream.
 */ /** A source of uniform random numbers. */ "use strict";
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
    get NormalSampler () {
        return NormalSampler;
    },
    get Xoshiro128StarStar () {
        return Xoshiro128StarStar;
    },
    get createPrng () {
        return createPrng;
    },
    get hashString () {
        return hashString;
    },
    get seedToState () {
        return seedToState;
    }
});
const TWO_POW_32 = 4294967296;
const TWO_POW_53_INV = 1 / 9007199254740992;
function hashString(text) {
    let h = 0x811c9dc5;
    for(let i = 0; i < text.length; i++){
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/** splitmix32 output function applied to a 32-bit counter value. */ function splitmix32(x) {
    let z = x | 0;
    z ^= z >>> 16;
    z = Math.imul(z, 0x21f0aaad);
    z ^= z >>> 15;
    z = Math.imul(z, 0x735a2d97);
    z ^= z >>> 15;
    return z >>> 0;
}
function seedToState(seed) {
    let base;
    if (typeof seed === 'string') {
        base = hashString(seed);
    } else {
        if (!Number.isFinite(seed)) throw new RangeError(`PRNG seed must be finite, got ${seed}`);
        const integer = Math.trunc(seed);
        const lo = integer >>> 0;
        const hi = Math.floor(integer / TWO_POW_32) >>> 0;
        // Fold the high word and any fractional part in so that distinct seeds give distinct states.
        const frac = Math.floor((seed - integer) * TWO_POW_32) >>> 0;
        base = (lo ^ splitmix32(hi + 0x6a09e667) ^ splitmix32(frac + 0xbb67ae85)) >>> 0;
    }
    const state = [
        0,
        0,
        0,
        0
    ];
    let counter = base;
    for(let i = 0; i < 4; i++){
        counter = counter + 0x9e3779b9 | 0;
        state[i] = splitmix32(counter);
    }
    if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
    return state;
}
let Xoshiro128StarStar = class Xoshiro128StarStar {
    /** Creates a generator from a raw state (use {@link Xoshiro128StarStar.fromSeed} for seeds). */ constructor(state){
        if (state.length !== 4 || state.some((w)=>!Number.isInteger(w))) {
            throw new RangeError('xoshiro128 state must be four 32-bit integers');
        }
        this.s0 = state[0] | 0;
        this.s1 = state[1] | 0;
        this.s2 = state[2] | 0;
        this.s3 = state[3] | 0;
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new RangeError('xoshiro128 state must not be all zero');
    }
    static fromSeed(seed) {
        return new Xoshiro128StarStar(seedToState(seed));
    }
    nextUint32() {
        const s1 = this.s1;
        const m = Math.imul(s1, 5);
        const result = Math.imul(m << 7 | m >>> 25, 9) >>> 0;
        const t = s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = this.s3 << 11 | this.s3 >>> 21;
        return result;
    }
    nextFloat() {
        const hi = this.nextUint32() >>> 5; // 27 bits
        const lo = this.nextUint32() >>> 6; // 26 bits
        return (hi * 67108864 + lo) * TWO_POW_53_INV;
    }
    /** Uniform integer in [0, bound) without modulo bias; `bound` in [1, 2^32]. */ nextInt(bound) {
        if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
            throw new RangeError(`bound must be an integer in [1, 2^32], got ${bound}`);
        }
        const limit = TWO_POW_32 - TWO_POW_32 % bound;
        let x = this.nextUint32();
        while(x >= limit)x = this.nextUint32();
        return x % bound;
    }
    getState() {
        return [
            this.s0 >>> 0,
            this.s1 >>> 0,
            this.s2 >>> 0,
            this.s3 >>> 0
        ];
    }
    clone() {
        return new Xoshiro128StarStar(this.getState());
    }
};
function createPrng(seed) {
    return Xoshiro128StarStar.fromSeed(seed);
}
let NormalSampler = class NormalSampler {
    constructor(source, spare = null){
        this.source = source;
        this.spare = spare;
    }
    next() {
        const spare = this.spare;
        if (spare !== null) {
            this.spare = null;
            return spare;
        }
        let u;
        let v;
        let s;
        do {
            u = 2 * this.source.nextFloat() - 1;
            v = 2 * this.source.nextFloat() - 1;
            s = u * u + v * v;
        }while (s >= 1 || s === 0)
        const factor = Math.sqrt(-2 * Math.log(s) / s);
        this.spare = v * factor;
        return u * factor;
    }
    /** Fills `out` with standard normals and returns it. */ fill(out) {
        for(let i = 0; i < out.length; i++)out[i] = this.next();
        return out;
    }
    /** The cached second variate of the last pair, if not yet consumed. */ getSpare() {
        return this.spare;
    }
};

//# sourceMappingURL=prng.js.map
