/** One price update of an instrument. */
export interface Tick {
  readonly symbol: string;
  /** Time of the tick, epoch milliseconds (UTC). */
  readonly epochMs: number;
  /** Quote rounded to the instrument's decimals. */
  readonly quote: number;
}
