/** Throws a RangeError unless `value` is an integer >= `min` (periods, lags). */
export function assertPeriod(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/** Throws unless all the columns have the same length; returns that length. */
export function assertSameLength(columns: Readonly<Record<string, ArrayLike<number>>>): number {
  let length = -1;
  let first = '';
  for (const [name, column] of Object.entries(columns)) {
    if (length < 0) {
      length = column.length;
      first = name;
    } else if (column.length !== length) {
      throw new RangeError(`${name} has length ${column.length} but ${first} has length ${length}`);
    }
  }
  return Math.max(length, 0);
}

/** TTR refuses series with a missing value after the first observation; so do we. */
export function interiorNaN(where: string, index: number): RangeError {
  return new RangeError(`${where}: NaN at index ${index} after the first value (only leading NaN are allowed)`);
}

/** Index of the first non-NaN value of `x`, or x.length when there is none. */
export function firstValid(x: ArrayLike<number>): number {
  const n = x.length;
  let i = 0;
  while (i < n && Number.isNaN(x[i])) i++;
  return i;
}

/** A Float64Array of `length` NaN. */
export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(NaN);
}
