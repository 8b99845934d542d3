import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { LogEntry, LogPage } from '@meridian/contracts';
import type { LogQueryDto } from '@meridian/contracts/dto';
import { logStreamKey } from '@meridian/observability';
import { REDIS, SERVICE_CONFIG, type ServiceConfig } from '@meridian/service-kit';
import { matches, parseLogLine } from './log-query';

const BATCH = 500;
/** Bounds the work of one query when the filter is rare. */
const MAX_SCANNED = 20_000;
const STREAM_ID = /^\d{1,15}-\d{1,10}$/;

/** Reads the shared log stream newest first, filtered, in pages. */
@Injectable()
export class LogsService {
  private readonly key: string;

  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.key = logStreamKey(config.namespace);
  }

  async query(q: LogQueryDto): Promise<LogPage> {
    const limit = q.limit ?? 200;
    if (q.before && !STREAM_ID.test(q.before)) throw new BadRequestException('before must be a cursor returned as nextCursor');
    const fromMs = q.from ? Date.parse(q.from) : undefined;
    const toMs = q.to ? Date.parse(q.to) : undefined;
    // ISO 8601 has forms Date.parse cannot read (week and ordinal dates, basic format).
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new BadRequestException('from and to must be ISO 8601 times like 2024-01-31T12:00:00Z');
    // Stream ids start at 0-0: nothing is logged before 1970 or before the first id.
    if ((toMs !== undefined && toMs < 0) || (q.before && /^0+-0+$/.test(q.before))) return { items: [], nextCursor: null };
    if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) throw new BadRequestException('from must not be after to');
    let end = q.before ? `(${q.before}` : toMs !== undefined ? `${toMs}-18446744073709551615` : '+';
    const start = fromMs !== undefined ? `${Math.max(0, fromMs)}-0` : '-';
    const items: LogEntry[] = [];
    let scanned = 0;
    let lastId: string | null = null;
    let exhausted = false;
    while (items.length < limit && scanned < MAX_SCANNED) {
      const batch = (await this.redis.xrevrange(this.key, end, start, 'COUNT', BATCH)) as [string, string[]][];
      if (batch.length === 0) {
        exhausted = true;
        break;
      }
      for (const [id, fields] of batch) {
        lastId = id;
        scanned++;
        const entry = parseLogLine(id, fields[1] ?? '');
        if (entry && matches(entry, q)) {
          items.push(entry);
          if (items.length >= limit) break;
        }
      }
      if (batch.length < BATCH && items.length < limit) {
        exhausted = true;
        break;
      }
      end = `(${lastId}`;
    }
    return { items, nextCursor: exhausted || !lastId ? null : lastId };
  }

  /** Maintenance: entries older than the cutoff. */
  async prune(before: Date): Promise<number> {
    return this.redis.xtrim(this.key, 'MINID', `${before.getTime()}-0`);
  }
}
