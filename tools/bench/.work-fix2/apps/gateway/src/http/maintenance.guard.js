"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MaintenanceGuard", {
    enumerable: true,
    get: function() {
        return MaintenanceGuard;
    }
});
const _common = require("@nestjs/common");
const _maintenanceservice = require("../system/maintenance/maintenance.service");
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
const SAFE_METHODS = new Set([
    'GET',
    'HEAD',
    'OPTIONS'
]);
/** Signing in and out stays possible, so an admin can get in to end maintenance. */ const ALWAYS_ALLOWED = new Set([
    '/api/auth/login',
    '/api/auth/refresh',
    '/api/auth/logout'
]);
let MaintenanceGuard = class MaintenanceGuard {
    constructor(maintenance){
        this.maintenance = maintenance;
    }
    canActivate(context) {
        if (context.getType() !== 'http') return true;
        const state = this.maintenance.current;
        if (!state.enabled) return true;
        const req = context.switchToHttp().getRequest();
        if (SAFE_METHODS.has(req.method) || ALWAYS_ALLOWED.has(req.path) || req.principal?.role === 'admin') return true;
        throw new _common.ServiceUnavailableException({
            message: `Meridian is in maintenance${state.message ? `: ${state.message}` : ''}; changes are paused`,
            service: 'gateway'
        });
    }
};
MaintenanceGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _maintenanceservice.MaintenanceService === "undefined" ? Object : _maintenanceservice.MaintenanceService
    ])
], MaintenanceGuard);

//# sourceMappingURL=maintenance.guard.js.map
