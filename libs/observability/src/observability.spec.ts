import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { createLogger } from './logger';
import { logStreamKey, RedisLogSink } from './log-stream';
import { ProcessMetrics } from './metrics';
import { runWithContext } from './request-context';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { lines.push(JSON.parse(chunk.toString())); cb(); } });
  return { lines, stream };
}

describe('logger', () => {
  it('writes JSON with the service and, inside a request, its id on every line', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'test-svc', destination: stream });
    logger.info('outside');
    runWithContext({ requestId: 'req-42' }, () => logger.warn({ orderId: 'o1' }, 'inside'));
    expect(lines[0]).toMatchObject({ service: 'test-svc', level: 'info', msg: 'outside' });
    expect(lines[0].requestId).toBeUndefined();
    expect(lines[1]).toMatchObject({ level: 'warn', msg: 'inside', requestId: 'req-42', orderId: 'o1' });
  });
});

describe('RedisLogSink', () => {
  const redis = new Redis(REDIS_URL);
  const namespace = `obs-test-${process.pid}`;
  afterAll(async () => {
    await redis.del(logStreamKey(namespace));
    redis.disconnect();
  });

  it('ships log lines to the shared Redis stream in batches', async () => {
    await new Promise((r) => (redis.status === 'ready' ? r(null) : redis.once('ready', r)));
    const sink = new RedisLogSink(redis, namespace, 10_000);
    const logger = createLogger({ service: 'sink-test', sink, destination: null });
    for (let i = 0; i < 5; i++) logger.info({ i }, `line ${i}`);
    logger.debug('below info is not shipped');
    await new Promise((r) => setTimeout(r, 50));
    await sink.flush();
    const entries = await redis.xrange(logStreamKey(namespace), '-', '+');
    expect(entries.map(([, f]) => JSON.parse(f[1]).msg)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
  });
});

describe('ProcessMetrics', () => {
  it('keeps per-route latency quantiles and counts 5xx as errors', async () => {
    const m = new ProcessMetrics('metrics-test');
    for (let i = 1; i <= 100; i++) m.observeHttp('GET', '/x', i === 100 ? 500 : 200, i / 1000);
    const summary = await m.httpWindowAll.get();
    const p50 = summary.values.find((v) => (v.labels as Record<string, unknown>).quantile === 0.5)!.value;
    expect(Math.abs(p50 / 0.05 - 1)).toBeLessThanOrEqual(0.01); // nearest rank, within the buckets' 1 %
    const errors = await m.httpErrors.get();
    expect(errors.values[0].value).toBe(1);
    expect(await m.registry.metrics()).toContain('http_request_duration_seconds_bucket');
  });
});
