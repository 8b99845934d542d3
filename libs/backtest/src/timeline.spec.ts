import { countAtOrBefore, unionTimeline } from './timeline';

describe('unionTimeline', () => {
  const f = (...xs: number[]) => Float64Array.from(xs);

  it('merges increasing columns into their sorted union without duplicates', () => {
    expect(Array.from(unionTimeline([f(1, 4, 6), f(2, 4, 5, 9), f(), f(0, 9)]))).toEqual([0, 1, 2, 4, 5, 6, 9]);
  });

  it('returns an aligned column itself, whether shared or equal', () => {
    const t = f(1, 2, 3);
    expect(unionTimeline([t, t, t])).toBe(t);
    expect(unionTimeline([t, f(1, 2, 3)])).toBe(t);
    expect(Array.from(unionTimeline([t, f(1, 2, 4)]))).toEqual([1, 2, 3, 4]);
    expect(unionTimeline([]).length).toBe(0);
  });

  it('countAtOrBefore is a binary search for the number of times <= a limit', () => {
    const t = f(10, 20, 30);
    expect([5, 10, 15, 30, 99].map((x) => countAtOrBefore(t, x))).toEqual([0, 1, 1, 3, 3]);
  });
});
