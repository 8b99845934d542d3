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
    get AlertsService () {
        return AlertsService;
    },
    get toAlertView () {
        return toAlertView;
    }
});
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _servicekit = require("../../../../libs/service-kit/src");
const _realtimehub = require("../realtime/realtime-hub");
const _alertentity = require("./alert.entity");
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
function toAlertView(a) {
    return {
        id: a.id,
        key: a.key,
        severity: a.severity,
        source: a.source,
        title: a.title,
        message: a.message,
        status: a.status,
        raisedAt: a.raisedAt.toISOString(),
        resolvedAt: a.resolvedAt?.toISOString() ?? null,
        details: a.details
    };
}
let AlertsService = class AlertsService {
    constructor(dataSource, hub, logger){
        this.dataSource = dataSource;
        this.hub = hub;
        this.logger = logger;
    }
    get repo() {
        return this.dataSource.getRepository(_alertentity.AlertEntity);
    }
    async raise(input) {
        const inserted = await this.repo.createQueryBuilder().insert().values({
            ...input,
            details: input.details ?? {},
            status: 'active'
        }).orIgnore() // the partial unique index keeps one active alert per key, across replicas
        .returning('*').execute();
        const row = inserted.raw?.[0];
        if (!row) return null;
        const alert = await this.repo.findOneByOrFail({
            id: row.id
        });
        const view = toAlertView(alert);
        this.logger.warn({
            alert: view.key,
            severity: view.severity
        }, `alert raised: ${view.title}`);
        this.hub.publish('alerts', {
            kind: 'raised',
            alert: view
        });
        return view;
    }
    async resolve(key, note) {
        const active = await this.repo.findOneBy({
            key,
            status: 'active'
        });
        if (!active) return null;
        const result = await this.repo.update({
            id: active.id,
            status: 'active'
        }, {
            status: 'resolved',
            resolvedAt: new Date(),
            details: note ? {
                ...active.details,
                resolution: note
            } : active.details
        });
        if (!result.affected) return null;
        const view = toAlertView(await this.repo.findOneByOrFail({
            id: active.id
        }));
        this.logger.info({
            alert: key
        }, `alert resolved: ${view.title}`);
        this.hub.publish('alerts', {
            kind: 'resolved',
            alert: view
        });
        return view;
    }
    async isActive(key) {
        return await this.repo.countBy({
            key,
            status: 'active'
        }) > 0;
    }
    async list(status, limit, offset) {
        const where = status === 'all' ? {} : {
            status
        };
        const [rows, total] = await this.repo.findAndCount({
            where,
            order: {
                raisedAt: 'DESC'
            },
            take: limit,
            skip: offset
        });
        return {
            items: rows.map(toAlertView),
            total,
            limit,
            offset
        };
    }
    /** Maintenance: resolved alerts older than the cutoff. */ async pruneResolved(before) {
        const result = await this.repo.delete({
            status: 'resolved',
            resolvedAt: (0, _typeorm.LessThan)(before)
        });
        return result.affected ?? 0;
    }
};
AlertsService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof _realtimehub.RealtimeHub === "undefined" ? Object : _realtimehub.RealtimeHub,
        typeof Logger === "undefined" ? Object : Logger
    ])
], AlertsService);

//# sourceMappingURL=alerts.service.js.map
