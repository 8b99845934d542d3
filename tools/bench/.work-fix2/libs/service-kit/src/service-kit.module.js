"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ServiceKitModule", {
    enumerable: true,
    get: function() {
        return ServiceKitModule;
    }
});
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _haltstateservice = require("./halt-state.service");
const _rpc = require("./rpc");
const _systemcontroller = require("./system.controller");
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
let ServiceKitModule = class ServiceKitModule {
    static forRoot(runtime) {
        const values = [
            {
                provide: _tokens.SERVICE_RUNTIME,
                useValue: runtime
            },
            {
                provide: _tokens.SERVICE_CONFIG,
                useValue: runtime.config
            },
            {
                provide: _tokens.REDIS,
                useValue: runtime.redis
            },
            {
                provide: _tokens.LOGGER,
                useValue: runtime.logger
            },
            {
                provide: _tokens.METRICS,
                useValue: runtime.metrics
            },
            {
                provide: _tokens.DATABASE,
                useValue: runtime.database
            },
            {
                provide: _typeorm.DataSource,
                useValue: runtime.database.dataSource
            }
        ];
        return {
            module: ServiceKitModule,
            controllers: [
                (0, _systemcontroller.createSystemController)(runtime.service),
                _systemcontroller.ProbesController
            ],
            providers: [
                ...values,
                _haltstateservice.HaltStateService,
                _rpc.RpcContextInterceptor,
                _rpc.RpcErrorFilter
            ],
            exports: [
                ...values.map((v)=>v.provide),
                _haltstateservice.HaltStateService,
                _rpc.RpcContextInterceptor,
                _rpc.RpcErrorFilter
            ]
        };
    }
};
ServiceKitModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({})
], ServiceKitModule);

//# sourceMappingURL=service-kit.module.js.map
