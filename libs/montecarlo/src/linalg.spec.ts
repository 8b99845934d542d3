import { cholesky, nearestCorrelation, NotPositiveDefiniteError, symmetricEigen, toMatrix } from './linalg';

function multiplyTransposed(l: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j] += l[i * n + k] * l[j * n + k];
  return out;
}

describe('linear algebra', () => {
  const correlation = toMatrix(
    [
      [1, 0.6, -0.3, 0.1],
      [0.6, 1, 0.2, 0.4],
      [-0.3, 0.2, 1, 0],
      [0.1, 0.4, 0, 1],
    ],
    4,
    'correlation',
  );

  it('Cholesky: L·Lᵀ gives the matrix back, L lower triangular', () => {
    const l = cholesky(correlation, 4);
    const back = multiplyTransposed(l, 4);
    back.forEach((x, i) => expect(x).toBeCloseTo(correlation[i], 14));
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(l[i * 4 + j]).toBe(0);
    // Hand-checked 2×2: [[4, 2], [2, 3]] → [[2, 0], [1, √2]].
    expect(Array.from(cholesky(Float64Array.of(4, 2, 2, 3), 2))).toEqual([2, 0, 1, Math.SQRT2]);
  });

  it('Cholesky refuses a matrix that is not positive definite, naming the pivot', () => {
    const bad = Float64Array.of(1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1);
    expect(() => cholesky(bad, 3)).toThrow(NotPositiveDefiniteError);
    try {
      cholesky(bad, 3);
    } catch (e) {
      expect((e as NotPositiveDefiniteError).pivot).toBe(2);
    }
    expect(() => cholesky(Float64Array.of(1, 1, 1, 1), 2)).toThrow(/pivot 1/); // singular: perfectly correlated
  });

  it('eigen-decomposition: A·v = λ·v for every pair', () => {
    const { values, vectors } = symmetricEigen(correlation, 4);
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < 4; i++) {
        let av = 0;
        for (let j = 0; j < 4; j++) av += correlation[i * 4 + j] * vectors[j * 4 + k];
        expect(av).toBeCloseTo(values[k] * vectors[i * 4 + k], 12);
      }
    }
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(4, 12); // trace
  });

  it('nearest correlation: unit diagonal, positive definite, close to the input, and a valid input stays', () => {
    const bad = Float64Array.of(1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1);
    const fixed = nearestCorrelation(bad, 3);
    for (let i = 0; i < 3; i++) expect(fixed[i * 3 + i]).toBeCloseTo(1, 12);
    expect(() => cholesky(fixed, 3)).not.toThrow();
    expect(Math.min(...symmetricEigen(fixed, 3).values)).toBeGreaterThan(0);
    // Symmetric in the off-diagonal pattern, and shrunk towards consistency.
    expect(Math.abs(fixed[1])).toBeLessThan(0.9);
    const kept = nearestCorrelation(correlation, 4);
    kept.forEach((x, i) => expect(x).toBeCloseTo(correlation[i], 7));
  });

  it('reads nested or row-major matrices and checks their shape', () => {
    expect(Array.from(toMatrix([1, 0, 0, 1], 2, 'm'))).toEqual([1, 0, 0, 1]);
    expect(() => toMatrix([[1, 0]], 2, 'correlation')).toThrow('correlation must be 2×2, got 1 rows');
    expect(() => toMatrix([[1, NaN], [0, 1]], 2, 'correlation')).toThrow('correlation has a non-finite entry at (0, 1)');
  });
});
