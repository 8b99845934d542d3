"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MaintenanceService", {
    enumerable: true,
    get: function() {
        return MaintenanceService;
    }
});
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _contracts = require("../../../../../libs/contracts/src");
const _messaging = require("../../../../../libs/messaging/src");
const _servicekit = require("../../../../../libs/service-kit/src");
const _alertsservice = require("../../alerts/alerts.service");
const _performanceservice = require("../../metrics/performance.service");
const _realtimehub = require("../../realtime/realtime-hub");
const _runtimeconfigservice = require("../config/runtime-config.service");
const _logsservice = require("../logs/logs.service");
const _maintenanceentities = require("./maintenance.entities");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIGHTLY = 'nightly-retention';
function toRun(r) {
    return {
        id: r.id,
        task: r.task,
        olderThanDays: r.olderThanDays,
        state: r.state,
        removed: r.removed,
        error: r.error,
        requestedBy: r.requestedBy,
        requestedAt: r.requestedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null
    };
}
let MaintenanceService = class MaintenanceService {
    constructor(dataSource, runtime, redis, logger, config, logs, performance, alerts, hub){
        this.dataSource = dataSource;
        this.runtime = runtime;
        this.redis = redis;
        this.logger = logger;
        this.config = config;
        this.logs = logs;
        this.performance = performance;
        this.alerts = alerts;
        this.hub = hub;
        this.state = {
            enabled: false,
            message: null,
            by: null,
            since: null
        };
        this.subscriber = null;
    }
    async onModuleInit() {
        await this.reload();
        this.queue = (0, _servicekit.createQueue)(this.runtime, _messaging.QUEUES.maintenance);
        this.worker = (0, _servicekit.createWorker)(this.runtime, _messaging.QUEUES.maintenance, (job)=>this.process(job));
        await this.queue.upsertJobScheduler(NIGHTLY, {
            pattern: '0 3 * * *'
        }, {
            name: NIGHTLY,
            data: {
                nightly: true
            }
        }).catch((err)=>this.logger.warn({
                err
            }, 'could not schedule nightly retention'));
        this.subscriber = this.redis.duplicate({
            enableOfflineQueue: true,
            maxRetriesPerRequest: null
        });
        this.subscriber.on('error', ()=>undefined);
        this.subscriber.on('message', ()=>void this.reload().catch(()=>undefined));
        await this.subscriber.subscribe(`${this.runtimeNamespace}:${_contracts.EVENTS.maintenanceChanged}`).catch(()=>undefined);
    }
    async onApplicationShutdown() {
        this.subscriber?.disconnect();
        await this.worker?.close();
    }
    get runtimeNamespace() {
        return this.runtime.config.namespace;
    }
    get current() {
        return this.state;
    }
    async setMode(enabled, message, by) {
        await this.dataSource.getRepository(_maintenanceentities.MaintenanceStateEntity).update({
            id: 1
        }, {
            enabled,
            message,
            changedBy: by,
            changedAt: new Date()
        });
        await this.reload();
        await this.redis.publish(`${this.runtimeNamespace}:${_contracts.EVENTS.maintenanceChanged}`, '1').catch(()=>undefined);
        this.hub.publish('system', {
            kind: 'maintenance',
            maintenance: this.state
        });
        this.logger.warn({
            enabled,
            by
        }, enabled ? 'maintenance mode on' : 'maintenance mode off');
        return this.state;
    }
    /** Records each task as a run and queues it; the answer lists the queued runs. */ async enqueue(tasks, by) {
        const runs = [];
        for (const t of tasks){
            const olderThanDays = t.olderThanDays ?? this.retentionDays(t.task);
            const run = await this.dataSource.getRepository(_maintenanceentities.MaintenanceRunEntity).save({
                task: t.task,
                olderThanDays,
                state: 'queued',
                requestedBy: by
            });
            await this.queue.add(t.task, {
                runId: run.id
            }, {
                jobId: run.id,
                attempts: 1
            });
            runs.push(toRun(run));
        }
        return runs;
    }
    async runs(limit = 20) {
        return (await this.dataSource.getRepository(_maintenanceentities.MaintenanceRunEntity).find({
            order: {
                requestedAt: 'DESC'
            },
            take: limit
        })).map(toRun);
    }
    async run(id) {
        // Run ids are UUIDs: anything else is simply not a run (PostgreSQL would refuse it with an error).
        if (!UUID.test(id)) throw new _common.NotFoundException(`No maintenance run ${id}`);
        const run = await this.dataSource.getRepository(_maintenanceentities.MaintenanceRunEntity).findOneBy({
            id
        });
        if (!run) throw new _common.NotFoundException(`No maintenance run ${id}`);
        return toRun(run);
    }
    retentionDays(task) {
        const r = this.config.current.retention;
        return task === 'prune-logs' ? r.logsDays : task === 'prune-metrics' ? r.metricsDays : r.alertsDays;
    }
    async process(job) {
        if ('nightly' in job.data) {
            await this.enqueue([
                {
                    task: 'prune-logs'
                },
                {
                    task: 'prune-metrics'
                },
                {
                    task: 'prune-alerts'
                }
            ], 'scheduler');
            return 0;
        }
        const repo = this.dataSource.getRepository(_maintenanceentities.MaintenanceRunEntity);
        const run = await repo.findOneBy({
            id: job.data.runId
        });
        if (!run) return 0;
        await repo.update({
            id: run.id
        }, {
            state: 'running'
        });
        const before = new Date(Date.now() - run.olderThanDays * DAY_MS);
        try {
            const removed = run.task === 'prune-logs' ? await this.logs.prune(before) : run.task === 'prune-metrics' ? await this.performance.prune(before) : await this.alerts.pruneResolved(before);
            await repo.update({
                id: run.id
            }, {
                state: 'completed',
                removed,
                finishedAt: new Date()
            });
            this.logger.info({
                task: run.task,
                removed,
                olderThanDays: run.olderThanDays
            }, `maintenance ${run.task}: removed ${removed}`);
            return removed;
        } catch (err) {
            await repo.update({
                id: run.id
            }, {
                state: 'failed',
                error: err.message,
                finishedAt: new Date()
            });
            throw err;
        }
    }
    async reload() {
        const row = await this.dataSource.getRepository(_maintenanceentities.MaintenanceStateEntity).findOneByOrFail({
            id: 1
        });
        this.state = {
            enabled: row.enabled,
            message: row.message,
            by: row.changedBy,
            since: row.changedAt?.toISOString() ?? null
        };
    }
};
MaintenanceService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_servicekit.SERVICE_RUNTIME)),
    _ts_param(2, (0, _common.Inject)(_servicekit.REDIS)),
    _ts_param(3, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof ServiceRuntime === "undefined" ? Object : ServiceRuntime,
        typeof Redis === "undefined" ? Object : Redis,
        typeof Logger === "undefined" ? Object : Logger,
        typeof _runtimeconfigservice.RuntimeConfigService === "undefined" ? Object : _runtimeconfigservice.RuntimeConfigService,
        typeof _logsservice.LogsService === "undefined" ? Object : _logsservice.LogsService,
        typeof _performanceservice.PerformanceService === "undefined" ? Object : _performanceservice.PerformanceService,
        typeof _alertsservice.AlertsService === "undefined" ? Object : _alertsservice.AlertsService,
        typeof _realtimehub.RealtimeHub === "undefined" ? Object : _realtimehub.RealtimeHub
    ])
], MaintenanceService);

//# sourceMappingURL=maintenance.service.js.map
