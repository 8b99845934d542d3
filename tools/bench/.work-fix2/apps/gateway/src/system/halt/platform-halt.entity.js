"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlatformHaltEntity", {
    enumerable: true,
    get: function() {
        return PlatformHaltEntity;
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
let PlatformHaltEntity = class PlatformHaltEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryGeneratedColumn)('increment', {
        type: 'bigint'
    }),
    _ts_metadata("design:type", String)
], PlatformHaltEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'boolean'
    }),
    _ts_metadata("design:type", Boolean)
], PlatformHaltEntity.prototype, "halted", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], PlatformHaltEntity.prototype, "reason", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'changed_by',
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], PlatformHaltEntity.prototype, "changedBy", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'changed_at',
        type: 'timestamptz',
        default: ()=>'now()'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], PlatformHaltEntity.prototype, "changedAt", void 0);
PlatformHaltEntity = _ts_decorate([
    (0, _typeorm.Entity)('platform_halts')
], PlatformHaltEntity);

//# sourceMappingURL=platform-halt.entity.js.map
