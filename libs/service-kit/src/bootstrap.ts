import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplication, type ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { BackendService } from '@meridian/contracts';
import { createRedis, NamespacedClientRedis, NamespacedServerRedis, redisOptionsFromUrl } from '@meridian/messaging';
import { createLogger, PinoNestLogger, ProcessMetrics, RedisLogSink } from '@meridian/observability';
import { openDatabase, type DatabaseOptions } from '@meridian/persistence';
import { loadServiceConfig, ConfigError, type ServiceConfig } from './config';
import { applyHeapPolicy } from './heap-policy';
import { ServiceKitModule } from './service-kit.module';
import { ServiceRuntime } from './service-runtime';
import { CreateServiceRuns1764100000000, ServiceRunEntity } from './service-run';
import { hostname } from 'node:os';

export interface ServiceDefinition {
  service: BackendService;
  version: string;
  entities: DatabaseOptions['entities'];
  migrations: DatabaseOptions['migrations'];
  /** The service's feature modules. */
  imports: NonNullable<ModuleMetadata['imports']>;
  /**
   * The service runs several replicas (workers): each request is claimed in Redis so that exactly
   * one replica handles it. A single-replica service (execution) skips the claim's round trip.
   */
  replicated?: boolean;
}

/** Options of the NestJS Redis transport, for servers and clients alike; reconnects forever. */
function transportOptions(redisUrl: string) {
  return { ...pick(redisOptionsFromUrl(redisUrl)), retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: 500 };
}

/** The transport's client side, in this platform's namespace. */
export function createTransportClient(config: Pick<ServiceConfig, 'redisUrl' | 'namespace'>): NamespacedClientRedis {
  return new NamespacedClientRedis(config.namespace, transportOptions(config.redisUrl));
}

/** The transport's server side, in this platform's namespace. */
export function createTransportServer(config: Pick<ServiceConfig, 'redisUrl' | 'namespace'>, replicated = false): MicroserviceOptions {
  return { strategy: new NamespacedServerRedis(config.namespace, transportOptions(config.redisUrl), replicated) };
}

function asArray<T>(list: T[] | Record<string, T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}

function pick(o: ReturnType<typeof redisOptionsFromUrl>) {
  return { host: o.host, port: o.port, username: o.username, password: o.password, db: o.db, tls: o.tls };
}

@Module({})
class ServiceRootModule {
  static register(runtime: ServiceRuntime, imports: ServiceDefinition['imports']): DynamicModule {
    return { module: ServiceRootModule, imports: [ServiceKitModule.forRoot(runtime), ...imports] };
  }
}

/** Builds a service (database migrated, Redis connected, transport attached) without listening. */
export async function createServiceApp(def: ServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<{ app: INestApplication; runtime: ServiceRuntime }> {
  const config = loadServiceConfig(def.service, env);
  const redis = createRedis(config.redisUrl, def.service);
  const logSink = new RedisLogSink(redis, config.namespace);
  const logger = createLogger({ service: def.service, level: config.logLevel, sink: logSink, destination: config.logConsole ? undefined : null });
  const database = await openDatabase({
    service: def.service,
    schema: config.databaseSchema,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    entities: [ServiceRunEntity, ...asArray(def.entities)],
    migrations: [CreateServiceRuns1764100000000, ...asArray(def.migrations)],
  });
  await database.dataSource.getRepository(ServiceRunEntity).insert({ version: def.version, host: hostname(), pid: process.pid, startedAt: new Date() });
  logger.info({ backing: database.backing }, `database: ${database.backing.description}`);
  const runtime = new ServiceRuntime(config, def.version, logger, redis, logSink, new ProcessMetrics(def.service), database, env);
  const app = await NestFactory.create(ServiceRootModule.register(runtime, def.imports), { logger: new PinoNestLogger(logger), abortOnError: false });
  app.connectMicroservice<MicroserviceOptions>(createTransportServer(config, def.replicated ?? false));
  return { app, runtime };
}

/** The `main` of a backend service: start, listen, and stop cleanly on SIGTERM/SIGINT (also mid-start). */
export async function runService(def: ServiceDefinition): Promise<void> {
  let runtime: ServiceRuntime | undefined;
  let app: INestApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime?.logger.info({ signal }, `${def.service} stopping`);
    let code = 0;
    try {
      await app?.close();
      await runtime?.close();
    } catch (err) {
      process.stderr.write(`${def.service} did not stop cleanly: ${(err as Error).stack ?? err}\n`);
      code = 1;
    }
    process.exit(code);
  };
  // Installed first: a signal during start-up (migrations, PGlite creating its files) still stops cleanly.
  let pending: string | null = null;
  const onSignal = (signal: string) => (app ? void stop(signal) : (pending = signal));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  try {
    applyHeapPolicy();
    const created = await createServiceApp(def);
    runtime = created.runtime;
    app = created.app;
    if (pending) return void stop(pending);
    await app.startAllMicroservices();
    await app.listen(runtime.config.port, runtime.config.host);
    runtime.logger.info({ port: runtime.config.port, version: def.version }, `${def.service} ready on :${runtime.config.port}`);
    if (pending) return void stop(pending);
  } catch (err) {
    const message = err instanceof ConfigError ? err.message : `${def.service} failed to start: ${(err as Error).message}`;
    runtime?.logger.fatal({ err }, message);
    process.stderr.write(`${message}\n`);
    await runtime?.close().catch(() => undefined);
    process.exit(1);
  }
}
