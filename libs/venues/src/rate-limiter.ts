/**
 * Client-side sliding-window rate limiter: each call class has a budget of sends per window
 * (per minute by default). Calls beyond the budget wait in a FIFO queue and are released as the
 * oldest sends leave the window, so the venue never sends more than the budget per window.
 */
export interface SlidingWindowRateLimiterOptions<C extends string> {
  /** Maximum sends per window, per call class (each ≥ 1). */
  budgets: Readonly<Record<C, number>>;
  /** Window length in ms; 60 000 (one minute) by default. */
  windowMs?: number;
  now?: () => number;
}

interface Waiter {
  run: () => void;
  cancelled: boolean;
}

export class SlidingWindowRateLimiter<C extends string> {
  readonly windowMs: number;
  private readonly budgets: Readonly<Record<C, number>>;
  private readonly now: () => number;
  private readonly sent = new Map<C, number[]>();
  private readonly queues = new Map<C, Waiter[]>();
  private readonly timers = new Map<C, ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(options: SlidingWindowRateLimiterOptions<C>) {
    this.windowMs = options.windowMs ?? 60_000;
    if (!(this.windowMs > 0)) throw new RangeError(`windowMs must be > 0, got ${this.windowMs}`);
    for (const [cls, budget] of Object.entries(options.budgets) as Array<[string, number]>) {
      if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`rate limit budget of ${cls} must be an integer >= 1, got ${budget}`);
    }
    this.budgets = options.budgets;
    this.now = options.now ?? Date.now;
  }

  /**
   * Runs `run` now if the class has budget left, otherwise when it has. Returns a function that
   * cancels the call if it is still queued.
   */
  schedule(cls: C, run: () => void): () => void {
    if (this.closed) return () => undefined;
    const waiter: Waiter = { run, cancelled: false };
    let queue = this.queues.get(cls);
    if (!queue) this.queues.set(cls, (queue = []));
    queue.push(waiter);
    this.drain(cls);
    return () => {
      waiter.cancelled = true;
    };
  }

  /** Calls of a class waiting for budget. */
  queued(cls: C): number {
    return (this.queues.get(cls) ?? []).filter((w) => !w.cancelled).length;
  }

  /** Sends of a class inside the current window. */
  used(cls: C): number {
    return this.prune(cls).length;
  }

  /** Drops every queued call and timer. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.queues.clear();
  }

  private prune(cls: C): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.sent.get(cls) ?? []).filter((t) => t > cutoff);
    this.sent.set(cls, times);
    return times;
  }

  private drain(cls: C): void {
    if (this.closed) return;
    const queue = this.queues.get(cls) ?? [];
    const times = this.prune(cls);
    const budget = this.budgets[cls];
    while (queue.length > 0 && times.length < budget) {
      const waiter = queue.shift() as Waiter;
      if (waiter.cancelled) continue;
      times.push(this.now());
      waiter.run();
      if (this.closed) return;
    }
    while (queue.length > 0 && queue[0].cancelled) queue.shift();
    if (queue.length > 0 && !this.timers.has(cls)) {
      const wait = Math.max(1, times[0] + this.windowMs - this.now() + 1);
      this.timers.set(
        cls,
        setTimeout(() => {
          this.timers.delete(cls);
          this.drain(cls);
        }, wait),
      );
    }
  }
}
