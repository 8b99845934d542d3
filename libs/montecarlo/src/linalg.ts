/**
 * The little linear algebra correlated simulations need, on row-major Float64Array matrices:
 * Cholesky factors, a symmetric eigen-decomposition (cyclic Jacobi: exact enough and simple for
 * the tens of symbols a portfolio has) and Higham's nearest correlation matrix.
 */

/** A correlation or covariance matrix that has no Cholesky factor. */
export class NotPositiveDefiniteError extends RangeError {
  constructor(
    readonly pivot: number,
    readonly value: number,
  ) {
    super(
      `correlation matrix is not positive definite (pivot ${pivot} is ${value.toPrecision(6)}): ` +
        'correlations estimated from different periods or edited by hand can be inconsistent; ' +
        'pass nearestCorrelation: true to use the nearest valid matrix (Higham 2002)',
    );
  }
}

/** Square matrix of size n from nested arrays or a row-major array; checks the shape. */
export function toMatrix(rows: ArrayLike<ArrayLike<number>> | ArrayLike<number>, n: number, what: string): Float64Array {
  const m = new Float64Array(n * n);
  if (rows.length === n * n && typeof rows[0] === 'number') {
    m.set(rows as ArrayLike<number>);
  } else {
    if (rows.length !== n) throw new RangeError(`${what} must be ${n}×${n}, got ${rows.length} rows`);
    for (let i = 0; i < n; i++) {
      const row = (rows as ArrayLike<ArrayLike<number>>)[i];
      if (row === undefined || typeof row === 'number' || row.length !== n) throw new RangeError(`${what} row ${i} must have ${n} values`);
      for (let j = 0; j < n; j++) m[i * n + j] = row[j];
    }
  }
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(m[i])) throw new RangeError(`${what} has a non-finite entry at (${Math.floor(i / n)}, ${i % n})`);
  return m;
}

/**
 * Lower-triangular L with L·Lᵀ = a (row-major, n×n). Throws {@link NotPositiveDefiniteError} when a
 * pivot is not positive (relative tolerance 1e-12, so that a matrix singular up to rounding fails).
 */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 1e-12 * Math.max(1, Math.abs(a[j * n + j])))) throw new NotPositiveDefiniteError(j, d);
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix, cyclic Jacobi. */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] * m[p * n + q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i];
  return { values, vectors: v };
}

/** V·diag(max(λ, floor))·Vᵀ: the projection onto matrices with eigenvalues >= floor. */
function clipEigenvalues(a: Float64Array, n: number, floor: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(values[k], floor);
    for (let i = 0; i < n; i++) {
      const vik = vectors[i * n + k] * lambda;
      for (let j = 0; j < n; j++) out[i * n + j] += vik * vectors[j * n + k];
    }
  }
  return out;
}

/**
 * The nearest correlation matrix (unit diagonal, positive definite) to a symmetric matrix, by
 * Higham's alternating projections with Dykstra's correction (Higham 2002). Eigenvalues are
 * floored at `minEigenvalue` so that the result has a Cholesky factor.
 */
export function nearestCorrelation(a: Float64Array, n: number, minEigenvalue = 1e-8, maxIterations = 200): Float64Array {
  let y: Float64Array = Float64Array.from(a);
  // Symmetrise first: a hand-edited matrix may differ across the diagonal.
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) y[i * n + j] = y[j * n + i] = (y[i * n + j] + y[j * n + i]) / 2;
  const correction = new Float64Array(n * n);
  let x = y;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const r = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) r[i] = y[i] - correction[i];
    x = clipEigenvalues(r, n, minEigenvalue);
    for (let i = 0; i < n * n; i++) correction[i] = x[i] - r[i];
    const next = Float64Array.from(x);
    for (let i = 0; i < n; i++) next[i * n + i] = 1;
    let change = 0;
    for (let i = 0; i < n * n; i++) change = Math.max(change, Math.abs(next[i] - y[i]));
    y = next;
    if (change < 1e-12) break;
  }
  // Unit diagonal may have pushed an eigenvalue a hair below the floor: rescale a last clip.
  const clipped = clipEigenvalues(y, n, minEigenvalue);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = clipped[i * n + j] / Math.sqrt(clipped[i * n + i] * clipped[j * n + j]);
  }
  return out;
}
