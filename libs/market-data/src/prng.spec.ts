import { createPrng, hashString, NormalSampler, seedToState, Xoshiro128StarStar } from './prng';

describe('Xoshiro128StarStar', () => {
  it('matches the reference C implementation for state {1, 2, 3, 4}', () => {
    const rng = new Xoshiro128StarStar([1, 2, 3, 4]);
    const out = Array.from({ length: 8 }, () => rng.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('matches the reference C implementation for a state with high bits set', () => {
    const rng = new Xoshiro128StarStar([0xdeadbeef, 0x12345678, 0xffffffff, 7]);
    const out = Array.from({ length: 8 }, () => rng.nextUint32());
    expect(out).toEqual([2576977301, 2031002624, 493839999, 1793070909, 1299435681, 3064380624, 2525285299, 2236590870]);
  });

  it('produces the same stream for the same seed and different streams for different seeds', () => {
    const draw = (seed: number | string) => {
      const rng = createPrng(seed);
      return Array.from({ length: 16 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw('R_100')).toEqual(draw('R_100'));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(1)).not.toEqual(draw(1 + 2 ** 32));
    expect(draw('R_10')).not.toEqual(draw('R_100'));
  });

  it('never seeds an all-zero state', () => {
    for (const seed of [0, -1, 2 ** 53, 'x', '']) {
      const s = seedToState(seed);
      expect(s.some((w) => w !== 0)).toBe(true);
      expect(s.every((w) => Number.isInteger(w) && w >= 0 && w < 2 ** 32)).toBe(true);
    }
    expect(() => new Xoshiro128StarStar([0, 0, 0, 0])).toThrow(RangeError);
    expect(() => createPrng(NaN)).toThrow(RangeError);
  });

  it('resumes exactly from a saved state', () => {
    const rng = createPrng(7);
    for (let i = 0; i < 100; i++) rng.nextUint32();
    const copy = new Xoshiro128StarStar(rng.getState());
    const clone = rng.clone();
    const a = Array.from({ length: 10 }, () => rng.nextFloat());
    expect(Array.from({ length: 10 }, () => copy.nextFloat())).toEqual(a);
    expect(Array.from({ length: 10 }, () => clone.nextFloat())).toEqual(a);
  });

  it('draws uniform floats in [0, 1) with a mean near 1/2', () => {
    const rng = createPrng(123);
    const n = 200_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // sd of the mean = sqrt(1/12 / n) ≈ 0.00065
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.003);
  });

  it('draws bounded integers uniformly without bias', () => {
    const rng = createPrng(5);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.nextInt(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => rng.nextInt(0)).toThrow(RangeError);
  });

  it('hashes strings with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('NormalSampler', () => {
  it('draws standard normals: mean ≈ 0, variance ≈ 1, no skew, normal tails', () => {
    const normal = new NormalSampler(createPrng(2024));
    const n = 400_000;
    const z = normal.fill(new Float64Array(n));
    let m1 = 0;
    for (const v of z) m1 += v;
    m1 /= n;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    let beyond2 = 0;
    for (const v of z) {
      const d = v - m1;
      m2 += d * d;
      m3 += d * d * d;
      m4 += d * d * d * d;
      if (Math.abs(v) > 1.959964) beyond2++;
    }
    m2 /= n;
    const skew = m3 / n / m2 ** 1.5;
    const kurtosis = m4 / n / (m2 * m2);
    expect(Math.abs(m1)).toBeLessThan(0.01);
    expect(Math.abs(m2 - 1)).toBeLessThan(0.01);
    expect(Math.abs(skew)).toBeLessThan(0.02);
    expect(Math.abs(kurtosis - 3)).toBeLessThan(0.05);
    expect(Math.abs(beyond2 / n - 0.05)).toBeLessThan(0.002);
  });

  it('is reproducible for a seed and resumes from its spare', () => {
    const a = new NormalSampler(createPrng(9));
    const b = new NormalSampler(createPrng(9));
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    // After an odd number of draws a spare is pending; source state + spare reproduce the stream.
    const rng = createPrng(11);
    const s = new NormalSampler(rng);
    s.next();
    const resumed = new NormalSampler(rng.clone(), s.getSpare());
    expect(Array.from({ length: 6 }, () => resumed.next())).toEqual(Array.from({ length: 6 }, () => s.next()));
  });
});
