import { Redis, type RedisOptions } from 'ioredis';

/** Turns REDIS_URL into ioredis options (the NestJS Redis transport takes the same shape). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${u.protocol}`);
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * A client for cache, streams and pub/sub. It reconnects forever with a capped delay, and
 * commands fail fast while disconnected instead of queueing without bound.
 */
export function createRedis(url: string, name: string, extra: RedisOptions = {}): Redis {
  return new Redis({
    ...redisOptionsFromUrl(url),
    connectionName: `meridian-${name}`,
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(100 * times, 2_000),
    ...extra,
  });
}

export function describeRedisUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}:${u.port || 6379}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
}
