"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get createQueue () {
        return createQueue;
    },
    get createWorker () {
        return createWorker;
    }
});
const _bullmq = require("bullmq");
/**
 * BullMQ queues and workers for long work, on the service's Redis with its queue prefix. A queue
 * created here shows in the system status; workers on more replicas take more of its jobs.
 */ /** Workers block on Redis, so BullMQ needs unlimited retries per request on its connections. */ function connection(runtime) {
    return {
        url: runtime.config.redisUrl,
        maxRetriesPerRequest: null,
        enableOfflineQueue: true
    };
}
function createQueue(runtime, name, opts = {}) {
    const queue = new _bullmq.Queue(name, {
        connection: connection(runtime),
        prefix: runtime.config.namespace,
        defaultJobOptions: {
            removeOnComplete: {
                age: 7 * 86_400,
                count: 1_000
            },
            removeOnFail: {
                age: 30 * 86_400
            },
            attempts: 3,
            backoff: {
                type: 'exponential',
                delay: 1_000
            }
        },
        ...opts
    });
    queue.on('error', (err)=>runtime.logger.warn({
            err,
            queue: name
        }, 'queue connection error'));
    runtime.registerQueue(queue);
    return queue;
}
function createWorker(runtime, name, processor, opts = {}) {
    const worker = new _bullmq.Worker(name, processor, {
        connection: connection(runtime),
        prefix: runtime.config.namespace,
        concurrency: 1,
        ...opts
    });
    worker.on('error', (err)=>runtime.logger.warn({
            err,
            queue: name
        }, 'worker connection error'));
    worker.on('failed', (job, err)=>runtime.logger.warn({
            queue: name,
            jobId: job?.id,
            err: err.message
        }, 'job failed'));
    return worker;
}

//# sourceMappingURL=jobs.js.map
