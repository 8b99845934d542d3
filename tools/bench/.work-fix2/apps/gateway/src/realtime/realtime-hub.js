"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RealtimeHub", {
    enumerable: true,
    get: function() {
        return RealtimeHub;
    }
});
const _common = require("@nestjs/common");
const _servicekit = require("../../../../libs/service-kit/src");
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
let RealtimeHub = class RealtimeHub {
    constructor(redis, logger, config){
        this.redis = redis;
        this.logger = logger;
        this.listeners = new Set();
        this.subscriber = null;
        this.channel = `${config.namespace}:realtime`;
    }
    async onModuleInit() {
        this.subscriber = this.redis.duplicate({
            enableOfflineQueue: true,
            maxRetriesPerRequest: null
        });
        this.subscriber.on('message', (_channel, message)=>{
            let frame;
            try {
                frame = JSON.parse(message);
            } catch  {
                return;
            }
            for (const l of this.listeners)l(frame);
        });
        this.subscriber.on('error', ()=>undefined);
        await this.subscriber.subscribe(this.channel).catch((err)=>this.logger.warn({
                err
            }, 'realtime: could not subscribe yet; will retry on reconnect'));
    }
    publish(channel, data) {
        const frame = {
            type: 'event',
            channel,
            data,
            ts: Date.now()
        };
        this.redis.publish(this.channel, JSON.stringify(frame)).catch(()=>undefined);
    }
    listen(listener) {
        this.listeners.add(listener);
        return ()=>this.listeners.delete(listener);
    }
    async onApplicationShutdown() {
        this.subscriber?.disconnect();
    }
};
RealtimeHub = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_servicekit.REDIS)),
    _ts_param(1, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_param(2, (0, _common.Inject)(_servicekit.SERVICE_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Redis === "undefined" ? Object : Redis,
        typeof Logger === "undefined" ? Object : Logger,
        typeof ServiceConfig === "undefined" ? Object : ServiceConfig
    ])
], RealtimeHub);

//# sourceMappingURL=realtime-hub.js.map
