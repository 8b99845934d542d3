"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RuntimeConfigService", {
    enumerable: true,
    get: function() {
        return RuntimeConfigService;
    }
});
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _contracts = require("../../../../../libs/contracts/src");
const _servicekit = require("../../../../../libs/service-kit/src");
const _realtimehub = require("../../realtime/realtime-hub");
const _configversionentity = require("./config-version.entity");
const _defaultsettings = require("./default-settings");
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
function toView(v) {
    return {
        version: v.version,
        settings: v.settings,
        changedBy: v.changedBy,
        changedAt: v.changedAt.toISOString(),
        comment: v.comment,
        rolledBackFrom: v.rolledBackFrom
    };
}
let RuntimeConfigService = class RuntimeConfigService {
    constructor(dataSource, redis, logger, serviceConfig, hub){
        this.dataSource = dataSource;
        this.redis = redis;
        this.logger = logger;
        this.serviceConfig = serviceConfig;
        this.hub = hub;
        this.latest = null;
        this.subscriber = null;
        this.listeners = new Set();
    }
    get runtimeNamespace() {
        return this.serviceConfig.namespace;
    }
    get repo() {
        return this.dataSource.getRepository(_configversionentity.ConfigVersionEntity);
    }
    async onModuleInit() {
        await this.repo.createQueryBuilder().insert().values({
            version: 1,
            settings: _defaultsettings.DEFAULT_SETTINGS,
            changedBy: 'system',
            comment: 'defaults'
        }).orIgnore().execute();
        await this.reload();
        this.subscriber = this.redis.duplicate({
            enableOfflineQueue: true,
            maxRetriesPerRequest: null
        });
        this.subscriber.on('error', ()=>undefined);
        this.subscriber.on('message', ()=>void this.reload().catch((err)=>this.logger.warn({
                    err
                }, 'config reload failed')));
        await this.subscriber.subscribe(`${this.runtimeNamespace}:${_contracts.EVENTS.configChanged}`).catch(()=>undefined);
    }
    async onApplicationShutdown() {
        this.subscriber?.disconnect();
    }
    /** The settings in force; always available after start. */ get current() {
        return this.latest?.settings ?? _defaultsettings.DEFAULT_SETTINGS;
    }
    get currentVersion() {
        return this.latest?.version ?? 1;
    }
    onChange(listener) {
        this.listeners.add(listener);
    }
    async view() {
        await this.reload();
        return toView(this.latest);
    }
    async history(limit, offset) {
        const [rows, total] = await this.repo.findAndCount({
            order: {
                version: 'DESC'
            },
            take: limit,
            skip: offset
        });
        return {
            items: rows.map(toView),
            total,
            limit,
            offset
        };
    }
    async change(settings, by, comment) {
        // The DTO checks the fields that are there, not that all are: a partial version would break every request.
        const missing = missingFields(settings, _defaultsettings.DEFAULT_SETTINGS, 'settings');
        if (missing.length) throw new _servicekit.InvalidInputException(missing.map((field)=>({
                field,
                rules: {
                    isDefined: `${field} should not be null or undefined`
                }
            })));
        return this.append(settings, by, comment ?? null, null);
    }
    async rollback(version, by, comment) {
        const target = await this.repo.findOneBy({
            version
        });
        if (!target) throw new _common.NotFoundException(`There is no config version ${version}`);
        return this.append(target.settings, by, comment ?? `rollback to version ${version}`, version);
    }
    async append(settings, by, comment, rolledBackFrom) {
        // Version numbers are assigned inside the transaction under a lock, so concurrent changes line up.
        const saved = await this.dataSource.transaction(async (m)=>{
            await m.query('LOCK TABLE config_versions IN SHARE ROW EXCLUSIVE MODE');
            const [{ next }] = await m.query('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM config_versions');
            const row = m.create(_configversionentity.ConfigVersionEntity, {
                version: Number(next),
                settings: plain(settings),
                changedBy: by,
                comment,
                rolledBackFrom
            });
            return m.save(row);
        });
        this.latest = await this.repo.findOneByOrFail({
            version: saved.version
        });
        const view = toView(this.latest);
        this.logger.info({
            version: view.version,
            by
        }, 'runtime settings changed');
        await this.redis.publish(`${this.runtimeNamespace}:${_contracts.EVENTS.configChanged}`, String(view.version)).catch(()=>undefined);
        for (const l of this.listeners)l(view);
        this.hub.publish('system', {
            kind: 'config',
            version: view.version
        });
        return view;
    }
    async reload() {
        const [latest] = await this.repo.find({
            order: {
                version: 'DESC'
            },
            take: 1
        });
        if (latest) this.latest = latest;
    }
};
RuntimeConfigService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_servicekit.REDIS)),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_param(3, (0, _common.Inject)(_servicekit.SERVICE_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof Redis === "undefined" ? Object : Redis,
        typeof Logger === "undefined" ? Object : Logger,
        typeof ServiceConfig === "undefined" ? Object : ServiceConfig,
        typeof _realtimehub.RealtimeHub === "undefined" ? Object : _realtimehub.RealtimeHub
    ])
], RuntimeConfigService);
/** DTO instances carry class prototypes; store plain JSON. */ function plain(settings) {
    return JSON.parse(JSON.stringify(settings));
}
/** Paths of the fields of `shape` (the complete settings) that `value` lacks. */ function missingFields(value, shape, path) {
    if (value === undefined || value === null) return [
        path
    ];
    return Object.entries(shape).flatMap(([key, sub])=>{
        const child = value[key];
        if (sub && typeof sub === 'object') return missingFields(child, sub, `${path}.${key}`);
        return child === undefined || child === null ? [
            `${path}.${key}`
        ] : [];
    });
}

//# sourceMappingURL=runtime-config.service.js.map
