"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AppModule", {
    enumerable: true,
    get: function() {
        return AppModule;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _throttler = require("@nestjs/throttler");
const _accessguard = require("./auth/access.guard");
const _authmodule = require("./auth/auth.module");
const _coremodule = require("./core/core.module");
const _apiexceptionfilter = require("./http/api-exception.filter");
const _apithrottlerguard = require("./http/api-throttler.guard");
const _maintenanceguard = require("./http/maintenance.guard");
const _platformmodule = require("./platform.module");
const _runtimeconfigservice = require("./system/config/runtime-config.service");
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
let AppModule = class AppModule {
    static register(runtime, config, jwtSecret) {
        return {
            module: AppModule,
            imports: [
                _coremodule.CoreModule.forRoot(runtime, config),
                _authmodule.AuthModule.forRoot(jwtSecret),
                _platformmodule.PlatformModule,
                _throttler.ThrottlerModule.forRootAsync({
                    imports: [
                        _platformmodule.PlatformModule
                    ],
                    inject: [
                        _runtimeconfigservice.RuntimeConfigService
                    ],
                    useFactory: (settings)=>({
                            storage: new (class CounterStorage {
                                constructor(){ this.m = new Map(); setInterval(() => { const now = Date.now(); for (const [k, e] of this.m) if (e.expiresAt <= now && e.blockExpiresAt <= now) this.m.delete(k); }, 60000).unref(); }
                                async increment(key, ttl, limit, blockDuration, name) {
                                    const now = Date.now(); const k = `${name}:${key}`; let e = this.m.get(k);
                                    if (!e || (e.expiresAt <= now && e.blockExpiresAt <= now)) { e = { hits: 0, expiresAt: now + ttl, blockExpiresAt: 0 }; this.m.set(k, e); }
                                    if (e.blockExpiresAt > now) return { totalHits: e.hits, timeToExpire: Math.ceil((e.expiresAt - now) / 1000), isBlocked: true, timeToBlockExpire: Math.ceil((e.blockExpiresAt - now) / 1000) };
                                    e.hits++;
                                    if (e.hits > limit) { e.blockExpiresAt = now + blockDuration; return { totalHits: e.hits, timeToExpire: Math.ceil((e.expiresAt - now) / 1000), isBlocked: true, timeToBlockExpire: Math.ceil(blockDuration / 1000) }; }
                                    return { totalHits: e.hits, timeToExpire: Math.ceil((e.expiresAt - now) / 1000), isBlocked: false, timeToBlockExpire: 0 };
                                }
                            })(),
                            throttlers: [
                                {
                                    name: 'default',
                                    ttl: 60_000,
                                    limit: ()=>settings.current.rateLimit.perMinute
                                }
                            ]
                        })
                })
            ],
            providers: [
                // Order matters: who you are, then whether changes are paused, then how fast you may go.
                {
                    provide: _core.APP_GUARD,
                    useClass: _accessguard.AccessGuard
                },
                {
                    provide: _core.APP_GUARD,
                    useClass: _maintenanceguard.MaintenanceGuard
                },
                {
                    provide: _core.APP_GUARD,
                    useClass: _apithrottlerguard.ApiThrottlerGuard
                },
                {
                    provide: _core.APP_FILTER,
                    useClass: _apiexceptionfilter.ApiExceptionFilter
                }
            ]
        };
    }
};
AppModule = _ts_decorate([
    (0, _common.Module)({})
], AppModule);

//# sourceMappingURL=app.module.js.map
