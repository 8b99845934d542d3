/** Any numeric series: a Float64Array is the fast path, plain number arrays work too. */
export type Series = ArrayLike<number>;

/** One price bar, as the streaming forms of the high/low/close indicators take it. */
export interface HlcBar {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** One bar with only a high and a low (Donchian channels). */
export interface HlBar {
  readonly high: number;
  readonly low: number;
}

/** Columns of bars, as the batch forms of the high/low/close indicators take them. */
export interface HlcSeries {
  readonly high: Series;
  readonly low: Series;
  readonly close: Series;
}

export interface HlSeries {
  readonly high: Series;
  readonly low: Series;
}
