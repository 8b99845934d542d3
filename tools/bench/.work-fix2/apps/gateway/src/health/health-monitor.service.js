"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HealthMonitorService", {
    enumerable: true,
    get: function() {
        return HealthMonitorService;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _observability = require("../../../../libs/observability/src");
const _servicekit = require("../../../../libs/service-kit/src");
const _alertsservice = require("../alerts/alerts.service");
const _gatewayconfig = require("../core/gateway.config");
const _realtimehub = require("../realtime/realtime-hub");
const _serviceclients = require("../services/service-clients");
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
const PROBE_DEADLINE_MS = 700;
/** Consecutive failed probes before a service counts as down (one lost reply is not an outage). */ const FAILURES_TO_DOWN = 2;
let HealthMonitorService = class HealthMonitorService {
    constructor(runtime, config, logger, services, alerts, hub){
        this.runtime = runtime;
        this.config = config;
        this.logger = logger;
        this.services = services;
        this.alerts = alerts;
        this.hub = hub;
        this.components = new Map();
        this.failures = new Map();
        this.replies = new Map();
        this.timer = null;
        this.running = false;
        this.lastBroadcast = 0;
    }
    onApplicationBootstrap() {
        void this.tick();
        this.timer = setInterval(()=>void this.tick(), this.config.healthIntervalMs);
        this.timer.unref();
    }
    onApplicationShutdown() {
        if (this.timer) clearInterval(this.timer);
    }
    report() {
        const components = [
            ...this.components.values()
        ];
        const status = components.some((c)=>c.status === 'down') ? 'down' : components.some((c)=>c.status === 'degraded') ? 'degraded' : 'up';
        return {
            status,
            checkedAt: new Date().toISOString(),
            components
        };
    }
    /** One round of probes; overlapping rounds are skipped. */ async tick() {
        if (this.running) return;
        this.running = true;
        try {
            let changed = false;
            const now = new Date().toISOString();
            const mem = process.memoryUsage();
            const deps = await this.runtime.dependencies();
            changed = this.set({
                name: 'gateway',
                kind: 'service',
                status: deps.every((d)=>d.status === 'up') ? 'up' : 'degraded',
                latencyMs: 0,
                version: this.runtime.version,
                checkedAt: now,
                detail: `rss ${(mem.rss / 1048576).toFixed(0)} MiB`
            }) || changed;
            for (const d of deps)changed = this.set({
                name: d.name,
                kind: 'dependency',
                status: d.status,
                latencyMs: d.latencyMs,
                version: null,
                checkedAt: now,
                detail: d.detail
            }) || changed;
            const results = await Promise.all(_contracts.BACKEND_SERVICES.map((s)=>this.probe(s)));
            for (const c of results)changed = this.set(c) || changed;
            await this.reconcileAlerts();
            if (changed || Date.now() - this.lastBroadcast > 5_000) {
                this.lastBroadcast = Date.now();
                this.hub.publish('health', this.report());
            }
        } catch (err) {
            this.logger.error({
                err
            }, 'health round failed');
        } finally{
            this.running = false;
        }
    }
    async probe(service) {
        const client = this.services.get(service);
        const started = performance.now();
        const checkedAt = new Date().toISOString();
        try {
            const reply = await client.rawSend((0, _contracts.servicePattern)(service, _contracts.SYSTEM_PATTERNS.health), {}, {
                requestId: (0, _observability.newRequestId)()
            }, PROBE_DEADLINE_MS);
            this.failures.set(service, 0);
            this.replies.set(service, reply);
            client.circuit.close();
            const badDeps = reply.dependencies.filter((d)=>d.status !== 'up');
            return {
                name: service,
                kind: 'service',
                status: reply.status,
                latencyMs: Math.round((performance.now() - started) * 100) / 100,
                version: reply.version,
                checkedAt,
                detail: badDeps.length ? `its ${badDeps.map((d)=>d.name).join(' and ')} ${badDeps.length > 1 ? 'are' : 'is'} down` : `rss ${(reply.memory.rssBytes / 1048576).toFixed(0)} MiB`
            };
        } catch (err) {
            const failures = (this.failures.get(service) ?? 0) + 1;
            this.failures.set(service, failures);
            const previous = this.components.get(service);
            if (failures < FAILURES_TO_DOWN && previous && previous.status !== 'down') return {
                ...previous,
                checkedAt
            };
            client.circuit.open();
            this.replies.delete(service);
            return {
                name: service,
                kind: 'service',
                status: 'down',
                latencyMs: null,
                version: previous?.version ?? null,
                checkedAt,
                detail: err.message
            };
        }
    }
    set(c) {
        const previous = this.components.get(c.name);
        const changed = !previous || previous.status !== c.status;
        this.components.set(c.name, {
            ...c,
            since: changed ? c.checkedAt : previous.since
        });
        if (changed && previous) this.logger.warn({
            component: c.name,
            from: previous.status,
            to: c.status
        }, `${c.name} is ${c.status}`);
        return changed;
    }
    async reconcileAlerts() {
        for (const c of this.components.values()){
            const key = `${c.kind}-down:${c.name}`;
            if (c.status === 'down') {
                await this.alerts.raise({
                    key,
                    severity: 'critical',
                    source: 'health-monitor',
                    title: `${c.name} is down`,
                    message: `${c.name} did not pass its health check: ${c.detail ?? 'no answer'}`,
                    details: {
                        component: c.name,
                        since: c.since
                    }
                });
            } else {
                await this.alerts.resolve(key, `${c.name} is ${c.status} again`);
            }
        }
    }
};
HealthMonitorService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_servicekit.SERVICE_RUNTIME)),
    _ts_param(1, (0, _common.Inject)(_gatewayconfig.GATEWAY_CONFIG)),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ServiceRuntime === "undefined" ? Object : ServiceRuntime,
        typeof GatewayConfig === "undefined" ? Object : GatewayConfig,
        typeof Logger === "undefined" ? Object : Logger,
        typeof _serviceclients.ServiceClients === "undefined" ? Object : _serviceclients.ServiceClients,
        typeof _alertsservice.AlertsService === "undefined" ? Object : _alertsservice.AlertsService,
        typeof _realtimehub.RealtimeHub === "undefined" ? Object : _realtimehub.RealtimeHub
    ])
], HealthMonitorService);

//# sourceMappingURL=health-monitor.service.js.map
