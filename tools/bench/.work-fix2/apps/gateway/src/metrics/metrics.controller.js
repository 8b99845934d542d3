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
    get MetricsController () {
        return MetricsController;
    },
    get PrometheusController () {
        return PrometheusController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _dto = require("../../../../libs/contracts/src/dto");
const _servicekit = require("../../../../libs/service-kit/src");
const _accessdecorators = require("../auth/access.decorators");
const _performanceservice = require("./performance.service");
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
let MetricsController = class MetricsController {
    constructor(performance){
        this.performance = performance;
    }
    report(q) {
        return this.performance.report(q.historySec ?? 900);
    }
};
_ts_decorate([
    (0, _common.Get)('performance'),
    (0, _swagger.ApiOperation)({
        summary: 'p50/p95/p99 latency per route, request and error rates, memory per service, and history for the chart'
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _dto.PerformanceQueryDto === "undefined" ? Object : _dto.PerformanceQueryDto
    ]),
    _ts_metadata("design:returntype", void 0)
], MetricsController.prototype, "report", null);
MetricsController = _ts_decorate([
    (0, _swagger.ApiTags)('dashboard'),
    (0, _swagger.ApiBearerAuth)(),
    (0, _swagger.ApiSecurity)('api-key'),
    (0, _common.Controller)('metrics'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _performanceservice.PerformanceService === "undefined" ? Object : _performanceservice.PerformanceService
    ])
], MetricsController);
let PrometheusController = class PrometheusController {
    constructor(metrics){
        this.metrics = metrics;
    }
    scrape() {
        return this.metrics.registry.metrics();
    }
};
_ts_decorate([
    (0, _accessdecorators.Public)(),
    (0, _common.Get)('metrics'),
    (0, _swagger.ApiExcludeEndpoint)(),
    (0, _common.Header)('Content-Type', 'text/plain; version=0.0.4; charset=utf-8'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], PrometheusController.prototype, "scrape", null);
PrometheusController = _ts_decorate([
    (0, _common.Controller)(),
    _ts_param(0, (0, _common.Inject)(_servicekit.METRICS)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ProcessMetrics === "undefined" ? Object : ProcessMetrics
    ])
], PrometheusController);

//# sourceMappingURL=metrics.controller.js.map
