import type { SeriesView } from '@meridian/strategy';

/**
 * The bars of one symbol as a live strategy sees them: growing columns, read from the newest
 * backwards (`ago = 0` is the bar that just closed). Old bars are dropped beyond a cap.
 */
export class LiveSeries implements SeriesView {
  private readonly t: number[] = [];
  private readonly o: number[] = [];
  private readonly h: number[] = [];
  private readonly l: number[] = [];
  private readonly c: number[] = [];
  private readonly v: number[] = [];

  constructor(readonly symbol: string, private readonly cap = 5_000) {}

  get length(): number {
    return this.t.length;
  }

  lastTime(): number {
    return this.t.length ? this.t[this.t.length - 1] : -Infinity;
  }

  push(bar: { time: number; open: number; high: number; low: number; close: number; volume: number }): void {
    this.t.push(bar.time);
    this.o.push(bar.open);
    this.h.push(bar.high);
    this.l.push(bar.low);
    this.c.push(bar.close);
    this.v.push(bar.volume);
    if (this.t.length > this.cap * 2) for (const col of [this.t, this.o, this.h, this.l, this.c, this.v]) col.splice(0, this.cap);
  }

  private at(col: number[], ago = 0): number {
    const i = col.length - 1 - ago;
    return i >= 0 ? col[i] : NaN;
  }

  time(ago?: number): number {
    return this.at(this.t, ago);
  }
  open(ago?: number): number {
    return this.at(this.o, ago);
  }
  high(ago?: number): number {
    return this.at(this.h, ago);
  }
  low(ago?: number): number {
    return this.at(this.l, ago);
  }
  close(ago?: number): number {
    return this.at(this.c, ago);
  }
  volume(ago?: number): number {
    return this.at(this.v, ago);
  }
}
