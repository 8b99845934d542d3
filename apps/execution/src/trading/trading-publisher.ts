import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { EVENTS, type AlertRaiseRequest, type TradingEventPayload, type WsServerFrame } from '@meridian/contracts';
import { CoalescingPublisher } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';
import { TRADING_CONFIG, type TradingConfig } from './trading-config';

/**
 * Order, fill and position updates to the gateway's WebSocket (the `trading` channel of the
 * realtime hub), and alerts for the gateway to record. Notifications only: the state they describe
 * is in the event log and can always be re-read.
 */
@Injectable()
export class TradingPublisher implements OnApplicationShutdown {
  private readonly alertChannel: string;
  /** Frames for the realtime hub (it takes one frame or an array), coalesced under load. */
  private readonly realtime: CoalescingPublisher<WsServerFrame>;

  constructor(@Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime, @Inject(LOGGER) private readonly logger: Logger, @Inject(TRADING_CONFIG) config: TradingConfig) {
    this.alertChannel = `${runtime.config.namespace}:${EVENTS.alertRaise}`;
    this.realtime = new CoalescingPublisher(runtime.redis, `${runtime.config.namespace}:realtime`, config.eventsIntervalMs);
  }

  tradingBatch(payloads: TradingEventPayload[]): void {
    if (payloads.length === 0) return;
    const ts = Date.now();
    this.realtime.publish(payloads.map((data): WsServerFrame => ({ type: 'event', channel: 'trading', data, ts })));
  }

  onApplicationShutdown(): void {
    this.realtime.flush();
  }

  alert(alert: AlertRaiseRequest): void {
    this.logger.warn({ alert: alert.key, details: alert.details }, `alert: ${alert.title}: ${alert.message}`);
    this.runtime.redis.publish(this.alertChannel, JSON.stringify(alert)).catch((err) => this.logger.warn({ err }, 'could not publish an alert'));
  }
}
