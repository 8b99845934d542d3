"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ConfigVersionEntity", {
    enumerable: true,
    get: function() {
        return ConfigVersionEntity;
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
let ConfigVersionEntity = class ConfigVersionEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryColumn)({
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], ConfigVersionEntity.prototype, "version", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'jsonb'
    }),
    _ts_metadata("design:type", typeof RuntimeSettings === "undefined" ? Object : RuntimeSettings)
], ConfigVersionEntity.prototype, "settings", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'changed_by',
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], ConfigVersionEntity.prototype, "changedBy", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'changed_at',
        type: 'timestamptz',
        default: ()=>'now()'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], ConfigVersionEntity.prototype, "changedAt", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], ConfigVersionEntity.prototype, "comment", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'rolled_back_from',
        type: 'integer',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], ConfigVersionEntity.prototype, "rolledBackFrom", void 0);
ConfigVersionEntity = _ts_decorate([
    (0, _typeorm.Entity)('config_versions')
], ConfigVersionEntity);

//# sourceMappingURL=config-version.entity.js.map
