import type { Redis } from 'ioredis';

/**
 * Pub/sub messages published in one synchronous run (a venue's pump delivers every tick of a clock
 * instant in one loop) leave in one pipeline: one write to Redis instead of one per message, so
 * Redis hands them to each subscriber in one read and the gateway fans them out as one burst,
 * one socket write per client instead of several. Order is kept; a message is never dropped here
 * (a failed pipeline is reported, as a failed publish was).
 */
export class PublishBatcher {
  private queue: [channel: string, message: string][] = [];
  private scheduled = false;

  constructor(
    private readonly redis: Pick<Redis, 'pipeline'>,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  publish(channel: string, message: string): void {
    this.queue.push([channel, message]);
    if (this.scheduled) return;
    this.scheduled = true;
    // A microtask runs once the current synchronous work (the whole pump) is done.
    queueMicrotask(() => this.flush());
  }

  /** Messages waiting for the end of the current run. */
  get pending(): number {
    return this.queue.length;
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    if (batch.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [channel, message] of batch) pipeline.publish(channel, message);
    pipeline.exec().then(
      (results) => {
        const failed = results?.find(([err]) => err);
        if (failed) this.onError(failed[0]);
      },
      (err: unknown) => this.onError(err),
    );
  }
}
