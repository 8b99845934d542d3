import { Inject, Injectable } from '@nestjs/common';
import { EVENTS, type AlertRaiseRequest, type TradingEventPayload, type WsServerFrame } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';

/**
 * Order, fill and position updates to the gateway's WebSocket (the `trading` channel of the
 * realtime hub), and alerts for the gateway to record. Notifications only: the state they describe
 * is in the event log and can always be re-read.
 */
@Injectable()
export class TradingPublisher {
  private readonly realtimeChannel: string;
  private readonly alertChannel: string;

  constructor(@Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime, @Inject(LOGGER) private readonly logger: Logger) {
    this.realtimeChannel = `${runtime.config.namespace}:realtime`;
    this.alertChannel = `${runtime.config.namespace}:${EVENTS.alertRaise}`;
  }

  /** Several events in one message (the realtime hub takes an array of frames). */
  tradingBatch(payloads: TradingEventPayload[]): void {
    if (payloads.length === 0) return;
    const ts = Date.now();
    const frames: WsServerFrame[] = payloads.map((data) => ({ type: 'event', channel: 'trading', data, ts }));
    this.runtime.redis.publish(this.realtimeChannel, JSON.stringify(frames.length === 1 ? frames[0] : frames)).catch(() => undefined);
  }

  alert(alert: AlertRaiseRequest): void {
    this.logger.warn({ alert: alert.key, details: alert.details }, `alert: ${alert.title}: ${alert.message}`);
    this.runtime.redis.publish(this.alertChannel, JSON.stringify(alert)).catch((err) => this.logger.warn({ err }, 'could not publish an alert'));
  }
}
