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
    get ServiceClients () {
        return ServiceClients;
    },
    get contextForHop () {
        return contextForHop;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _messaging = require("../../../../libs/messaging/src");
const _observability = require("../../../../libs/observability/src");
const _servicekit = require("../../../../libs/service-kit/src");
const _gatewayconfig = require("../core/gateway.config");
const _runtimeconfigservice = require("../system/config/runtime-config.service");
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
let ServiceClients = class ServiceClients {
    constructor(config, runtimeConfig){
        this.clients = new Map();
        for (const service of _contracts.BACKEND_SERVICES){
            const proxy = (0, _servicekit.createTransportClient)(config);
            this.clients.set(service, new _messaging.ServiceClient(service, proxy, ()=>runtimeConfig.current.transport.timeoutMs));
        }
    }
    async onModuleInit() {
        // Connecting is lazy in Nest; connecting up front keeps the first request fast.
        await Promise.all([
            ...this.clients.values()
        ].map((c)=>c.connect().catch(()=>undefined)));
    }
    get(service) {
        return this.clients.get(service);
    }
    all() {
        return [
            ...this.clients.values()
        ];
    }
    /** Sends within the current request's context (request id and principal travel along). */ send(service, pattern, data = {}, deadlineMs) {
        return this.get(service).send(pattern, data, contextForHop(), deadlineMs);
    }
    async onApplicationShutdown() {
        await Promise.allSettled(this.all().map((c)=>c.close()));
    }
};
ServiceClients = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_gatewayconfig.GATEWAY_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof GatewayConfig === "undefined" ? Object : GatewayConfig,
        typeof _runtimeconfigservice.RuntimeConfigService === "undefined" ? Object : _runtimeconfigservice.RuntimeConfigService
    ])
], ServiceClients);
function contextForHop() {
    const ctx = (0, _observability.currentContext)();
    return ctx ? {
        requestId: ctx.requestId,
        principal: ctx.principal
    } : {
        requestId: (0, _observability.newRequestId)()
    };
}

//# sourceMappingURL=service-clients.js.map
