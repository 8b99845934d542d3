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
    get ServiceRuntime () {
        return ServiceRuntime;
    },
    get withDeadline () {
        return withDeadline;
    }
});
const _messaging = require("../../messaging/src");
const _persistence = require("../../persistence/src");
let ServiceRuntime = class ServiceRuntime {
    constructor(config, version, logger, redis, logSink, metrics, database){
        this.config = config;
        this.version = version;
        this.logger = logger;
        this.redis = redis;
        this.logSink = logSink;
        this.metrics = metrics;
        this.database = database;
        this.startedAt = new Date();
        this.queues = [];
        this.extraBacking = [];
    }
    get service() {
        return this.config.service;
    }
    /** Queues this service owns appear in the system status with their depths. */ registerQueue(queue) {
        this.queues.push(queue);
    }
    /** A backing part besides PostgreSQL and Redis (a venue, an LLM provider, a graph store). */ registerBacking(part) {
        this.extraBacking.push(part);
    }
    backing() {
        return [
            this.database.backing,
            {
                part: 'redis',
                kind: 'external',
                description: `Redis at ${(0, _messaging.describeRedisUrl)(this.config.redisUrl)}`
            },
            ...this.extraBacking
        ];
    }
    async queueDepths() {
        return Promise.all(this.queues.map((q)=>(0, _messaging.queueDepth)(q, this.service)));
    }
    async dependencies() {
        const check = async (name, probe)=>{
            const started = performance.now();
            try {
                await withDeadline(probe(), 500);
                return {
                    name,
                    status: 'up',
                    latencyMs: round(performance.now() - started)
                };
            } catch (err) {
                return {
                    name,
                    status: 'down',
                    latencyMs: null,
                    detail: err.message
                };
            }
        };
        return Promise.all([
            check('postgres', ()=>(0, _persistence.pingDatabase)(this.database.dataSource)),
            check('redis', ()=>this.redis.ping())
        ]);
    }
    async health() {
        const dependencies = await this.dependencies();
        const mem = process.memoryUsage();
        return {
            service: this.service,
            version: this.version,
            status: dependencies.every((d)=>d.status === 'up') ? 'up' : 'degraded',
            uptimeSec: Math.round(process.uptime()),
            pid: process.pid,
            memory: {
                rssBytes: mem.rss,
                heapUsedBytes: mem.heapUsed,
                heapTotalBytes: mem.heapTotal
            },
            dependencies
        };
    }
    async status(halted) {
        return {
            service: this.service,
            reachable: true,
            version: this.version,
            nodeVersion: process.version,
            pid: process.pid,
            startedAt: this.startedAt.toISOString(),
            uptimeSec: Math.round(process.uptime()),
            backing: this.backing(),
            queues: await this.queueDepths(),
            halted
        };
    }
    async close() {
        await Promise.allSettled(this.queues.map((q)=>q.close()));
        await this.logSink.flush();
        await this.database.close();
        this.redis.disconnect();
    }
};
function round(ms) {
    return Math.round(ms * 100) / 100;
}
function withDeadline(promise, ms) {
    return new Promise((resolve, reject)=>{
        const timer = setTimeout(()=>reject(new Error(`no answer within ${ms} ms`)), ms);
        promise.then((v)=>{
            clearTimeout(timer);
            resolve(v);
        }, (e)=>{
            clearTimeout(timer);
            reject(e);
        });
    });
}

//# sourceMappingURL=service-runtime.js.map
