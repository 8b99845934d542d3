import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import type { BackingPart, QueueDepth, ServiceHealthReply, ServiceStatus, HealthStatus, ServiceName } from '@meridian/contracts';
import { describeRedisUrl, queueDepth } from '@meridian/messaging';
import { pingDatabase, type OpenDatabase } from '@meridian/persistence';
import type { Logger, ProcessMetrics, RedisLogSink } from '@meridian/observability';
import type { ServiceConfig } from './config';

/** Everything a running service process holds: made once in bootstrap, shared by its modules. */
export class ServiceRuntime {
  readonly startedAt = new Date();
  private readonly queues: Queue[] = [];
  private readonly extraBacking: BackingPart[] = [];

  constructor(
    readonly config: ServiceConfig,
    readonly version: string,
    readonly logger: Logger,
    readonly redis: Redis,
    readonly logSink: RedisLogSink,
    readonly metrics: ProcessMetrics,
    readonly database: OpenDatabase,
    /** The environment the process was started with; feature modules parse their own settings from it. */
    readonly env: NodeJS.ProcessEnv = {},
  ) {}

  get service(): ServiceName {
    return this.config.service;
  }

  /** Queues this service owns appear in the system status with their depths. */
  registerQueue(queue: Queue): void {
    this.queues.push(queue);
  }

  /** A backing part besides PostgreSQL and Redis (a venue, an LLM provider, a graph store). */
  registerBacking(part: BackingPart): void {
    this.extraBacking.push(part);
  }

  backing(): BackingPart[] {
    return [
      this.database.backing,
      { part: 'redis', kind: 'external', description: `Redis at ${describeRedisUrl(this.config.redisUrl)}` },
      ...this.extraBacking,
    ];
  }

  async queueDepths(): Promise<QueueDepth[]> {
    return Promise.all(this.queues.map((q) => queueDepth(q, this.service)));
  }

  async dependencies(): Promise<ServiceHealthReply['dependencies']> {
    const check = async (name: 'postgres' | 'redis', probe: () => Promise<unknown>) => {
      const started = performance.now();
      try {
        await withDeadline(probe(), 500);
        return { name, status: 'up' as HealthStatus, latencyMs: round(performance.now() - started) };
      } catch (err) {
        return { name, status: 'down' as HealthStatus, latencyMs: null, detail: (err as Error).message };
      }
    };
    return Promise.all([check('postgres', () => pingDatabase(this.database.dataSource)), check('redis', () => this.redis.ping())]);
  }

  async health(): Promise<ServiceHealthReply> {
    const dependencies = await this.dependencies();
    const mem = process.memoryUsage();
    return {
      service: this.service,
      version: this.version,
      status: dependencies.every((d) => d.status === 'up') ? 'up' : 'degraded',
      uptimeSec: Math.round(process.uptime()),
      pid: process.pid,
      memory: { rssBytes: mem.rss, heapUsedBytes: mem.heapUsed, heapTotalBytes: mem.heapTotal },
      dependencies,
    };
  }

  async status(halted: boolean): Promise<ServiceStatus> {
    return {
      service: this.service,
      reachable: true,
      version: this.version,
      nodeVersion: process.version,
      pid: process.pid,
      startedAt: this.startedAt.toISOString(),
      uptimeSec: Math.round(process.uptime()),
      backing: this.backing(),
      queues: await this.queueDepths(),
      halted,
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.queues.map((q) => q.close()));
    await this.logSink.flush();
    // stdout is written asynchronously: flush it so the last lines survive process.exit.
    await new Promise<void>((resolve) => this.logger.flush(() => resolve()));
    await this.database.close();
    this.redis.disconnect();
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
