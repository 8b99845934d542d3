import { Inject, Injectable, NotFoundException, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Queue, Worker, Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { EVENTS, type MaintenanceState, type MaintenanceTaskKind, type MaintenanceTaskRun } from '@meridian/contracts';
import { QUEUES } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { createQueue, createWorker, LOGGER, REDIS, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { AlertsService } from '../../alerts/alerts.service';
import { PerformanceService } from '../../metrics/performance.service';
import { RealtimeHub } from '../../realtime/realtime-hub';
import { RuntimeConfigService } from '../config/runtime-config.service';
import { LogsService } from '../logs/logs.service';
import { MaintenanceRunEntity, MaintenanceStateEntity } from './maintenance.entities';

interface MaintenanceJob {
  runId: string;
}

const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIGHTLY = 'nightly-retention';

function toRun(r: MaintenanceRunEntity): MaintenanceTaskRun {
  return {
    id: r.id, task: r.task, olderThanDays: r.olderThanDays, state: r.state, removed: r.removed, error: r.error,
    requestedBy: r.requestedBy, requestedAt: r.requestedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Maintenance mode (mutating requests refused except for admins) and maintenance tasks, which run
 * as BullMQ jobs: pruning logs, metric samples and resolved alerts past their retention. A nightly
 * scheduler applies the retention settings by itself.
 */
@Injectable()
export class MaintenanceService implements OnModuleInit, OnApplicationShutdown {
  private state: MaintenanceState = { enabled: false, message: null, by: null, since: null };
  private queue!: Queue<MaintenanceJob | { nightly: true }>;
  private worker!: Worker<MaintenanceJob | { nightly: true }>;
  private subscriber: Redis | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly config: RuntimeConfigService,
    private readonly logs: LogsService,
    private readonly performance: PerformanceService,
    private readonly alerts: AlertsService,
    private readonly hub: RealtimeHub,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.queue = createQueue(this.runtime, QUEUES.maintenance);
    this.worker = createWorker(this.runtime, QUEUES.maintenance, (job) => this.process(job));
    await this.queue.upsertJobScheduler(NIGHTLY, { pattern: '0 3 * * *' }, { name: NIGHTLY, data: { nightly: true } }).catch((err) => this.logger.warn({ err }, 'could not schedule nightly retention'));
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', () => void this.reload().catch(() => undefined));
    await this.subscriber.subscribe(`${this.runtimeNamespace}:${EVENTS.maintenanceChanged}`).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
    await this.worker?.close();
  }

  private get runtimeNamespace(): string {
    return this.runtime.config.namespace;
  }

  get current(): MaintenanceState {
    return this.state;
  }

  async setMode(enabled: boolean, message: string | null, by: string): Promise<MaintenanceState> {
    await this.dataSource.getRepository(MaintenanceStateEntity).update({ id: 1 }, { enabled, message, changedBy: by, changedAt: new Date() });
    await this.reload();
    await this.redis.publish(`${this.runtimeNamespace}:${EVENTS.maintenanceChanged}`, '1').catch(() => undefined);
    this.hub.publish('system', { kind: 'maintenance', maintenance: this.state });
    this.logger.warn({ enabled, by }, enabled ? 'maintenance mode on' : 'maintenance mode off');
    return this.state;
  }

  /** Records each task as a run and queues it; the answer lists the queued runs. */
  async enqueue(tasks: { task: MaintenanceTaskKind; olderThanDays?: number }[], by: string): Promise<MaintenanceTaskRun[]> {
    const runs: MaintenanceTaskRun[] = [];
    for (const t of tasks) {
      const olderThanDays = t.olderThanDays ?? this.retentionDays(t.task);
      const run = await this.dataSource.getRepository(MaintenanceRunEntity).save({ task: t.task, olderThanDays, state: 'queued', requestedBy: by });
      await this.queue.add(t.task, { runId: run.id }, { jobId: run.id, attempts: 1 });
      runs.push(toRun(run));
    }
    return runs;
  }

  async runs(limit = 20): Promise<MaintenanceTaskRun[]> {
    return (await this.dataSource.getRepository(MaintenanceRunEntity).find({ order: { requestedAt: 'DESC' }, take: limit })).map(toRun);
  }

  async run(id: string): Promise<MaintenanceTaskRun> {
    // Run ids are UUIDs: anything else is simply not a run (PostgreSQL would refuse it with an error).
    if (!UUID.test(id)) throw new NotFoundException(`No maintenance run ${id}`);
    const run = await this.dataSource.getRepository(MaintenanceRunEntity).findOneBy({ id });
    if (!run) throw new NotFoundException(`No maintenance run ${id}`);
    return toRun(run);
  }

  private retentionDays(task: MaintenanceTaskKind): number {
    const r = this.config.current.retention;
    return task === 'prune-logs' ? r.logsDays : task === 'prune-metrics' ? r.metricsDays : r.alertsDays;
  }

  private async process(job: Job<MaintenanceJob | { nightly: true }>): Promise<number> {
    if ('nightly' in job.data) {
      await this.enqueue([{ task: 'prune-logs' }, { task: 'prune-metrics' }, { task: 'prune-alerts' }], 'scheduler');
      return 0;
    }
    const repo = this.dataSource.getRepository(MaintenanceRunEntity);
    const run = await repo.findOneBy({ id: job.data.runId });
    if (!run) return 0;
    await repo.update({ id: run.id }, { state: 'running' });
    const before = new Date(Date.now() - run.olderThanDays * DAY_MS);
    try {
      const removed =
        run.task === 'prune-logs' ? await this.logs.prune(before) : run.task === 'prune-metrics' ? await this.performance.prune(before) : await this.alerts.pruneResolved(before);
      await repo.update({ id: run.id }, { state: 'completed', removed, finishedAt: new Date() });
      this.logger.info({ task: run.task, removed, olderThanDays: run.olderThanDays }, `maintenance ${run.task}: removed ${removed}`);
      return removed;
    } catch (err) {
      await repo.update({ id: run.id }, { state: 'failed', error: (err as Error).message, finishedAt: new Date() });
      throw err;
    }
  }

  private async reload(): Promise<void> {
    const row = await this.dataSource.getRepository(MaintenanceStateEntity).findOneByOrFail({ id: 1 });
    this.state = { enabled: row.enabled, message: row.message, by: row.changedBy, since: row.changedAt?.toISOString() ?? null };
  }
}
