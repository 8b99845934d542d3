import type { Redis } from 'ioredis';

/** Redis stream holding the recent structured logs of every process (read by GET /api/system/logs). */
export const logStreamKey = (namespace: string) => `${namespace}:logs`;
/** Approximate cap: the stream is trimmed as it grows; maintenance prunes by age. */
export const LOG_STREAM_MAXLEN = 50_000;

/**
 * A pino destination that batches log lines into the shared Redis stream. It never blocks the
 * caller and drops lines (counting them) if Redis is unreachable, since stdout keeps the full log.
 */
export class RedisLogSink {
  private buffer: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  dropped = 0;

  private readonly key: string;

  constructor(private readonly redis: Redis, namespace: string, private readonly flushMs = 250, private readonly maxBuffer = 5_000) {
    this.key = logStreamKey(namespace);
  }

  write(line: string): void {
    if (this.buffer.length >= this.maxBuffer) {
      this.dropped++;
      return;
    }
    this.buffer.push(line);
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffer.length === 0) return;
    const lines = this.buffer;
    this.buffer = [];
    if (this.redis.status !== 'ready') {
      this.dropped += lines.length;
      return;
    }
    const pipeline = this.redis.pipeline();
    for (const line of lines) pipeline.xadd(this.key, 'MAXLEN', '~', LOG_STREAM_MAXLEN, '*', 'l', line.trimEnd());
    try {
      await pipeline.exec();
    } catch {
      this.dropped += lines.length;
    }
  }
}
