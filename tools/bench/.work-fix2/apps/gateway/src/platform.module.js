"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlatformModule", {
    enumerable: true,
    get: function() {
        return PlatformModule;
    }
});
const _common = require("@nestjs/common");
const _alertscontroller = require("./alerts/alerts.controller");
const _alertsservice = require("./alerts/alerts.service");
const _healthcontroller = require("./health/health.controller");
const _healthmonitorservice = require("./health/health-monitor.service");
const _metricscontroller = require("./metrics/metrics.controller");
const _performanceservice = require("./metrics/performance.service");
const _realtimegateway = require("./realtime/realtime.gateway");
const _realtimehub = require("./realtime/realtime-hub");
const _serviceclients = require("./services/service-clients");
const _runtimeconfigservice = require("./system/config/runtime-config.service");
const _platformhaltservice = require("./system/halt/platform-halt.service");
const _logsservice = require("./system/logs/logs.service");
const _maintenanceservice = require("./system/maintenance/maintenance.service");
const _systemstatusservice = require("./system/status/system-status.service");
const _systemcontroller = require("./system/system.controller");
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
let PlatformModule = class PlatformModule {
};
PlatformModule = _ts_decorate([
    (0, _common.Module)({
        controllers: [
            _healthcontroller.HealthController,
            _metricscontroller.MetricsController,
            _metricscontroller.PrometheusController,
            _alertscontroller.AlertsController,
            _systemcontroller.SystemController
        ],
        providers: [
            _realtimehub.RealtimeHub,
            _realtimegateway.RealtimeGateway,
            _serviceclients.ServiceClients,
            _runtimeconfigservice.RuntimeConfigService,
            _alertsservice.AlertsService,
            _healthmonitorservice.HealthMonitorService,
            _performanceservice.PerformanceService,
            _logsservice.LogsService,
            _maintenanceservice.MaintenanceService,
            _platformhaltservice.PlatformHaltService,
            _systemstatusservice.SystemStatusService
        ],
        exports: [
            _runtimeconfigservice.RuntimeConfigService,
            _maintenanceservice.MaintenanceService,
            _serviceclients.ServiceClients,
            _realtimehub.RealtimeHub
        ]
    })
], PlatformModule);

//# sourceMappingURL=platform.module.js.map
