import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { WsChannel, WsPayloads, WsServerFrame } from '@meridian/contracts';
import type { Logger } from '@meridian/observability';
import { LOGGER, REDIS, SERVICE_CONFIG, type ServiceConfig } from '@meridian/service-kit';


type Listener = (frame: WsServerFrame & { type: 'event' }) => void;
/** Whether a listener has anyone to deliver to right now (no one: the message is not even parsed). */
type Interest = () => boolean;

/**
 * Fan-out of live events to WebSocket clients. Events go through Redis pub/sub so that every
 * gateway replica delivers them to its own clients, whichever replica produced them.
 */
@Injectable()
export class RealtimeHub implements OnModuleInit, OnApplicationShutdown {
  private readonly listeners = new Map<Listener, Interest>();
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(LOGGER) private readonly logger: Logger, @Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.channel = `${config.namespace}:realtime`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel, message) => {
      if (!this.anyoneListening()) return;
      let parsed: (WsServerFrame & { type: 'event' }) | (WsServerFrame & { type: 'event' })[];
      try {
        parsed = JSON.parse(message);
      } catch {
        return;
      }
      // A service may batch several events of one moment into one message.
      for (const frame of Array.isArray(parsed) ? parsed : [parsed]) for (const l of this.listeners.keys()) l(frame);
    });
    this.subscriber.on('error', () => undefined);
    await this.subscriber.subscribe(this.channel).catch((err) => this.logger.warn({ err }, 'realtime: could not subscribe yet; will retry on reconnect'));
  }

  publish<C extends WsChannel>(channel: C, data: WsPayloads[C]): void {
    const frame: WsServerFrame = { type: 'event', channel, data, ts: Date.now() };
    this.redis.publish(this.channel, JSON.stringify(frame)).catch(() => undefined);
  }

  listen(listener: Listener, interested: Interest = () => true): () => void {
    this.listeners.set(listener, interested);
    return () => this.listeners.delete(listener);
  }

  private anyoneListening(): boolean {
    for (const interested of this.listeners.values()) if (interested()) return true;
    return false;
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }
}
