import { z } from 'zod';
import { DEFAULT_PORTS, type ServiceName } from '@meridian/contracts';

const logLevel = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

/** The settings every process reads from the environment, once, at start. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: logLevel.default('info'),
  /** Write logs to stdout as well as to the shared log stream (tests turn it off). */
  LOG_CONSOLE: z.enum(['true', 'false']).default('true'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case identifier').optional(),
  DATA_DIR: z.string().default('.data'),
  /** Prefix of every Redis key and channel Meridian owns (queues, halt, logs, live events); lets test runs share a Redis. */
  REDIS_NAMESPACE: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'must be letters, digits, _ or -').default('meridian'),
});

export interface ServiceConfig {
  service: ServiceName;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: z.infer<typeof logLevel>;
  logConsole: boolean;
  host: string;
  port: number;
  redisUrl: string;
  databaseUrl?: string;
  databaseSchema: string;
  dataDir: string;
  /** Prefix of every Redis key and channel of this platform instance. */
  namespace: string;
}

export class ConfigError extends Error {}

/** Parses the environment; a wrong value throws one sentence naming the variable and the rule. */
export function parseEnv<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Configuration error: ${issue.path.join('.')} ${issue.message}.`);
  }
  return result.data;
}

export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const e = parseEnv(baseConfigSchema, env);
  return {
    service,
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    logConsole: e.LOG_CONSOLE === 'true',
    host: e.HOST,
    port: e.PORT ?? DEFAULT_PORTS[service],
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA ?? service,
    dataDir: e.DATA_DIR,
    namespace: e.REDIS_NAMESPACE,
  };
}
