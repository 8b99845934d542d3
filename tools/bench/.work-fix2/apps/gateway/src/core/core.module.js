"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CoreModule", {
    enumerable: true,
    get: function() {
        return CoreModule;
    }
});
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _servicekit = require("../../../../libs/service-kit/src");
const _gatewayconfig = require("./gateway.config");
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
let CoreModule = class CoreModule {
    static forRoot(runtime, config) {
        const values = [
            {
                provide: _servicekit.SERVICE_RUNTIME,
                useValue: runtime
            },
            {
                provide: _servicekit.SERVICE_CONFIG,
                useValue: config
            },
            {
                provide: _gatewayconfig.GATEWAY_CONFIG,
                useValue: config
            },
            {
                provide: _servicekit.REDIS,
                useValue: runtime.redis
            },
            {
                provide: _servicekit.LOGGER,
                useValue: runtime.logger
            },
            {
                provide: _servicekit.METRICS,
                useValue: runtime.metrics
            },
            {
                provide: _servicekit.DATABASE,
                useValue: runtime.database
            },
            {
                provide: _typeorm.DataSource,
                useValue: runtime.database.dataSource
            }
        ];
        return {
            module: CoreModule,
            providers: values,
            exports: values.map((v)=>v.provide)
        };
    }
};
CoreModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({})
], CoreModule);

//# sourceMappingURL=core.module.js.map
