import { Queue, Worker, type Processor, type WorkerOptions, type QueueOptions } from 'bullmq';
import type { ServiceRuntime } from './service-runtime';

/**
 * BullMQ queues and workers for long work, on the service's Redis with its queue prefix. A queue
 * created here shows in the system status; workers on more replicas take more of its jobs.
 */
/** Workers block on Redis, so BullMQ needs unlimited retries per request on its connections. */
function connection(runtime: ServiceRuntime) {
  return { url: runtime.config.redisUrl, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

export function createQueue<T = unknown>(runtime: ServiceRuntime, name: string, opts: Partial<QueueOptions> = {}): Queue<T> {
  const queue = new Queue(name, {
    connection: connection(runtime),
    prefix: runtime.config.namespace,
    defaultJobOptions: { removeOnComplete: { age: 7 * 86_400, count: 1_000 }, removeOnFail: { age: 30 * 86_400 }, attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
    ...opts,
  }) as unknown as Queue<T>;
  queue.on('error', (err) => runtime.logger.warn({ err, queue: name }, 'queue connection error'));
  runtime.registerQueue(queue as unknown as Queue);
  return queue;
}

export function createWorker<T = unknown, R = unknown>(runtime: ServiceRuntime, name: string, processor: Processor<T, R>, opts: Partial<WorkerOptions> = {}): Worker<T, R> {
  const worker = new Worker<T, R>(name, processor, {
    connection: connection(runtime),
    prefix: runtime.config.namespace,
    concurrency: 1,
    ...opts,
  });
  worker.on('error', (err) => runtime.logger.warn({ err, queue: name }, 'worker connection error'));
  worker.on('failed', (job, err) => runtime.logger.warn({ queue: name, jobId: job?.id, err: err.message }, 'job failed'));
  return worker;
}
