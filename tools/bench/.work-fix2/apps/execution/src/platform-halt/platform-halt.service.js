"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlatformHaltService", {
    enumerable: true,
    get: function() {
        return PlatformHaltService;
    }
});
const _typeorm = require("typeorm");
const _common = require("@nestjs/common");
const _observability = require("../../../../libs/observability/src");
const _servicekit = require("../../../../libs/service-kit/src");
const _haltevententity = require("./halt-event.entity");
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
let PlatformHaltService = class PlatformHaltService {
    constructor(dataSource, halt, logger){
        this.dataSource = dataSource;
        this.halt = halt;
        this.logger = logger;
    }
    async apply(command) {
        this.halt.apply(command);
        const cancelledOrders = 0;
        const cancelledAlgorithms = 0;
        await this.dataSource.getRepository(_haltevententity.HaltEventEntity).insert({
            halted: command.halted,
            reason: command.reason,
            requestedBy: command.by,
            requestId: (0, _observability.currentContext)()?.requestId ?? null,
            cancelledOrders,
            cancelledAlgorithms,
            receivedAt: new Date()
        });
        this.logger.warn({
            halted: command.halted,
            by: command.by,
            cancelledOrders,
            cancelledAlgorithms
        }, command.halted ? 'emergency stop carried out' : 'halt lifted');
        return {
            ok: true,
            detail: command.halted ? 'halt applied and recorded; no open orders or algorithms to cancel' : 'halt lifted and recorded',
            cancelledOrders,
            cancelledAlgorithms
        };
    }
};
PlatformHaltService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof _servicekit.HaltStateService === "undefined" ? Object : _servicekit.HaltStateService,
        typeof Logger === "undefined" ? Object : Logger
    ])
], PlatformHaltService);

//# sourceMappingURL=platform-halt.service.js.map
