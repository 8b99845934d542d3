import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { firstValueFrom, of } from 'rxjs';
import { NamespacedClientRedis, NamespacedServerRedis } from './namespaced-redis-transport';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const { hostname: host, port } = new URL(REDIS_URL);

/** The transport's request/reply over the real Redis: the reply channel is kept between requests. */
describe('reply subscriptions of the transport client', () => {
  const namespace = `reply-test-${randomBytes(3).toString('hex')}`;
  const options = { host, port: Number(port || 6379), retryAttempts: 1_000, retryDelay: 50 };
  let admin: Redis;
  let server: NamespacedServerRedis;
  let client: NamespacedClientRedis;
  let handled = 0;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the transport's connect/reconnect chatter
    admin = new Redis(REDIS_URL);
    server = new NamespacedServerRedis(namespace, options);
    server.addHandler('echo.v1', async (data: { n: number }) => {
      handled++;
      return of({ n: data.n * 2 });
    });
    await new Promise<void>((resolve, reject) => server.listen((err?: unknown) => (err ? reject(err) : resolve())));
    client = new NamespacedClientRedis(namespace, options);
    await client.connect();
  });

  afterAll(async () => {
    await client.close();
    await server.close();
    admin.disconnect();
  });

  const replySubscribers = async () => {
    const [, count] = (await admin.pubsub('NUMSUB', `${namespace}:echo.v1.reply`)) as [string, number];
    return Number(count);
  };

  // Recovery after Redis drops the pub/sub connections is covered with the whole platform
  // (markets.e2e-spec: the stream and requests to execution resume by themselves).
  it('answers requests one after another and keeps exactly one reply subscription', async () => {
    for (let n = 1; n <= 5; n++) {
      expect(await firstValueFrom(client.send('echo.v1', { n }))).toEqual({ n: n * 2 });
      expect(await replySubscribers()).toBe(1);
    }
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => firstValueFrom(client.send('echo.v1', { n }))));
    expect(answers.map((a) => (a as { n: number }).n)).toEqual(Array.from({ length: 20 }, (_, n) => n * 2));
    expect(await replySubscribers()).toBe(1);
    expect(handled).toBe(25);
  });
});
