import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { EVENTS, type AlertRaiseRequest } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@meridian/service-kit';
import { AlertsService } from './alerts.service';

const SEVERITIES = new Set(['info', 'warning', 'critical']);

/** Records the alerts other services raise (execution's reconciliation and recovery findings). */
@Injectable()
export class ServiceAlertsListener implements OnModuleInit, OnApplicationShutdown {
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly alerts: AlertsService,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.channel = `${config.namespace}:${EVENTS.alertRaise}`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel, message) => void this.record(message));
    await this.subscriber.subscribe(this.channel).catch((err) => this.logger.warn({ err }, 'service alerts: could not subscribe yet; will retry on reconnect'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }

  private async record(message: string): Promise<void> {
    let a: AlertRaiseRequest;
    try {
      a = JSON.parse(message);
    } catch {
      return;
    }
    if (typeof a?.key !== 'string' || !SEVERITIES.has(a.severity) || typeof a.title !== 'string' || typeof a.message !== 'string') return;
    await this.alerts
      .raise({ key: a.key.slice(0, 200), severity: a.severity, source: String(a.source ?? 'service').slice(0, 40), title: a.title.slice(0, 300), message: a.message.slice(0, 2000), details: a.details })
      .catch((err) => this.logger.warn({ err }, 'could not record a service alert'));
  }
}
