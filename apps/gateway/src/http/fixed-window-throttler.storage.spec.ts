import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('counts hits per key and throttler within the window and blocks past the limit', async () => {
    const s = new FixedWindowThrottlerStorage(clock);
    for (let i = 1; i <= 3; i++) expect(await s.increment('user:a', 60_000, 3, 60_000, 'default')).toMatchObject({ totalHits: i, isBlocked: false });
    expect(await s.increment('user:a', 60_000, 3, 60_000, 'default')).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    expect(await s.increment('user:b', 60_000, 3, 60_000, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await s.increment('user:a', 60_000, 3, 60_000, 'login')).toMatchObject({ totalHits: 1, isBlocked: false });
    s.onModuleDestroy();
  });

  it('starts a fresh window when the old one and any block have expired', async () => {
    const s = new FixedWindowThrottlerStorage(clock);
    for (let i = 0; i < 5; i++) await s.increment('k', 1_000, 2, 5_000, 'default');
    now += 2_000; // window over, block not yet
    expect((await s.increment('k', 1_000, 2, 5_000, 'default')).isBlocked).toBe(true);
    now += 5_000;
    expect(await s.increment('k', 1_000, 2, 5_000, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
    s.onModuleDestroy();
  });

  it('costs the same whatever the limit: a million allowed hits keep one counter', async () => {
    const s = new FixedWindowThrottlerStorage(clock);
    for (let i = 0; i < 10_000; i++) await s.increment('busy', 60_000, 1_000_000, 60_000, 'default');
    expect(s.size).toBe(1);
    expect((await s.increment('busy', 60_000, 1_000_000, 60_000, 'default')).totalHits).toBe(10_001);
    s.onModuleDestroy();
  });
});
