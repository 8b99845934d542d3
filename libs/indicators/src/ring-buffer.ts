/**
 * Fixed-capacity FIFO of numbers on a Float64Array: push() is O(1) and returns the value that
 * fell out of the window (NaN while the buffer is still filling).
 */
export class RingBuffer {
  private readonly data: Float64Array;
  private head = 0; // index of the oldest value
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`RingBuffer capacity must be an integer >= 1, got ${capacity}`);
    }
    this.data = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** Appends `value`; when full, evicts and returns the oldest value, else returns NaN. */
  push(value: number): number {
    const cap = this.capacity;
    if (this.count < cap) {
      let tail = this.head + this.count;
      if (tail >= cap) tail -= cap;
      this.data[tail] = value;
      this.count++;
      return NaN;
    }
    const evicted = this.data[this.head];
    this.data[this.head] = value;
    this.head = this.head + 1 === cap ? 0 : this.head + 1;
    return evicted;
  }

  /** The i-th value, 0 = oldest. */
  get(i: number): number {
    if (i < 0 || i >= this.count) throw new RangeError(`index ${i} out of [0, ${this.count})`);
    let k = this.head + i;
    if (k >= this.capacity) k -= this.capacity;
    return this.data[k];
  }

  /** The oldest value (NaN when empty). */
  oldest(): number {
    return this.count === 0 ? NaN : this.data[this.head];
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }
}
