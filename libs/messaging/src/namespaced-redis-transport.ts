import { ClientRedis, ServerRedis, type ReadPacket, type RedisOptions } from '@nestjs/microservices';
import type { Redis } from 'ioredis';

type TransportOptions = Required<RedisOptions>['options'];

/**
 * The NestJS Redis transport with every channel prefixed by a namespace (`<ns>:<pattern>`), so
 * two Meridian instances on one Redis (two test runs, a benchmark beside a dev platform) never
 * answer each other. Requests, replies and events are all prefixed; handlers keep their plain
 * pattern names.
 */
export class NamespacedServerRedis extends ServerRedis {
  private readonly prefix: string;

  constructor(namespace: string, options: TransportOptions) {
    super(options);
    this.prefix = `${namespace}:`;
  }

  override getRequestPattern(pattern: string): string {
    return `${this.prefix}${pattern}`;
  }

  override bindEvents(subClient: Redis, pubClient: Redis): void {
    subClient.on('message', this.getMessageHandler(pubClient).bind(this));
    for (const pattern of this.messageHandlers.keys()) subClient.subscribe(`${this.prefix}${pattern}`);
  }

  override getHandlerByPattern(channel: string) {
    return super.getHandlerByPattern(channel.startsWith(this.prefix) ? channel.slice(this.prefix.length) : channel);
  }
}

export class NamespacedClientRedis extends ClientRedis {
  private readonly prefix: string;

  constructor(namespace: string, options: TransportOptions) {
    super(options);
    this.prefix = `${namespace}:`;
  }

  override getRequestPattern(pattern: string): string {
    return `${this.prefix}${pattern}`;
  }

  override getReplyPattern(pattern: string): string {
    return `${this.prefix}${pattern}.reply`;
  }

  protected override dispatchEvent(packet: ReadPacket): Promise<unknown> {
    return super.dispatchEvent({ ...packet, pattern: `${this.prefix}${this.normalizePattern(packet.pattern)}` });
  }
}
