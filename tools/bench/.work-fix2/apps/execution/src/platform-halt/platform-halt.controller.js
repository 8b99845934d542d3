"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlatformHaltController", {
    enumerable: true,
    get: function() {
        return PlatformHaltController;
    }
});
const _microservices = require("@nestjs/microservices");
const _contracts = require("../../../../libs/contracts/src");
const _servicekit = require("../../../../libs/service-kit/src");
const _haltcommanddto = require("./halt-command.dto");
const _platformhaltservice = require("./platform-halt.service");
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
let PlatformHaltController = class PlatformHaltController {
    constructor(halts){
        this.halts = halts;
    }
    stop(command) {
        return this.halts.apply(command);
    }
    resume(command) {
        return this.halts.apply(command);
    }
};
_ts_decorate([
    (0, _microservices.MessagePattern)(_contracts.EXECUTION_PATTERNS.emergencyStop),
    _ts_param(0, (0, _microservices.Payload)('data')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _haltcommanddto.HaltCommandDto === "undefined" ? Object : _haltcommanddto.HaltCommandDto
    ]),
    _ts_metadata("design:returntype", void 0)
], PlatformHaltController.prototype, "stop", null);
_ts_decorate([
    (0, _microservices.MessagePattern)(_contracts.EXECUTION_PATTERNS.resume),
    _ts_param(0, (0, _microservices.Payload)('data')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _haltcommanddto.HaltCommandDto === "undefined" ? Object : _haltcommanddto.HaltCommandDto
    ]),
    _ts_metadata("design:returntype", void 0)
], PlatformHaltController.prototype, "resume", null);
PlatformHaltController = _ts_decorate([
    (0, _servicekit.RpcController)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _platformhaltservice.PlatformHaltService === "undefined" ? Object : _platformhaltservice.PlatformHaltService
    ])
], PlatformHaltController);

//# sourceMappingURL=platform-halt.controller.js.map
