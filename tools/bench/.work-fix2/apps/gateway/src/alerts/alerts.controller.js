"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AlertsController", {
    enumerable: true,
    get: function() {
        return AlertsController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _dto = require("../../../../libs/contracts/src/dto");
const _alertsservice = require("./alerts.service");
const _params = require("../http/params");
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
let AlertsController = class AlertsController {
    constructor(alerts){
        this.alerts = alerts;
    }
    active(q) {
        return this.alerts.list(q.status ?? 'active', q.limit ?? 50, (0, _params.pageOffset)(q.offset));
    }
};
_ts_decorate([
    (0, _common.Get)('active'),
    (0, _swagger.ApiOperation)({
        summary: 'Alerts the platform raised itself (service or dependency down, latency breach, halt); status=all for history'
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _dto.AlertsQueryDto === "undefined" ? Object : _dto.AlertsQueryDto
    ]),
    _ts_metadata("design:returntype", void 0)
], AlertsController.prototype, "active", null);
AlertsController = _ts_decorate([
    (0, _swagger.ApiTags)('dashboard'),
    (0, _swagger.ApiBearerAuth)(),
    (0, _swagger.ApiSecurity)('api-key'),
    (0, _common.Controller)('alerts'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _alertsservice.AlertsService === "undefined" ? Object : _alertsservice.AlertsService
    ])
], AlertsController);

//# sourceMappingURL=alerts.controller.js.map
