/**
 * Exponential backoff with full jitter: a random delay in [0, min(cap, base·2^attempt)].
 * Spreads reconnect storms when many clients lose the same server at once.
 */
export function backoffDelayMs(attempt: number, baseMs = 200, capMs = 10_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

export interface RetryOptions {
  attempts: number;
  baseMs?: number;
  capMs?: number;
  /** Return false for errors that must not be retried. */
  retryable?: (err: unknown) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastError: unknown;
  for (let attempt = 0; attempt < opts.attempts; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      lastError = err;
      if (opts.retryable && !opts.retryable(err)) throw err;
      if (attempt < opts.attempts - 1) await sleep(backoffDelayMs(attempt, opts.baseMs, opts.capMs));
    }
  }
  throw lastError;
}
