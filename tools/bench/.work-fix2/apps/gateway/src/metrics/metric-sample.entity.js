"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MetricSampleEntity", {
    enumerable: true,
    get: function() {
        return MetricSampleEntity;
    }
});
const _typeorm = require("typeorm");
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
let MetricSampleEntity = class MetricSampleEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryGeneratedColumn)('increment', {
        type: 'bigint'
    }),
    _ts_metadata("design:type", String)
], MetricSampleEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'timestamptz'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], MetricSampleEntity.prototype, "at", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'window_sec',
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], MetricSampleEntity.prototype, "windowSec", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'request_rate',
        type: 'double precision'
    }),
    _ts_metadata("design:type", Number)
], MetricSampleEntity.prototype, "requestRate", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'error_rate_pct',
        type: 'double precision'
    }),
    _ts_metadata("design:type", Number)
], MetricSampleEntity.prototype, "errorRatePct", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'p50_ms',
        type: 'double precision'
    }),
    _ts_metadata("design:type", Number)
], MetricSampleEntity.prototype, "p50Ms", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'p95_ms',
        type: 'double precision'
    }),
    _ts_metadata("design:type", Number)
], MetricSampleEntity.prototype, "p95Ms", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'p99_ms',
        type: 'double precision'
    }),
    _ts_metadata("design:type", Number)
], MetricSampleEntity.prototype, "p99Ms", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'event_loop_lag_ms',
        type: 'double precision'
    }),
    _ts_metadata("design:type", Number)
], MetricSampleEntity.prototype, "eventLoopLagMs", void 0);
MetricSampleEntity = _ts_decorate([
    (0, _typeorm.Entity)('metric_samples')
], MetricSampleEntity);

//# sourceMappingURL=metric-sample.entity.js.map
