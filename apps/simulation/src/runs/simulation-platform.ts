import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CANDLE_COLUMNS_PATTERN, type CandleColumns, type RequestContext, type RunSummary, type WsServerFrame } from '@meridian/contracts';
import { ServiceClient } from '@meridian/messaging';
import type { Logger } from '@meridian/observability';
import { createTransportClient, LOGGER, SERVICE_RUNTIME, type ServiceRuntime } from '@meridian/service-kit';

const CANDLES_DEADLINE_MS = 60_000;
const PROGRESS_EVERY_MS = 250;

/**
 * What the simulation service needs from the rest of the platform: candles and portfolios from
 * execution (over the transport, with the caller's context), and run events to the gateway's
 * WebSocket (the `simulation` channel of the realtime hub).
 */
@Injectable()
export class SimulationPlatform implements OnModuleInit, OnApplicationShutdown {
  readonly execution: ServiceClient;
  private readonly realtimeChannel: string;
  private readonly lastProgress = new Map<string, number>();

  constructor(@Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime, @Inject(LOGGER) private readonly logger: Logger) {
    this.execution = new ServiceClient('execution', createTransportClient(runtime.config), () => 10_000);
    this.realtimeChannel = `${runtime.config.namespace}:realtime`;
  }

  async onModuleInit(): Promise<void> {
    await this.execution.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.execution.close().catch(() => undefined);
  }

  candles(symbol: string, timeframe: string, from: string | undefined, to: string | undefined, ctx: RequestContext): Promise<CandleColumns> {
    return this.execution.send<CandleColumns>(CANDLE_COLUMNS_PATTERN, { symbol, timeframe, from, to }, ctx, CANDLES_DEADLINE_MS);
  }

  /** Announces a run's state; progress at most every 250 ms per run, changes of status always. */
  announce(run: RunSummary, ownerId: string): void {
    if (run.status === 'running') {
      const now = Date.now();
      if (now - (this.lastProgress.get(run.id) ?? 0) < PROGRESS_EVERY_MS && run.progress < 1) return;
      this.lastProgress.set(run.id, now);
    } else this.lastProgress.delete(run.id);
    const frame: WsServerFrame = { type: 'event', channel: 'simulation', data: { kind: 'run', ownerId, run }, ts: Date.now() };
    this.runtime.redis.publish(this.realtimeChannel, JSON.stringify(frame)).catch((err) => this.logger.debug?.({ err }, 'could not publish a run event'));
  }
}
