import { SlidingWindowRateLimiter } from './rate-limiter';

describe('SlidingWindowRateLimiter', () => {
  it('runs calls within the budget at once and releases queued ones as the window slides', async () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ budgets: { a: 2, b: 1 }, windowMs: 50, now: () => now });
    const ran: string[] = [];
    limiter.schedule('a', () => ran.push('a1'));
    limiter.schedule('a', () => ran.push('a2'));
    limiter.schedule('a', () => ran.push('a3'));
    limiter.schedule('b', () => ran.push('b1'));
    expect(ran).toEqual(['a1', 'a2', 'b1']);
    expect(limiter.queued('a')).toBe(1);
    expect(limiter.used('a')).toBe(2);
    now = 51;
    await new Promise((r) => setTimeout(r, 80));
    expect(ran).toEqual(['a1', 'a2', 'b1', 'a3']);
    limiter.close();
  });

  it('skips cancelled calls and drops everything on close', async () => {
    const limiter = new SlidingWindowRateLimiter({ budgets: { a: 1 }, windowMs: 30 });
    const ran: number[] = [];
    limiter.schedule('a', () => ran.push(1));
    const cancel = limiter.schedule('a', () => ran.push(2));
    limiter.schedule('a', () => ran.push(3));
    cancel();
    expect(limiter.queued('a')).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(ran).toEqual([1, 3]);
    limiter.close();

    const slow = new SlidingWindowRateLimiter({ budgets: { a: 1 }, windowMs: 10_000 });
    slow.schedule('a', () => ran.push(4));
    slow.schedule('a', () => ran.push(5));
    slow.close(); // clears the timer that would release call 5
    slow.schedule('a', () => ran.push(6));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual([1, 3, 4]);
  });

  it('refuses budgets below one', () => {
    expect(() => new SlidingWindowRateLimiter({ budgets: { a: 0 } })).toThrow(RangeError);
  });
});
