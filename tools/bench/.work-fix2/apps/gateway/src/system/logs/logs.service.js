"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LogsService", {
    enumerable: true,
    get: function() {
        return LogsService;
    }
});
const _common = require("@nestjs/common");
const _observability = require("../../../../../libs/observability/src");
const _servicekit = require("../../../../../libs/service-kit/src");
const _logquery = require("./log-query");
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
const BATCH = 500;
/** Bounds the work of one query when the filter is rare. */ const MAX_SCANNED = 20_000;
const STREAM_ID = /^\d{1,15}-\d{1,10}$/;
let LogsService = class LogsService {
    constructor(redis, config){
        this.redis = redis;
        this.key = (0, _observability.logStreamKey)(config.namespace);
    }
    async query(q) {
        const limit = q.limit ?? 200;
        if (q.before && !STREAM_ID.test(q.before)) throw new _common.BadRequestException('before must be a cursor returned as nextCursor');
        const fromMs = q.from ? Date.parse(q.from) : undefined;
        const toMs = q.to ? Date.parse(q.to) : undefined;
        // ISO 8601 has forms Date.parse cannot read (week and ordinal dates, basic format).
        if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new _common.BadRequestException('from and to must be ISO 8601 times like 2024-01-31T12:00:00Z');
        // Stream ids start at 0-0: nothing is logged before 1970 or before the first id.
        if (toMs !== undefined && toMs < 0 || q.before && /^0+-0+$/.test(q.before)) return {
            items: [],
            nextCursor: null
        };
        if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) throw new _common.BadRequestException('from must not be after to');
        let end = q.before ? `(${q.before}` : toMs !== undefined ? `${toMs}-18446744073709551615` : '+';
        const start = fromMs !== undefined ? `${Math.max(0, fromMs)}-0` : '-';
        const items = [];
        let scanned = 0;
        let lastId = null;
        let exhausted = false;
        while(items.length < limit && scanned < MAX_SCANNED){
            const batch = await this.redis.xrevrange(this.key, end, start, 'COUNT', BATCH);
            if (batch.length === 0) {
                exhausted = true;
                break;
            }
            for (const [id, fields] of batch){
                lastId = id;
                scanned++;
                const entry = (0, _logquery.parseLogLine)(id, fields[1] ?? '');
                if (entry && (0, _logquery.matches)(entry, q)) {
                    items.push(entry);
                    if (items.length >= limit) break;
                }
            }
            if (batch.length < BATCH && items.length < limit) {
                exhausted = true;
                break;
            }
            end = `(${lastId}`;
        }
        return {
            items,
            nextCursor: exhausted || !lastId ? null : lastId
        };
    }
    /** Maintenance: entries older than the cutoff. */ async prune(before) {
        return this.redis.xtrim(this.key, 'MINID', `${before.getTime()}-0`);
    }
};
LogsService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_servicekit.REDIS)),
    _ts_param(1, (0, _common.Inject)(_servicekit.SERVICE_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Redis === "undefined" ? Object : Redis,
        typeof ServiceConfig === "undefined" ? Object : ServiceConfig
    ])
], LogsService);

//# sourceMappingURL=logs.service.js.map
