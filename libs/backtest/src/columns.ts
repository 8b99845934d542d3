/**
 * A growable table of numbers in one Float64Array (row-major, fixed width), for what a run records
 * per event. Keeping per-event objects alive during the loop proved costly (every kept object,
 * and its boxed doubles, is copied by each young-generation GC until promoted: about 1 µs per
 * order on the benchmark), so orders, fills and trades are written as rows of numbers and turned
 * into objects once, when the result is built. Columns are addressed by index constants (an
 * object of names per table), so every access is a plain typed-array access.
 */
export class Table {
  private data: Float64Array;
  private capacity: number;
  size = 0;

  constructor(
    private readonly width: number,
    initialRows = 256,
  ) {
    this.capacity = initialRows;
    this.data = new Float64Array(initialRows * width);
  }

  /** Appends a row of zeros and returns its index. */
  add(): number {
    if (this.size === this.capacity) {
      const bigger = new Float64Array(this.capacity * 2 * this.width);
      bigger.set(this.data);
      this.data = bigger;
      this.capacity *= 2;
    }
    return this.size++;
  }

  set(row: number, column: number, value: number): void {
    this.data[row * this.width + column] = value;
  }

  get(row: number, column: number): number {
    return this.data[row * this.width + column];
  }
}

/** Column indices 0..n-1 for the given names, as a frozen object (`T.price` etc.). */
export function columns<Name extends string>(...names: Name[]): Readonly<Record<Name, number>> & { readonly width: number } {
  const out: Record<string, number> = { width: names.length };
  names.forEach((n, i) => (out[n] = i));
  return Object.freeze(out) as Readonly<Record<Name, number>> & { readonly width: number };
}
