import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigChangeDto } from '@meridian/contracts/dto';
import { ConfigError, loadServiceConfig } from './config';
import { heapGrowingPercent } from './heap-policy';
import { toFieldErrors } from './validation';

describe('service configuration', () => {
  it('has defaults that run on a laptop: embedded database, local Redis, the service’s own port and schema', () => {
    const c = loadServiceConfig('execution', {});
    expect(c).toMatchObject({ port: 8001, redisUrl: 'redis://127.0.0.1:6379', databaseSchema: 'execution', dataDir: '.data', namespace: 'meridian', logConsole: true });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('stops with one sentence naming the variable and the rule', () => {
    expect(() => loadServiceConfig('gateway', { REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    expect(() => loadServiceConfig('gateway', { REDIS_URL: 'localhost:6379' })).toThrow('Configuration error: REDIS_URL must be a redis:// or rediss:// URL.');
    expect(() => loadServiceConfig('gateway', { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadServiceConfig('gateway', { DATABASE_SCHEMA: 'Drop Table' })).toThrow(/DATABASE_SCHEMA/);
  });

  it('reads the heap policy: 100 % by default, 0 for V8’s own choice, anything else refused by name', () => {
    expect(heapGrowingPercent({})).toBe(100);
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: '0' })).toBe(0);
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: '50' })).toBe(50);
    for (const bad of ['-1', '1.5', 'lots', '1001']) {
      expect(() => heapGrowingPercent({ HEAP_GROWING_PERCENT: bad })).toThrow(`HEAP_GROWING_PERCENT must be an integer from 0 (V8's default) to 1000, got '${bad}'.`);
    }
  });
});

describe('validation errors', () => {
  it('names nested fields by their path with the rules they broke', () => {
    const dto = plainToInstance(ConfigChangeDto, { settings: { alerts: { latencyP95Ms: 0, errorRatePct: 5, minRequests: 1 }, rateLimit: { perMinute: 100 }, retention: { logsDays: 1, metricsDays: 1, alertsDays: 1 }, transport: { timeoutMs: 500 } } });
    const fields = toFieldErrors(validateSync(dto));
    expect(fields).toEqual([{ field: 'settings.alerts.latencyP95Ms', rules: { min: 'latencyP95Ms must not be less than 1' } }]);
  });
});
