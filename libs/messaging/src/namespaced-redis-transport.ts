import { ClientRedis, ServerRedis, type ReadPacket, type RedisOptions } from '@nestjs/microservices';
import type { Redis } from 'ioredis';

type TransportOptions = Required<RedisOptions>['options'];

/** How long a claim is kept: longer than any request's deadline, so a late replica never takes it. */
const CLAIM_TTL_MS = 120_000;

/**
 * The NestJS Redis transport with every channel prefixed by a namespace (`<ns>:<pattern>`), so
 * two Meridian instances on one Redis (two test runs, a benchmark beside a dev platform) never
 * answer each other. Requests, replies and events are all prefixed; handlers keep their plain
 * pattern names.
 */
export class NamespacedServerRedis extends ServerRedis {
  private readonly prefix: string;

  /**
   * @param claimRequests For services that run several replicas: the transport is pub/sub, so
   * every replica receives every request; with this set, a replica first claims the request in
   * Redis (SET NX on its id) and only the one that claimed it handles and answers it, so a
   * request that changes something is carried out once.
   */
  constructor(namespace: string, options: TransportOptions, private readonly claimRequests = false) {
    super(options);
    this.prefix = `${namespace}:`;
  }

  override async handleMessage(channel: string, buffer: string, pub: Redis, pattern: string): Promise<void> {
    if (this.claimRequests) {
      const message = this.parseMessage(buffer) as { id?: unknown } | string | null;
      const id = typeof message === 'object' && message !== null ? message.id : undefined;
      if (typeof id === 'string' && id.length > 0) {
        const claimed = await pub.set(`${this.prefix}rpc-claim:${channel}:${id}`, '1', 'PX', CLAIM_TTL_MS, 'NX');
        if (claimed !== 'OK') return; // another replica has it
      }
    }
    return super.handleMessage(channel, buffer, pub, pattern);
  }

  override getRequestPattern(pattern: string): string {
    return `${this.prefix}${pattern}`;
  }

  override bindEvents(subClient: Redis, pubClient: Redis): void {
    subClient.on('message', this.getMessageHandler(pubClient).bind(this));
    for (const pattern of this.messageHandlers.keys()) subClient.subscribe(`${this.prefix}${pattern}`);
  }

  /** Handlers by channel: Nest resolves a pattern by trying JSON.parse on it (a thrown error per plain-string message). */
  private readonly handlerByChannel = new Map<string, ReturnType<ServerRedis['getHandlerByPattern']>>();

  override getHandlerByPattern(channel: string) {
    const known = this.handlerByChannel.get(channel);
    if (known) return known;
    const handler = super.getHandlerByPattern(channel.startsWith(this.prefix) ? channel.slice(this.prefix.length) : channel);
    if (handler) this.handlerByChannel.set(channel, handler);
    return handler;
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

  /**
   * Nest subscribes to a pattern's reply channel when a request finds none in flight and
   * unsubscribes when the last answer arrives: at a steady request rate most requests would
   * wait for a SUBSCRIBE round trip before they are even published. Reply channels are few (one
   * per pattern), so once subscribed, one stays subscribed (ioredis re-subscribes it after a
   * reconnect); answers to requests no longer waiting are dropped by id, as before.
   */
  protected override unsubscribeFromChannel(channel: string): void {
    this.subscriptionsCount.set(channel, Math.max(1, (this.subscriptionsCount.get(channel) ?? 1) - 1));
  }

  protected override dispatchEvent(packet: ReadPacket): Promise<unknown> {
    return super.dispatchEvent({ ...packet, pattern: `${this.prefix}${this.normalizePattern(packet.pattern)}` });
  }
}
