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
  // Named connections, so the test drops only its own (other suites share this Redis).
  const options = { host, port: Number(port || 6379), retryAttempts: 1_000, retryDelay: 50, connectionName: namespace };
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

  it('keeps answering after Redis drops the pub/sub connections (re-subscribed on reconnect)', async () => {
    const list = (await admin.client('LIST')) as string;
    const ours = list.split('\n').filter((l) => l.includes(` name=${namespace} `) && / sub=[1-9]/.test(l)).map((l) => /id=(\d+)/.exec(l)?.[1]);
    expect(ours.length).toBe(2); // the server's request subscription and the client's reply subscription
    for (const id of ours) await admin.client('KILL', 'ID', id as string);
    const deadline = Date.now() + 10_000;
    let answer: unknown;
    while (Date.now() < deadline) {
      answer = await Promise.race([firstValueFrom(client.send('echo.v1', { n: 21 })).catch(() => undefined), new Promise((r) => setTimeout(r, 500))]);
      if (answer) break;
    }
    expect(answer).toEqual({ n: 42 });
    expect(await replySubscribers()).toBe(1);
  });
});
