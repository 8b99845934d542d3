"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SystemStatusService", {
    enumerable: true,
    get: function() {
        return SystemStatusService;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../../libs/contracts/src");
const _servicekit = require("../../../../../libs/service-kit/src");
const _serviceclients = require("../../services/service-clients");
const _runtimeconfigservice = require("../config/runtime-config.service");
const _platformhaltservice = require("../halt/platform-halt.service");
const _maintenanceservice = require("../maintenance/maintenance.service");
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
let SystemStatusService = class SystemStatusService {
    constructor(runtime, services, halt, maintenance, config){
        this.runtime = runtime;
        this.services = services;
        this.halt = halt;
        this.maintenance = maintenance;
        this.config = config;
    }
    async status() {
        const services = await Promise.all([
            this.runtime.status(this.halt.current.halted),
            ..._contracts.BACKEND_SERVICES.map((s)=>this.serviceStatus(s))
        ]);
        return {
            platform: {
                version: this.runtime.version,
                environment: this.runtime.config.nodeEnv,
                halt: this.halt.current,
                maintenance: this.maintenance.current,
                configVersion: this.config.currentVersion
            },
            services
        };
    }
    async serviceStatus(service) {
        try {
            return await this.services.send(service, (0, _contracts.servicePattern)(service, _contracts.SYSTEM_PATTERNS.status));
        } catch (err) {
            return {
                service,
                reachable: false,
                version: null,
                nodeVersion: null,
                pid: null,
                startedAt: null,
                uptimeSec: null,
                backing: [],
                queues: [],
                halted: null,
                error: err.message
            };
        }
    }
    /** One service, strictly: 503 when it cannot be reached (integrators can tell down from empty). */ strictServiceStatus(service) {
        return this.services.send(service, (0, _contracts.servicePattern)(service, _contracts.SYSTEM_PATTERNS.status));
    }
};
SystemStatusService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_servicekit.SERVICE_RUNTIME)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ServiceRuntime === "undefined" ? Object : ServiceRuntime,
        typeof _serviceclients.ServiceClients === "undefined" ? Object : _serviceclients.ServiceClients,
        typeof _platformhaltservice.PlatformHaltService === "undefined" ? Object : _platformhaltservice.PlatformHaltService,
        typeof _maintenanceservice.MaintenanceService === "undefined" ? Object : _maintenanceservice.MaintenanceService,
        typeof _runtimeconfigservice.RuntimeConfigService === "undefined" ? Object : _runtimeconfigservice.RuntimeConfigService
    ])
], SystemStatusService);

//# sourceMappingURL=system-status.service.js.map
