"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HaltStateService", {
    enumerable: true,
    get: function() {
        return HaltStateService;
    }
});
const _common = require("@nestjs/common");
const _messaging = require("../../messaging/src");
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
let HaltStateService = class HaltStateService {
    constructor(redis, logger, config){
        this.redis = redis;
        this.logger = logger;
        this.config = config;
        this.state = _messaging.NOT_HALTED;
    }
    async onModuleInit() {
        try {
            this.state = await (0, _messaging.readHalt)(this.redis, this.config.namespace);
        } catch (err) {
            this.logger.warn({
                err
            }, 'could not read the platform halt at start; assuming not halted until the next event');
        }
    }
    get current() {
        return this.state;
    }
    apply(state) {
        if (state.halted !== this.state.halted) this.logger.warn({
            halt: state
        }, state.halted ? 'platform halted' : 'platform resumed');
        this.state = state;
    }
};
HaltStateService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_tokens.REDIS)),
    _ts_param(1, (0, _common.Inject)(_tokens.LOGGER)),
    _ts_param(2, (0, _common.Inject)(_tokens.SERVICE_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Redis === "undefined" ? Object : Redis,
        typeof Logger === "undefined" ? Object : Logger,
        typeof ServiceConfig === "undefined" ? Object : ServiceConfig
    ])
], HaltStateService);

//# sourceMappingURL=halt-state.service.js.map
