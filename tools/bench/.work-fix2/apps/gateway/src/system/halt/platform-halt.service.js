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
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _contracts = require("../../../../../libs/contracts/src");
const _messaging = require("../../../../../libs/messaging/src");
const _servicekit = require("../../../../../libs/service-kit/src");
const _gatewayconfig = require("../../core/gateway.config");
const _alertsservice = require("../../alerts/alerts.service");
const _realtimehub = require("../../realtime/realtime-hub");
const _serviceclients = require("../../services/service-clients");
const _platformhaltentity = require("./platform-halt.entity");
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
    constructor(dataSource, redis, logger, config, services, alerts, hub){
        this.dataSource = dataSource;
        this.redis = redis;
        this.logger = logger;
        this.config = config;
        this.services = services;
        this.alerts = alerts;
        this.hub = hub;
        this.state = _messaging.NOT_HALTED;
        this.broadcaster = (0, _servicekit.createTransportClient)(config);
    }
    async onApplicationBootstrap() {
        this.state = await this.load();
        // Redis keeps nothing across restarts here; re-assert the recorded state for the services.
        await (0, _messaging.writeHalt)(this.redis, this.config.namespace, this.state).catch((err)=>this.logger.warn({
                err
            }, 'could not mirror the halt to Redis'));
    }
    get current() {
        return this.state;
    }
    async load() {
        const [latest] = await this.dataSource.getRepository(_platformhaltentity.PlatformHaltEntity).find({
            order: {
                id: 'DESC'
            },
            take: 1
        });
        return latest ? {
            halted: latest.halted,
            reason: latest.reason,
            by: latest.changedBy,
            at: latest.changedAt.toISOString()
        } : _messaging.NOT_HALTED;
    }
    async stop(reason, by) {
        return this.change(true, reason, by);
    }
    async resume(reason, by) {
        if (!(await this.load()).halted) throw new _common.ConflictException('The platform is not halted');
        return this.change(false, reason, by);
    }
    async change(halted, reason, by) {
        const started = performance.now();
        const row = await this.dataSource.getRepository(_platformhaltentity.PlatformHaltEntity).save({
            halted,
            reason,
            changedBy: by
        });
        this.state = {
            halted,
            reason,
            by,
            at: row.changedAt.toISOString()
        };
        await (0, _messaging.writeHalt)(this.redis, this.config.namespace, this.state).catch((err)=>this.logger.error({
                err
            }, 'could not mirror the halt to Redis'));
        this.broadcaster.emit(_contracts.EVENTS.haltChanged, {
            ctx: (0, _serviceclients.contextForHop)(),
            data: this.state
        }).subscribe({
            error: ()=>undefined
        });
        this.hub.publish('system', {
            kind: 'halt',
            halt: this.state
        });
        const actions = [];
        try {
            const reply = await this.services.send('execution', halted ? _contracts.EXECUTION_PATTERNS.emergencyStop : _contracts.EXECUTION_PATTERNS.resume, this.state);
            actions.push({
                service: 'execution',
                ok: true,
                ...reply
            });
        } catch (err) {
            actions.push({
                service: 'execution',
                ok: false,
                cancelledOrders: 0,
                cancelledAlgorithms: 0,
                detail: `${err.message}; the halt is recorded and execution applies it when it is reachable again`
            });
        }
        if (halted) {
            await this.alerts.raise({
                key: 'platform-halted',
                severity: 'critical',
                source: 'gateway',
                title: 'Emergency stop: trading halted',
                message: `Halted by ${by}: ${reason}`,
                details: {
                    by,
                    reason
                }
            });
        } else {
            await this.alerts.resolve('platform-halted', `resumed by ${by}: ${reason}`);
        }
        this.logger.warn({
            halted,
            by,
            reason
        }, halted ? 'EMERGENCY STOP' : 'platform resumed');
        return {
            halt: this.state,
            actions,
            durationMs: Math.round(performance.now() - started)
        };
    }
};
PlatformHaltService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_servicekit.REDIS)),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_param(3, (0, _common.Inject)(_gatewayconfig.GATEWAY_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof Redis === "undefined" ? Object : Redis,
        typeof Logger === "undefined" ? Object : Logger,
        typeof GatewayConfig === "undefined" ? Object : GatewayConfig,
        typeof _serviceclients.ServiceClients === "undefined" ? Object : _serviceclients.ServiceClients,
        typeof _alertsservice.AlertsService === "undefined" ? Object : _alertsservice.AlertsService,
        typeof _realtimehub.RealtimeHub === "undefined" ? Object : _realtimehub.RealtimeHub
    ])
], PlatformHaltService);

//# sourceMappingURL=platform-halt.service.js.map
