import { Redis } from 'ioredis';
import { CoalescingPublisher } from './coalescing-publisher';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('CoalescingPublisher', () => {
  const publisher = new Redis(REDIS_URL);
  const subscriber = new Redis(REDIS_URL);
  const channel = `coalescing-publisher-test-${process.pid}`;
  const received: { message: unknown; at: number }[] = [];

  beforeAll(async () => {
    subscriber.on('message', (_ch: string, message: string) => received.push({ message: JSON.parse(message), at: performance.now() }));
    await subscriber.subscribe(channel);
  });
  afterAll(() => {
    publisher.disconnect();
    subscriber.disconnect();
  });
  beforeEach(() => {
    received.length = 0;
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  };

  it('sends a lone item at once, as itself', async () => {
    const coalescing = new CoalescingPublisher<{ n: number }>(publisher, channel, 1_000);
    const sent = performance.now();
    coalescing.publish([{ n: 1 }]);
    expect(coalescing.pending).toBe(0);
    await until(() => received.length === 1);
    expect(received[0].message).toEqual({ n: 1 });
    expect(received[0].at - sent).toBeLessThan(500); // not held for the 1 s interval
  });

  it('sends what arrives within the interval as one array when it ends, in order', async () => {
    const coalescing = new CoalescingPublisher<number>(publisher, channel, 60);
    coalescing.publish([0]);
    for (let i = 1; i <= 9; i++) coalescing.publish([i * 10, i * 10 + 1]);
    expect(coalescing.pending).toBe(18);
    await until(() => received.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((r) => r.message)).toEqual([0, [10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 60, 61, 70, 71, 80, 81, 90, 91]]);
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(40);
    expect(coalescing.pending).toBe(0);
  });

  it('flushes on demand (shutdown) and reports a message that could not be sent', async () => {
    const offline = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false });
    const errors: unknown[] = [];
    const coalescing = new CoalescingPublisher<string>(offline, channel, 10_000, (err) => errors.push(err));
    coalescing.publish(['a']);
    coalescing.publish(['b']);
    expect(coalescing.pending).toBe(1);
    coalescing.flush();
    expect(coalescing.pending).toBe(0);
    await until(() => errors.length === 2);
    expect(String(errors[0])).toMatch(/isn't writeable|offline/i);
    offline.disconnect();
  });
});
