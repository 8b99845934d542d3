import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { of } from 'rxjs';
import { NamespacedServerRedis } from './namespaced-redis-transport';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('request claims of replicated services', () => {
  const namespace = `claim-test-${randomBytes(3).toString('hex')}`;
  let pub: Redis;

  beforeAll(() => {
    pub = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await pub.keys(`${namespace}:*`);
    if (keys.length) await pub.del(...keys);
    pub.disconnect();
  });

  function replica(claim: boolean, handled: string[], name: string): NamespacedServerRedis {
    const server = new NamespacedServerRedis(namespace, { host: '127.0.0.1', port: 6379 }, claim);
    server.addHandler('sim.run.create.v1', async (data: { n: number }) => {
      handled.push(`${name}:${data.n}`);
      return of({ ok: true });
    });
    return server;
  }

  const request = (n: number, id = randomUUID()) => JSON.stringify({ id, pattern: 'sim.run.create.v1', data: { n } });
  const channel = () => `${namespace}:sim.run.create.v1`;

  it('lets exactly one of two replicas handle each request', async () => {
    const handled: string[] = [];
    const a = replica(true, handled, 'a');
    const b = replica(true, handled, 'b');
    for (let n = 0; n < 20; n++) {
      const message = request(n);
      // Both replicas receive every published request, as on the real transport.
      await Promise.all([a.handleMessage(channel(), message, pub, channel()), b.handleMessage(channel(), message, pub, channel())]);
    }
    expect(handled.map((h) => h.split(':')[1]).sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 20 }, (_, n) => String(n)));
  });

  it('leaves single-replica services unclaimed (every receiver handles)', async () => {
    const handled: string[] = [];
    const a = replica(false, handled, 'a');
    const b = replica(false, handled, 'b');
    const message = request(1);
    await Promise.all([a.handleMessage(channel(), message, pub, channel()), b.handleMessage(channel(), message, pub, channel())]);
    expect(handled.sort()).toEqual(['a:1', 'b:1']);
  });
});
