"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SystemController", {
    enumerable: true,
    get: function() {
        return SystemController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _contracts = require("../../../../libs/contracts/src");
const _dto = require("../../../../libs/contracts/src/dto");
const _accessdecorators = require("../auth/access.decorators");
const _params = require("../http/params");
const _runtimeconfigservice = require("./config/runtime-config.service");
const _platformhaltservice = require("./halt/platform-halt.service");
const _logsservice = require("./logs/logs.service");
const _maintenanceservice = require("./maintenance/maintenance.service");
const _systemstatusservice = require("./status/system-status.service");
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
let ServiceParam = class ServiceParam {
};
_ts_decorate([
    (0, _classvalidator.IsIn)(_contracts.BACKEND_SERVICES),
    _ts_metadata("design:type", typeof BackendService === "undefined" ? Object : BackendService)
], ServiceParam.prototype, "service", void 0);
let SystemController = class SystemController {
    constructor(statusService, config, logs, maintenance, halt){
        this.statusService = statusService;
        this.config = config;
        this.logs = logs;
        this.maintenance = maintenance;
        this.halt = halt;
    }
    status() {
        return this.statusService.status();
    }
    serviceStatus(p) {
        return this.statusService.strictServiceStatus(p.service);
    }
    currentConfig() {
        return this.config.view();
    }
    changeConfig(who, body) {
        return this.config.change(body.settings, (0, _accessdecorators.principalLabel)(who), body.comment);
    }
    configHistory(q) {
        return this.config.history(q.limit ?? 50, (0, _params.pageOffset)(q.offset));
    }
    rollback(who, body) {
        return this.config.rollback(body.version, (0, _accessdecorators.principalLabel)(who), body.comment);
    }
    queryLogs(q) {
        return this.logs.query(q);
    }
    async maintenanceState() {
        return {
            state: this.maintenance.current,
            runs: await this.maintenance.runs()
        };
    }
    maintenanceRun(p) {
        return this.maintenance.run(p.id);
    }
    async setMaintenance(who, body) {
        const by = (0, _accessdecorators.principalLabel)(who);
        const state = body.enabled === undefined ? this.maintenance.current : await this.maintenance.setMode(body.enabled, body.message ?? null, by);
        const runs = body.tasks?.length ? await this.maintenance.enqueue(body.tasks, by) : [];
        return {
            state,
            runs
        };
    }
    haltState() {
        return this.halt.current;
    }
    emergencyStop(who, body) {
        return this.halt.stop(body.reason, (0, _accessdecorators.principalLabel)(who));
    }
    resume(who, body) {
        return this.halt.resume(body.reason, (0, _accessdecorators.principalLabel)(who));
    }
};
_ts_decorate([
    (0, _common.Get)('status'),
    (0, _swagger.ApiOperation)({
        summary: 'Versions, uptime, backing parts (embedded or external), queue depths, halt and maintenance'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "status", null);
_ts_decorate([
    (0, _common.Get)('status/:service'),
    (0, _swagger.ApiParam)({
        name: 'service',
        enum: _contracts.BACKEND_SERVICES
    }),
    (0, _swagger.ApiOperation)({
        summary: 'One service’s status, asked over the Redis transport (503 when it is down)'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ServiceParam === "undefined" ? Object : ServiceParam
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "serviceStatus", null);
_ts_decorate([
    (0, _common.Get)('config'),
    (0, _swagger.ApiOperation)({
        summary: 'The runtime settings in force, with their version'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "currentConfig", null);
_ts_decorate([
    (0, _common.Post)('config'),
    (0, _accessdecorators.RequireRole)('admin'),
    (0, _swagger.ApiOperation)({
        summary: 'Change the runtime settings (admin): a new version, recorded with who and when'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _dto.ConfigChangeDto === "undefined" ? Object : _dto.ConfigChangeDto
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "changeConfig", null);
_ts_decorate([
    (0, _common.Get)('config/history'),
    (0, _swagger.ApiOperation)({
        summary: 'Every version of the runtime settings, newest first'
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _dto.PageQueryDto === "undefined" ? Object : _dto.PageQueryDto
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "configHistory", null);
_ts_decorate([
    (0, _common.Post)('config/rollback'),
    (0, _accessdecorators.RequireRole)('admin'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Make an earlier version’s settings current again (admin), as a new version'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _dto.ConfigRollbackDto === "undefined" ? Object : _dto.ConfigRollbackDto
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "rollback", null);
_ts_decorate([
    (0, _common.Get)('logs'),
    (0, _swagger.ApiOperation)({
        summary: 'Recent structured logs of all services, newest first; filter by service, level, time and text'
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _dto.LogQueryDto === "undefined" ? Object : _dto.LogQueryDto
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "queryLogs", null);
_ts_decorate([
    (0, _common.Get)('maintenance'),
    (0, _swagger.ApiOperation)({
        summary: 'Maintenance mode and the latest maintenance task runs'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], SystemController.prototype, "maintenanceState", null);
_ts_decorate([
    (0, _common.Get)('maintenance/runs/:id'),
    (0, _swagger.ApiOperation)({
        summary: 'One maintenance task run'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _params.IdParam === "undefined" ? Object : _params.IdParam
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "maintenanceRun", null);
_ts_decorate([
    (0, _common.Post)('maintenance'),
    (0, _accessdecorators.RequireRole)('admin'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Switch maintenance mode (mutations refused with 503 except for admins) and/or queue maintenance tasks (admin)'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _dto.MaintenanceDto === "undefined" ? Object : _dto.MaintenanceDto
    ]),
    _ts_metadata("design:returntype", Promise)
], SystemController.prototype, "setMaintenance", null);
_ts_decorate([
    (0, _common.Get)('halt'),
    (0, _swagger.ApiOperation)({
        summary: 'Whether the platform is halted by an emergency stop'
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "haltState", null);
_ts_decorate([
    (0, _common.Post)('emergency-stop'),
    (0, _accessdecorators.RequireRole)('admin'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Emergency stop (admin): halt the platform, cancel open work in execution, report what was done'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _dto.EmergencyStopDto === "undefined" ? Object : _dto.EmergencyStopDto
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "emergencyStop", null);
_ts_decorate([
    (0, _common.Post)('resume'),
    (0, _accessdecorators.RequireRole)('admin'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Lift the emergency stop (admin)'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _dto.ResumeDto === "undefined" ? Object : _dto.ResumeDto
    ]),
    _ts_metadata("design:returntype", void 0)
], SystemController.prototype, "resume", null);
SystemController = _ts_decorate([
    (0, _swagger.ApiTags)('system'),
    (0, _swagger.ApiBearerAuth)(),
    (0, _swagger.ApiSecurity)('api-key'),
    (0, _common.Controller)('system'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _systemstatusservice.SystemStatusService === "undefined" ? Object : _systemstatusservice.SystemStatusService,
        typeof _runtimeconfigservice.RuntimeConfigService === "undefined" ? Object : _runtimeconfigservice.RuntimeConfigService,
        typeof _logsservice.LogsService === "undefined" ? Object : _logsservice.LogsService,
        typeof _maintenanceservice.MaintenanceService === "undefined" ? Object : _maintenanceservice.MaintenanceService,
        typeof _platformhaltservice.PlatformHaltService === "undefined" ? Object : _platformhaltservice.PlatformHaltService
    ])
], SystemController);

//# sourceMappingURL=system.controller.js.map
