import { Queue } from 'bullmq';
import type { QueueDepth, ServiceName } from '@meridian/contracts';

/** Counts of a BullMQ queue for the system status page. */
export async function queueDepth(queue: Queue, owner: ServiceName): Promise<QueueDepth> {
  const [counts, paused] = await Promise.all([
    queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'),
    queue.isPaused(),
  ]);
  return {
    queue: queue.name,
    owner,
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    completed: counts.completed ?? 0,
    failed: counts.failed ?? 0,
    paused,
  };
}

/** Queue names, one place: `<owner>.<purpose>`. */
export const QUEUES = {
  maintenance: 'system-maintenance',
} as const;
