import { backoffDelayMs, retry } from './backoff';

describe('backoffDelayMs', () => {
  it('grows exponentially up to the cap, scaled by the jitter draw', () => {
    expect(backoffDelayMs(0, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(backoffDelayMs(20, 100, 10_000, () => 0.5)).toBe(5_000);
    expect(backoffDelayMs(5, 100, 10_000, () => 0)).toBe(0);
  });
});

describe('retry', () => {
  const noSleep = () => Promise.resolve();

  it('returns the first success after failures', async () => {
    let calls = 0;
    const result = await retry(async () => {
      calls++;
      if (calls < 3) throw new Error('flaky');
      return 'ok';
    }, { attempts: 5, sleep: noSleep });
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('stops at once on an error that is not retryable', async () => {
    let calls = 0;
    await expect(retry(async () => {
      calls++;
      throw new Error('bad request');
    }, { attempts: 5, sleep: noSleep, retryable: () => false })).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });

  it('gives up after the allowed attempts with the last error', async () => {
    await expect(retry(async (n) => {
      throw new Error(`fail ${n}`);
    }, { attempts: 3, sleep: noSleep })).rejects.toThrow('fail 2');
  });
});
