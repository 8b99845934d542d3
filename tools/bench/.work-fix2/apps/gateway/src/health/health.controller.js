"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HealthController", {
    enumerable: true,
    get: function() {
        return HealthController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _servicekit = require("../../../../libs/service-kit/src");
const _accessdecorators = require("../auth/access.decorators");
const _healthmonitorservice = require("./health-monitor.service");
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
let HealthController = class HealthController {
    constructor(monitor, runtime){
        this.monitor = monitor;
        this.runtime = runtime;
    }
    live() {
        return {
            status: 'up',
            service: 'gateway',
            uptimeSec: Math.round(process.uptime())
        };
    }
    async ready() {
        const dependencies = await this.runtime.dependencies();
        const body = {
            status: dependencies.every((d)=>d.status === 'up') ? 'up' : 'down',
            service: 'gateway',
            dependencies
        };
        if (body.status !== 'up') throw new _common.ServiceUnavailableException({
            ...body,
            message: 'gateway is not ready: a dependency is down'
        });
        return body;
    }
    system() {
        return this.monitor.report();
    }
};
_ts_decorate([
    (0, _common.Get)('live'),
    (0, _swagger.ApiOperation)({
        summary: 'Liveness of the gateway process'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], HealthController.prototype, "live", null);
_ts_decorate([
    (0, _common.Get)('ready'),
    (0, _swagger.ApiOperation)({
        summary: 'Readiness: the gateway reaches its database and Redis (503 otherwise)'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], HealthController.prototype, "ready", null);
_ts_decorate([
    (0, _common.Get)('system'),
    (0, _swagger.ApiOperation)({
        summary: 'Every service and dependency: status, latency, version (updated each second)'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], HealthController.prototype, "system", null);
HealthController = _ts_decorate([
    (0, _swagger.ApiTags)('dashboard'),
    (0, _accessdecorators.Public)(),
    (0, _common.Controller)('health'),
    _ts_param(1, (0, _common.Inject)(_servicekit.SERVICE_RUNTIME)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _healthmonitorservice.HealthMonitorService === "undefined" ? Object : _healthmonitorservice.HealthMonitorService,
        typeof ServiceRuntime === "undefined" ? Object : ServiceRuntime
    ])
], HealthController);

//# sourceMappingURL=health.controller.js.map
