import { ConflictException, Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { EVENTS, EXECUTION_PATTERNS, type EmergencyStopReport, type HaltState } from '@meridian/contracts';
import { NOT_HALTED, writeHalt } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { createTransportClient, LOGGER, REDIS } from '@meridian/service-kit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../core/gateway.config';
import { AlertsService } from '../../alerts/alerts.service';
import { RealtimeHub } from '../../realtime/realtime-hub';
import { ServiceClients, contextForHop } from '../../services/service-clients';
import { PlatformHaltEntity } from './platform-halt.entity';

interface ExecutionHaltReply {
  detail: string;
  cancelledOrders: number;
  cancelledAlgorithms: number;
}

/**
 * The platform-wide halt. The gateway's database is the record; Redis carries a copy every
 * service reads at start, and an event tells running services at once. Execution carries out
 * the stop (cancelling open work) and reports what it did.
 */
@Injectable()
export class PlatformHaltService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly broadcaster: ReturnType<typeof createTransportClient>;
  private state: HaltState = NOT_HALTED;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly services: ServiceClients,
    private readonly alerts: AlertsService,
    private readonly hub: RealtimeHub,
  ) {
    this.broadcaster = createTransportClient(config);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.state = await this.load();
    // Redis keeps nothing across restarts here; re-assert the recorded state for the services.
    await writeHalt(this.redis, this.config.namespace, this.state).catch((err) => this.logger.warn({ err }, 'could not mirror the halt to Redis'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.broadcaster.close();
  }

  get current(): HaltState {
    return this.state;
  }

  async load(): Promise<HaltState> {
    const [latest] = await this.dataSource.getRepository(PlatformHaltEntity).find({ order: { id: 'DESC' }, take: 1 });
    return latest ? { halted: latest.halted, reason: latest.reason, by: latest.changedBy, at: latest.changedAt.toISOString() } : NOT_HALTED;
  }

  async stop(reason: string, by: string): Promise<EmergencyStopReport> {
    return this.change(true, reason, by);
  }

  async resume(reason: string, by: string): Promise<EmergencyStopReport> {
    if (!(await this.load()).halted) throw new ConflictException('The platform is not halted');
    return this.change(false, reason, by);
  }

  private async change(halted: boolean, reason: string, by: string): Promise<EmergencyStopReport> {
    const started = performance.now();
    const row = await this.dataSource.getRepository(PlatformHaltEntity).save({ halted, reason, changedBy: by });
    this.state = { halted, reason, by, at: row.changedAt.toISOString() };
    await writeHalt(this.redis, this.config.namespace, this.state).catch((err) => this.logger.error({ err }, 'could not mirror the halt to Redis'));
    this.broadcaster.emit(EVENTS.haltChanged, { ctx: contextForHop(), data: this.state }).subscribe({ error: () => undefined });
    this.hub.publish('system', { kind: 'halt', halt: this.state });

    const actions: EmergencyStopReport['actions'] = [];
    try {
      const reply = await this.services.send<ExecutionHaltReply>('execution', halted ? EXECUTION_PATTERNS.emergencyStop : EXECUTION_PATTERNS.resume, this.state);
      actions.push({ service: 'execution', ok: true, ...reply });
    } catch (err) {
      actions.push({
        service: 'execution', ok: false, cancelledOrders: 0, cancelledAlgorithms: 0,
        detail: `${(err as Error).message}; the halt is recorded and execution applies it when it is reachable again`,
      });
    }
    if (halted) {
      await this.alerts.raise({ key: 'platform-halted', severity: 'critical', source: 'gateway', title: 'Emergency stop: trading halted', message: `Halted by ${by}: ${reason}`, details: { by, reason } });
    } else {
      await this.alerts.resolve('platform-halted', `resumed by ${by}: ${reason}`);
    }
    this.logger.warn({ halted, by, reason }, halted ? 'EMERGENCY STOP' : 'platform resumed');
    return { halt: this.state, actions, durationMs: Math.round(performance.now() - started) };
  }
}
