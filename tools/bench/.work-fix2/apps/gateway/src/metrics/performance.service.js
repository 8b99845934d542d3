"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PerformanceService", {
    enumerable: true,
    get: function() {
        return PerformanceService;
    }
});
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _servicekit = require("../../../../libs/service-kit/src");
const _alertsservice = require("../alerts/alerts.service");
const _healthmonitorservice = require("../health/health-monitor.service");
const _realtimehub = require("../realtime/realtime-hub");
const _runtimeconfigservice = require("../system/config/runtime-config.service");
const _metricsampleentity = require("./metric-sample.entity");
const _routerates = require("./route-rates");
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
const SAMPLE_EVERY_MS = 5_000;
const ms = (seconds)=>Math.round((seconds ?? 0) * 1e6) / 1e3;
let PerformanceService = class PerformanceService {
    constructor(dataSource, metrics, logger, config, alerts, health, hub){
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.logger = logger;
        this.config = config;
        this.alerts = alerts;
        this.health = health;
        this.hub = hub;
        this.rates = new _routerates.RouteRates(60_000);
        this.timer = null;
        this.latest = null;
    }
    onApplicationBootstrap() {
        void this.countNow().then((c)=>this.rates.push(c));
        this.timer = setInterval(()=>void this.sample(), SAMPLE_EVERY_MS);
        this.timer.unref();
    }
    onApplicationShutdown() {
        if (this.timer) clearInterval(this.timer);
    }
    async countNow() {
        const perRoute = new Map();
        const histogram = await this.metrics.httpDuration.get();
        for (const v of histogram.values){
            if (v.metricName !== 'http_request_duration_seconds_count') continue;
            const key = `${v.labels.method} ${v.labels.route}`;
            const entry = perRoute.get(key) ?? {
                count: 0,
                errors: 0
            };
            entry.count += v.value;
            if (Number(v.labels.status) >= 500) entry.errors += v.value;
            perRoute.set(key, entry);
        }
        return {
            at: Date.now(),
            perRoute
        };
    }
    async snapshot() {
        const all = await this.metrics.httpWindowAll.get();
        const q = (quantile)=>all.values.find((v)=>v.labels.quantile === quantile)?.value;
        const { total, windowSec } = this.rates.rates();
        return {
            at: new Date().toISOString(),
            windowSec,
            requestRatePerSec: Math.round(total.rate * 100) / 100,
            errorRatePct: Math.round(total.errorPct * 100) / 100,
            p50Ms: ms(nan0(q(0.5))),
            p95Ms: ms(nan0(q(0.95))),
            p99Ms: ms(nan0(q(0.99))),
            eventLoopLagMs: Math.round(await this.metrics.eventLoopLagMs() * 100) / 100
        };
    }
    async routes() {
        const summary = await this.metrics.httpWindow.get();
        const { perRoute } = this.rates.rates();
        const byRoute = new Map();
        for (const v of summary.values){
            const quantile = v.labels.quantile;
            if (quantile === undefined) continue;
            const key = `${v.labels.method} ${v.labels.route}`;
            const r = byRoute.get(key) ?? {
                method: String(v.labels.method),
                route: String(v.labels.route),
                count: 0,
                p50Ms: 0,
                p95Ms: 0,
                p99Ms: 0,
                ratePerSec: 0,
                errorRatePct: 0
            };
            const value = ms(nan0(v.value));
            if (quantile === 0.5) r.p50Ms = value;
            if (quantile === 0.95) r.p95Ms = value;
            if (quantile === 0.99) r.p99Ms = value;
            const rate = perRoute.get(key);
            r.count = rate?.count ?? 0;
            r.ratePerSec = Math.round((rate?.rate ?? 0) * 100) / 100;
            r.errorRatePct = Math.round((rate?.errorPct ?? 0) * 100) / 100;
            byRoute.set(key, r);
        }
        return [
            ...byRoute.values()
        ].sort((a, b)=>b.count - a.count || a.route.localeCompare(b.route));
    }
    async report(historySec) {
        const current = this.latest ?? await this.snapshot();
        const rows = await this.dataSource.getRepository(_metricsampleentity.MetricSampleEntity).find({
            where: {
                at: (0, _typeorm.MoreThanOrEqual)(new Date(Date.now() - historySec * 1000))
            },
            order: {
                at: 'ASC'
            },
            take: 5_000
        });
        const mem = process.memoryUsage();
        const memory = [
            {
                service: 'gateway',
                rssBytes: mem.rss,
                heapUsedBytes: mem.heapUsed,
                status: 'up'
            }
        ];
        for (const c of this.health.report().components){
            if (c.kind !== 'service' || c.name === 'gateway') continue;
            const reply = this.health.replies.get(c.name);
            memory.push({
                service: c.name,
                rssBytes: reply?.memory.rssBytes ?? 0,
                heapUsedBytes: reply?.memory.heapUsedBytes ?? 0,
                status: c.status
            });
        }
        return {
            current,
            routes: await this.routes(),
            memory,
            history: rows.map((r)=>({
                    at: r.at.toISOString(),
                    windowSec: r.windowSec,
                    requestRatePerSec: r.requestRate,
                    errorRatePct: r.errorRatePct,
                    p50Ms: r.p50Ms,
                    p95Ms: r.p95Ms,
                    p99Ms: r.p99Ms,
                    eventLoopLagMs: r.eventLoopLagMs
                }))
        };
    }
    async sample() {
        try {
            this.rates.push(await this.countNow());
            const s = await this.snapshot();
            this.latest = s;
            await this.dataSource.getRepository(_metricsampleentity.MetricSampleEntity).insert({
                at: new Date(s.at),
                windowSec: s.windowSec,
                requestRate: s.requestRatePerSec,
                errorRatePct: s.errorRatePct,
                p50Ms: s.p50Ms,
                p95Ms: s.p95Ms,
                p99Ms: s.p99Ms,
                eventLoopLagMs: s.eventLoopLagMs
            });
            this.hub.publish('metrics', s);
            await this.checkThresholds(s);
        } catch (err) {
            this.logger.warn({
                err
            }, 'performance sample failed');
        }
    }
    async checkThresholds(s) {
        const { alerts } = this.config.current;
        const { total } = this.rates.rates();
        const enough = total.count >= alerts.minRequests;
        if (enough && s.p95Ms > alerts.latencyP95Ms) {
            await this.alerts.raise({
                key: 'latency-p95',
                severity: 'warning',
                source: 'performance',
                title: 'API latency above threshold',
                message: `p95 ${s.p95Ms} ms exceeds ${alerts.latencyP95Ms} ms`,
                details: {
                    p95Ms: s.p95Ms,
                    thresholdMs: alerts.latencyP95Ms
                }
            });
        } else if (s.p95Ms <= alerts.latencyP95Ms) {
            await this.alerts.resolve('latency-p95', `p95 back to ${s.p95Ms} ms`);
        }
        if (enough && s.errorRatePct > alerts.errorRatePct) {
            await this.alerts.raise({
                key: 'error-rate',
                severity: 'warning',
                source: 'performance',
                title: 'API error rate above threshold',
                message: `${s.errorRatePct}% of requests failed (threshold ${alerts.errorRatePct}%)`,
                details: {
                    errorRatePct: s.errorRatePct
                }
            });
        } else if (s.errorRatePct <= alerts.errorRatePct) {
            await this.alerts.resolve('error-rate', `error rate back to ${s.errorRatePct}%`);
        }
    }
    /** Maintenance: samples older than the cutoff. */ async prune(before) {
        return (await this.dataSource.getRepository(_metricsampleentity.MetricSampleEntity).delete({
            at: (0, _typeorm.LessThan)(before)
        })).affected ?? 0;
    }
};
PerformanceService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_servicekit.METRICS)),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof ProcessMetrics === "undefined" ? Object : ProcessMetrics,
        typeof Logger === "undefined" ? Object : Logger,
        typeof _runtimeconfigservice.RuntimeConfigService === "undefined" ? Object : _runtimeconfigservice.RuntimeConfigService,
        typeof _alertsservice.AlertsService === "undefined" ? Object : _alertsservice.AlertsService,
        typeof _healthmonitorservice.HealthMonitorService === "undefined" ? Object : _healthmonitorservice.HealthMonitorService,
        typeof _realtimehub.RealtimeHub === "undefined" ? Object : _realtimehub.RealtimeHub
    ])
], PerformanceService);
function nan0(v) {
    return v === undefined || Number.isNaN(v) ? 0 : v;
}

//# sourceMappingURL=performance.service.js.map
