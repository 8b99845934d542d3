import { Redis } from 'ioredis';
import { PublishBatcher } from './publish-batcher';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('PublishBatcher', () => {
  const publisher = new Redis(REDIS_URL);
  const subscriber = new Redis(REDIS_URL);
  const channel = `publish-batcher-test-${process.pid}`;
  const received: string[] = [];
  let pipelines = 0;
  const counting = { pipeline: () => (pipelines++, publisher.pipeline()) };

  beforeAll(async () => {
    subscriber.on('message', (_ch: string, message: string) => received.push(message));
    await subscriber.subscribe(channel);
  });
  afterAll(() => {
    publisher.disconnect();
    subscriber.disconnect();
  });
  beforeEach(() => {
    received.length = 0;
    pipelines = 0;
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('sends what one synchronous run published as one pipeline, in order', async () => {
    const batcher = new PublishBatcher(counting);
    for (let i = 0; i < 60; i++) batcher.publish(channel, `m${i}`);
    expect(batcher.pending).toBe(60);
    await until(() => received.length === 60);
    expect(received).toEqual(Array.from({ length: 60 }, (_, i) => `m${i}`));
    expect(pipelines).toBe(1);
    expect(batcher.pending).toBe(0);
  });

  it('starts a new pipeline for the next run', async () => {
    const batcher = new PublishBatcher(counting);
    batcher.publish(channel, 'a');
    await Promise.resolve();
    batcher.publish(channel, 'b');
    await until(() => received.length === 2);
    expect(received).toEqual(['a', 'b']);
    expect(pipelines).toBe(2);
  });

  it('reports a pipeline that could not be sent', async () => {
    const offline = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false });
    const errors: unknown[] = [];
    const batcher = new PublishBatcher(offline, (err) => errors.push(err));
    batcher.publish(channel, 'lost?');
    await until(() => errors.length === 1);
    expect(String(errors[0])).toMatch(/isn't writeable|offline/i);
    offline.disconnect();
  });
});
