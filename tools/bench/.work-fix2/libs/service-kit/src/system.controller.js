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
    get ProbesController () {
        return ProbesController;
    },
    get createSystemController () {
        return createSystemController;
    }
});
const _common = require("@nestjs/common");
const _microservices = require("@nestjs/microservices");
const _contracts = require("../../contracts/src");
const _haltstateservice = require("./halt-state.service");
const _rpc = require("./rpc");
const _tokens = require("./tokens");
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
function createSystemController(service) {
    let SystemMessagesController = class SystemMessagesController {
        constructor(runtime, halt){
            this.runtime = runtime;
            this.halt = halt;
        }
        health() {
            return this.runtime.health();
        }
        status() {
            return this.runtime.status(this.halt.current.halted);
        }
        haltChanged(envelope) {
            if (envelope?.data && typeof envelope.data.halted === 'boolean') this.halt.apply(envelope.data);
        }
    };
    _ts_decorate([
        (0, _microservices.MessagePattern)((0, _contracts.servicePattern)(service, _contracts.SYSTEM_PATTERNS.health)),
        _ts_metadata("design:type", Function),
        _ts_metadata("design:paramtypes", []),
        _ts_metadata("design:returntype", void 0)
    ], SystemMessagesController.prototype, "health", null);
    _ts_decorate([
        (0, _microservices.MessagePattern)((0, _contracts.servicePattern)(service, _contracts.SYSTEM_PATTERNS.status)),
        _ts_metadata("design:type", Function),
        _ts_metadata("design:paramtypes", []),
        _ts_metadata("design:returntype", void 0)
    ], SystemMessagesController.prototype, "status", null);
    _ts_decorate([
        (0, _microservices.EventPattern)(_contracts.EVENTS.haltChanged),
        _ts_param(0, (0, _microservices.Payload)()),
        _ts_metadata("design:type", Function),
        _ts_metadata("design:paramtypes", [
            typeof Envelope === "undefined" ? Object : Envelope
        ]),
        _ts_metadata("design:returntype", void 0)
    ], SystemMessagesController.prototype, "haltChanged", null);
    SystemMessagesController = _ts_decorate([
        (0, _rpc.RpcController)(),
        _ts_param(0, (0, _common.Inject)(_tokens.SERVICE_RUNTIME)),
        _ts_metadata("design:type", Function),
        _ts_metadata("design:paramtypes", [
            typeof ServiceRuntime === "undefined" ? Object : ServiceRuntime,
            typeof _haltstateservice.HaltStateService === "undefined" ? Object : _haltstateservice.HaltStateService
        ])
    ], SystemMessagesController);
    Object.defineProperty(SystemMessagesController, 'name', {
        value: `${service}SystemMessagesController`
    });
    return SystemMessagesController;
}
let ProbesController = class ProbesController {
    constructor(runtime){
        this.runtime = runtime;
    }
    live() {
        return {
            status: 'up',
            service: this.runtime.service,
            uptimeSec: Math.round(process.uptime())
        };
    }
    async ready() {
        const dependencies = await this.runtime.dependencies();
        const body = {
            status: dependencies.every((d)=>d.status === 'up') ? 'up' : 'down',
            service: this.runtime.service,
            dependencies
        };
        if (body.status !== 'up') throw new _common.ServiceUnavailableException(body);
        return body;
    }
    metrics() {
        return this.runtime.metrics.registry.metrics();
    }
};
_ts_decorate([
    (0, _common.Get)('health/live'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], ProbesController.prototype, "live", null);
_ts_decorate([
    (0, _common.Get)('health/ready'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], ProbesController.prototype, "ready", null);
_ts_decorate([
    (0, _common.Get)('metrics'),
    (0, _common.Header)('Content-Type', 'text/plain; version=0.0.4; charset=utf-8'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", void 0)
], ProbesController.prototype, "metrics", null);
ProbesController = _ts_decorate([
    (0, _common.Controller)(),
    _ts_param(0, (0, _common.Inject)(_tokens.SERVICE_RUNTIME)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ServiceRuntime === "undefined" ? Object : ServiceRuntime
    ])
], ProbesController);

//# sourceMappingURL=system.controller.js.map
