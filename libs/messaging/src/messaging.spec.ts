import { Redis } from 'ioredis';
import { describeRedisUrl, redisOptionsFromUrl } from './redis-options';
import { haltKey, NOT_HALTED, readHalt, writeHalt } from './halt-store';
import { RpcFailure, ServiceUnavailableError, isRpcErrorBody } from './rpc-errors';

describe('REDIS_URL parsing', () => {
  it('reads host, port, credentials, database and TLS', () => {
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.example:6380/2')).toMatchObject({ host: 'cache.example', port: 6380, username: 'user', password: 'p@ss', db: 2, tls: {} });
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0, tls: undefined });
  });

  it('refuses other schemes and never prints the password', () => {
    expect(() => redisOptionsFromUrl('http://localhost:6379')).toThrow(/redis:\/\//);
    expect(describeRedisUrl('redis://u:secret@h:1/3')).toBe('redis://h:1/3');
  });
});

describe('transport errors', () => {
  it('recognises an error body from a service and names an unreachable one', () => {
    expect(isRpcErrorBody({ statusCode: 400, message: 'x', error: 'Bad Request' })).toBe(true);
    expect(isRpcErrorBody(new Error('x'))).toBe(false);
    expect(new RpcFailure({ statusCode: 404, error: 'Not Found', message: 'no order' }).message).toBe('no order');
    expect(new ServiceUnavailableError('execution', 'timeout').message).toBe('execution did not answer in time');
  });
});

describe('halt store', () => {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const ns = `halt-test-${process.pid}`;
  afterAll(async () => {
    await redis.del(haltKey(ns));
    redis.disconnect();
  });

  it('reads not-halted when nothing was written, and reads back what was written', async () => {
    expect(await readHalt(redis, ns)).toEqual(NOT_HALTED);
    const state = { halted: true, reason: 'drill', by: 'admin', at: '2026-01-01T00:00:00.000Z' };
    await writeHalt(redis, ns, state);
    expect(await readHalt(redis, ns)).toEqual(state);
  });
});
