/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna), 32-bit state words so that every
 * operation stays in V8's fast integer paths (Math.imul, shifts), seeded through splitmix32.
 * Normal variates by the ziggurat method (see ziggurat.ts). Same seed, same numbers, on any machine.
 */
import { ZIGGURAT_BLOCKS, ZIGGURAT_R, ZIGGURAT_RATIO, ZIGGURAT_X } from './ziggurat';

const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_POW_MINUS_24 = 2 ** -24;
const BLOCK_MASK = ZIGGURAT_BLOCKS - 1;

/** splitmix32's output function: a 32-bit bijective mixer, used to spread seeds. */
export function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The seed of one stream derived from a run's seed and an index (a chunk of paths): streams of
 * different indices are unrelated, and the same (seed, index) always gives the same stream.
 */
export function deriveSeed(seed: number, index: number): number {
  return mix32(mix32(seed >>> 0) ^ mix32((index + 0x9e3779b9) >>> 0));
}

export class Rng {
  /**
   * xoshiro128** state. An Int32Array, not four fields: V8 keeps typed-array elements as raw
   * int32, while number fields holding values beyond 2^30 would be boxed doubles.
   */
  private readonly state = new Int32Array(4);

  constructor(seed: number) {
    // splitmix32 sequence → four state words (never all zero: mix32 is a bijection of distinct inputs).
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      this.state[i] = mix32(x);
    }
  }

  /** A generator in a given raw state (four 32-bit words, not all zero): for reference vectors. */
  static fromState(words: readonly [number, number, number, number]): Rng {
    if (words.every((w) => w >>> 0 === 0)) throw new RangeError('xoshiro128** state must not be all zero');
    const rng = new Rng(0);
    rng.state.set(words.map((w) => w | 0));
    return rng;
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const st = this.state;
    const s1 = st[1];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    st[2] ^= st[0];
    st[3] ^= s1;
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    st[3] = rotl(st[3], 11);
    return result;
  }

  /** Uniform in the open interval (0, 1), 32 bits of resolution (never 0: safe under log). */
  nextOpenUnit(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Uniform in [0, 1) with 53 bits of resolution. */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /**
   * Uniform integer in [0, n), n <= 2^21, by multiply-shift (Lemire without the rejection step:
   * a bias below n / 2^32, under 5e-4 of one count per million draws for n = 2^21).
   */
  nextBelow(n: number): number {
    return Math.floor(this.nextUint32() * TWO_POW_MINUS_32 * n);
  }

  /** Fills out[from..to) with uniform integers in [0, n): the same numbers as calling nextBelow. */
  fillBelow(out: Int32Array, n: number, from = 0, to = out.length): void {
    const st = this.state;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    const scale = TWO_POW_MINUS_32 * n;
    for (let i = from; i < to; i++) {
      const m5 = Math.imul(s1, 5);
      const bits = Math.imul((m5 << 7) | (m5 >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = Math.floor(bits * scale);
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }

  /**
   * Standard normal variate. One 32-bit draw in the common case: its low 7 bits pick the block,
   * the other 25 a signed position in it, so the block and the value never share bits.
   */
  nextNormal(): number {
    for (;;) {
      const bits = this.nextUint32() | 0;
      const block = bits & BLOCK_MASK;
      const u = (bits >> 7) * TWO_POW_MINUS_24; // signed, in [-1, 1)
      if (Math.abs(u) < ZIGGURAT_RATIO[block]) return u * ZIGGURAT_X[block];
      const x = this.edge(block, u);
      if (x === x) return x;
    }
  }

  /**
   * Fills out[from..to) with standard normal variates: the same numbers as calling nextNormal,
   * about three times faster (the generator's state lives in locals for the whole loop).
   */
  fillNormals(out: Float64Array, from = 0, to = out.length): void {
    const st = this.state;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    for (let i = from; i < to; i++) {
      for (;;) {
        const m5 = Math.imul(s1, 5);
        const bits = Math.imul((m5 << 7) | (m5 >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const block = bits & BLOCK_MASK;
        const u = (bits >> 7) * TWO_POW_MINUS_24;
        if (Math.abs(u) < ZIGGURAT_RATIO[block]) {
          out[i] = u * ZIGGURAT_X[block];
          break;
        }
        // Rare (about 1.2 %): hand the state back for the rejection steps, then take it again.
        st[0] = s0;
        st[1] = s1;
        st[2] = s2;
        st[3] = s3;
        const x = this.edge(block, u);
        s0 = st[0];
        s1 = st[1];
        s2 = st[2];
        s3 = st[3];
        if (x === x) {
          out[i] = x;
          break;
        }
      }
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }

  /** The rare cases of {@link nextNormal}: the tail, or a wedge; NaN means "draw again". */
  private edge(block: number, u: number): number {
    if (block === 0) {
      // Marsaglia's tail method beyond R.
      let x: number;
      let y: number;
      do {
        x = Math.log(this.nextOpenUnit()) / ZIGGURAT_R;
        y = Math.log(this.nextOpenUnit());
      } while (-2 * y < x * x);
      return u < 0 ? x - ZIGGURAT_R : ZIGGURAT_R - x;
    }
    const x = u * ZIGGURAT_X[block];
    const xi = ZIGGURAT_X[block];
    const xn = ZIGGURAT_X[block + 1];
    const f0 = Math.exp(-0.5 * (xi * xi - x * x));
    const f1 = Math.exp(-0.5 * (xn * xn - x * x));
    return f1 + this.nextOpenUnit() * (f0 - f1) < 1 ? x : NaN;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
