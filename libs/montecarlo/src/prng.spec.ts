import { normalQuantile } from '@meridian/risk';
import reference from '../reference/xoshiro-reference.json';
import { deriveSeed, Rng } from './prng';

describe('Rng (xoshiro128**)', () => {
  it('gives the outputs of the reference C implementation from the same state', () => {
    for (const { state, outputs } of reference) {
      const rng = Rng.fromState(state as [number, number, number, number]);
      expect(outputs.map(() => rng.nextUint32())).toEqual(outputs);
    }
  });

  it('is reproducible: the same seed gives the same stream, another seed another one', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(7)).toEqual(draw(7 + 2 ** 32)); // seeds are taken modulo 2^32
  });

  it('derives distinct chunk seeds from one run seed', () => {
    const seeds = new Set<number>();
    for (let run = 0; run < 20; run++) for (let chunk = 0; chunk < 500; chunk++) seeds.add(deriveSeed(run, chunk));
    expect(seeds.size).toBe(10_000);
    expect(deriveSeed(42, 3)).toBe(deriveSeed(42, 3));
  });

  it('fills arrays with exactly the numbers the one-at-a-time calls give', () => {
    const a = new Rng(9);
    const b = new Rng(9);
    const normals = new Float64Array(50_000);
    a.fillNormals(normals);
    for (let i = 0; i < normals.length; i++) if (normals[i] !== b.nextNormal()) throw new Error(`normal ${i} differs`);
    const picks = new Int32Array(10_000);
    a.fillBelow(picks, 300);
    for (let i = 0; i < picks.length; i++) if (picks[i] !== b.nextBelow(300)) throw new Error(`pick ${i} differs`);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('draws uniform doubles in [0, 1) and integers in [0, n) evenly', () => {
    const rng = new Rng(1);
    let sum = 0;
    const n = 200_000;
    const counts = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.nextDouble();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      counts[rng.nextBelow(10)]++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.003);
    for (const c of counts) expect(Math.abs(c - n / 10)).toBeLessThan(600); // ~4.5 standard deviations
  });
});

describe('normal variates (ziggurat)', () => {
  const n = 2_000_000;
  const z = new Float64Array(n);
  new Rng(2024).fillNormals(z);

  it('have the moments of a standard normal', () => {
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const x = z[i];
      m1 += x;
      m2 += x * x;
      m3 += x * x * x;
      m4 += x * x * x * x;
    }
    // Standard errors for n = 2e6: mean 0.0007, variance 0.001, skewness 0.0017, kurtosis 0.0035.
    expect(Math.abs(m1 / n)).toBeLessThan(0.0035);
    expect(Math.abs(m2 / n - 1)).toBeLessThan(0.005);
    expect(Math.abs(m3 / n)).toBeLessThan(0.009);
    expect(Math.abs(m4 / n - 3)).toBeLessThan(0.025);
  });

  it('fill 200 equiprobable bins evenly (chi-square against the normal quantiles of @meridian/risk)', () => {
    const bins = 200;
    const edges = Array.from({ length: bins - 1 }, (_, k) => normalQuantile((k + 1) / bins));
    const counts = new Array(bins).fill(0);
    for (let i = 0; i < n; i++) {
      const x = z[i];
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (x < edges[mid]) hi = mid;
        else lo = mid + 1;
      }
      counts[lo]++;
    }
    const expected = n / bins;
    const chiSquare = counts.reduce((s, c) => s + ((c - expected) * (c - expected)) / expected, 0);
    // 199 degrees of freedom: P(χ² > 270) ≈ 0.0006.
    expect(chiSquare).toBeLessThan(270);
  });

  it('reach the tails as often as a normal does (the tail and wedge branches)', () => {
    let beyond3 = 0;
    let beyondR = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(z[i]);
      if (a > 3) beyond3++;
      if (a > 3.442619855899) beyondR++;
    }
    // P(|Z| > 3) = 0.0026998, P(|Z| > 3.4426) = 0.000576.
    expect(Math.abs(beyond3 / n - 0.0026998)).toBeLessThan(0.00015);
    expect(Math.abs(beyondR / n - 0.000576)).toBeLessThan(0.00007);
  });
});
