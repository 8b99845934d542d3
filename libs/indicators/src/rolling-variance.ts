import { RingBuffer } from './ring-buffer';

/**
 * Mean and variance of the last `window` values, O(1) per push and numerically stable: Welford's
 * update when a value is added, and its add-one-remove-one form once the window is full
 * (mean' = mean + (x_new - x_old)/n, M2' = M2 + (x_new - x_old)·(x_new - mean' + x_old - mean)),
 * so no large sums of squares cancel. A window of identical values has a variance of exactly 0.
 * Also keeps the plain running sum, so that `sum / window` is
 * bit-for-bit the number {@link sma} gives.
 */
export class RollingVariance {
  private readonly buffer: RingBuffer;
  private mean = 0;
  private m2 = 0;
  private total = 0;
  private last = NaN;
  private equalRun = 0; // how many of the latest values are equal to the last one

  constructor(readonly window: number) {
    this.buffer = new RingBuffer(window);
  }

  get full(): boolean {
    return this.buffer.full;
  }

  push(x: number): void {
    this.equalRun = x === this.last ? this.equalRun + 1 : 1;
    this.last = x;
    const buf = this.buffer;
    if (!buf.full) {
      buf.push(x);
      const k = buf.size;
      const delta = x - this.mean;
      this.mean += delta / k;
      this.m2 += delta * (x - this.mean);
      this.total += x;
      return;
    }
    const old = buf.push(x);
    const oldMean = this.mean;
    this.mean = oldMean + (x - old) / this.window;
    this.m2 += (x - old) * (x - this.mean + old - oldMean);
    if (this.m2 < 0) this.m2 = 0; // rounding can push a zero variance just below 0
    if (this.equalRun >= this.window) {
      // A flat window: its variance is exactly 0 (not a rounding residue) and its mean is x.
      this.mean = x;
      this.m2 = 0;
    }
    this.total = this.total + x - old; // same order as sma (and TTR's runSum)
  }

  /** Plain running sum of the window (same arithmetic as sma). */
  get sum(): number {
    return this.total;
  }

  /** Sum of squared deviations from the window mean. */
  get sumSquaredDeviations(): number {
    return this.m2;
  }

  /** Sample variance (divisor window - 1) or population variance (divisor window). */
  variance(sample: boolean): number {
    return this.m2 / (sample ? this.window - 1 : this.window);
  }

  clear(): void {
    this.buffer.clear();
    this.mean = 0;
    this.m2 = 0;
    this.total = 0;
    this.last = NaN;
    this.equalRun = 0;
  }
}
