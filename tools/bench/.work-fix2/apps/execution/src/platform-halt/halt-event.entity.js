"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HaltEventEntity", {
    enumerable: true,
    get: function() {
        return HaltEventEntity;
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
let HaltEventEntity = class HaltEventEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryGeneratedColumn)('uuid'),
    _ts_metadata("design:type", String)
], HaltEventEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'boolean'
    }),
    _ts_metadata("design:type", Boolean)
], HaltEventEntity.prototype, "halted", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], HaltEventEntity.prototype, "reason", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'requested_by',
        type: 'text',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], HaltEventEntity.prototype, "requestedBy", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'request_id',
        type: 'text',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], HaltEventEntity.prototype, "requestId", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'cancelled_orders',
        type: 'integer',
        default: 0
    }),
    _ts_metadata("design:type", Number)
], HaltEventEntity.prototype, "cancelledOrders", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'cancelled_algorithms',
        type: 'integer',
        default: 0
    }),
    _ts_metadata("design:type", Number)
], HaltEventEntity.prototype, "cancelledAlgorithms", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'received_at',
        type: 'timestamptz'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], HaltEventEntity.prototype, "receivedAt", void 0);
HaltEventEntity = _ts_decorate([
    (0, _typeorm.Entity)('halt_events')
], HaltEventEntity);

//# sourceMappingURL=halt-event.entity.js.map
