import { createPrng } from './prng';
import { WindowedExtremes } from './windowed-extremes';

describe('WindowedExtremes', () => {
  it('tracks min and max of the points within the last windowMs (inclusive)', () => {
    const w = new WindowedExtremes(10);
    expect(w.isEmpty).toBe(true);
    expect(w.min).toBeNaN();
    w.push(0, 5);
    w.push(4, 9);
    w.push(8, 3);
    expect([w.min, w.max]).toEqual([3, 9]);
    w.push(14, 6); // cutoff 4: the point at 0 leaves, the one at 4 stays
    expect([w.min, w.max]).toEqual([3, 9]);
    w.push(15, 7); // cutoff 5: 9 leaves
    expect([w.min, w.max]).toEqual([3, 7]);
    w.push(30, 4); // everything else leaves
    expect([w.min, w.max]).toEqual([4, 4]);
  });

  it('agrees with a brute-force scan on a long random sequence', () => {
    const rng = createPrng('extremes');
    const w = new WindowedExtremes(1000);
    const points: [number, number][] = [];
    let t = 0;
    const wrong: number[] = [];
    for (let i = 0; i < 5000; i++) {
      t += rng.nextInt(100);
      const v = rng.nextInt(50);
      points.push([t, v]);
      w.push(t, v);
      let min = Infinity;
      let max = -Infinity;
      for (let j = points.length - 1; j >= 0 && points[j][0] >= t - 1000; j--) {
        min = Math.min(min, points[j][1]);
        max = Math.max(max, points[j][1]);
      }
      if (w.min !== min || w.max !== max) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('rejects time going backwards and bad windows', () => {
    const w = new WindowedExtremes(10);
    w.push(5, 1);
    expect(() => w.push(4, 1)).toThrow(RangeError);
    expect(() => new WindowedExtremes(0)).toThrow(RangeError);
  });
});
