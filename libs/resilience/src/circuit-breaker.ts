import CircuitBreakerImpl from 'opossum';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitOptions {
  /** Failures within the rolling window (at least `volumeThreshold` calls) that open the circuit. */
  errorThresholdPercentage?: number;
  volumeThreshold?: number;
  /** How long it stays open before letting one trial call through. */
  resetTimeoutMs?: number;
  rollingWindowMs?: number;
  /** Errors for which this returns true are answers (a 400, a 404), not failures of the service. */
  isAnswer?: (err: unknown) => boolean;
}

export class CircuitOpenError extends Error {
  constructor(readonly circuit: string) {
    super(`circuit ${circuit} is open`);
  }
}

/**
 * A per-dependency circuit breaker (opossum underneath). Besides its own counting it can be
 * forced open or closed by a health probe, so a dead service fails fast at once and a recovered
 * one is used again as soon as it answers.
 */
export class CircuitBreaker {
  private readonly breaker: CircuitBreakerImpl<[() => Promise<unknown>], unknown>;

  constructor(readonly name: string, opts: CircuitOptions = {}) {
    this.breaker = new CircuitBreakerImpl((fn: () => Promise<unknown>) => fn(), {
      timeout: false,
      errorThresholdPercentage: opts.errorThresholdPercentage ?? 50,
      volumeThreshold: opts.volumeThreshold ?? 3,
      resetTimeout: opts.resetTimeoutMs ?? 5_000,
      rollingCountTimeout: opts.rollingWindowMs ?? 10_000,
      errorFilter: opts.isAnswer,
      name,
    });
  }

  get state(): CircuitState {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'half-open';
    return 'closed';
  }

  async execute<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(fn)) as T;
    } catch (err) {
      if ((err as { code?: string }).code === 'EOPENBREAKER') throw new CircuitOpenError(this.name);
      throw err;
    }
  }

  open(): void {
    if (!this.breaker.opened) this.breaker.open();
  }

  close(): void {
    if (!this.breaker.closed) this.breaker.close();
  }

  onStateChange(listener: (state: CircuitState) => void): void {
    this.breaker.on('open', () => listener('open'));
    this.breaker.on('halfOpen', () => listener('half-open'));
    this.breaker.on('close', () => listener('closed'));
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
