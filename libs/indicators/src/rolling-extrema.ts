import { RollingExtremum } from './monotonic-deque';
import type { Series } from './types';
import { assertPeriod, firstValid, interiorNaN } from './validate';

function rolling(values: Series, period: number, kind: 'max' | 'min'): Float64Array {
  assertPeriod('period', period);
  const n = values.length;
  const out = new Float64Array(n);
  const first = firstValid(values);
  if (first + period > n) return out.fill(NaN);
  out.fill(NaN, 0, first + period - 1);
  const deque = new RollingExtremum(period, kind);
  for (let i = first; i < first + period - 1; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN(`run${kind === 'max' ? 'Max' : 'Min'}`, i);
    deque.push(x);
  }
  for (let i = first + period - 1; i < n; i++) {
    const x = values[i];
    if (x !== x) throw interiorNaN(`run${kind === 'max' ? 'Max' : 'Min'}`, i);
    out[i] = deque.push(x);
  }
  return out;
}

/** Rolling maximum over `period` values, TTR::runMax(x, n). NaN during warm-up. Amortised O(1). */
export function runMax(values: Series, period: number): Float64Array {
  return rolling(values, period, 'max');
}

/** Rolling minimum over `period` values, TTR::runMin(x, n). NaN during warm-up. Amortised O(1). */
export function runMin(values: Series, period: number): Float64Array {
  return rolling(values, period, 'min');
}

class RollingExtremumStream {
  private readonly deque: RollingExtremum;
  private index = 0;

  constructor(
    readonly period: number,
    private readonly kind: 'max' | 'min',
  ) {
    assertPeriod('period', period);
    this.deque = new RollingExtremum(period, kind);
  }

  get ready(): boolean {
    return this.deque.full;
  }

  update(value: number): number {
    const i = this.index++;
    if (value !== value) {
      if (this.deque.pushed > 0) throw interiorNaN(this.kind === 'max' ? 'RunMaxStream' : 'RunMinStream', i);
      return NaN;
    }
    const v = this.deque.push(value);
    return this.deque.full ? v : NaN;
  }

  reset(): void {
    this.deque.clear();
    this.index = 0;
  }
}

/** Streaming {@link runMax}. */
export class RunMaxStream extends RollingExtremumStream {
  constructor(period: number) {
    super(period, 'max');
  }
}

/** Streaming {@link runMin}. */
export class RunMinStream extends RollingExtremumStream {
  constructor(period: number) {
    super(period, 'min');
  }
}
