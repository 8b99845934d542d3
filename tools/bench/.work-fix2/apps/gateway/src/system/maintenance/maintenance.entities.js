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
    get MaintenanceRunEntity () {
        return MaintenanceRunEntity;
    },
    get MaintenanceStateEntity () {
        return MaintenanceStateEntity;
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
let MaintenanceStateEntity = class MaintenanceStateEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryColumn)({
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], MaintenanceStateEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'boolean'
    }),
    _ts_metadata("design:type", Boolean)
], MaintenanceStateEntity.prototype, "enabled", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], MaintenanceStateEntity.prototype, "message", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'changed_by',
        type: 'text',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], MaintenanceStateEntity.prototype, "changedBy", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'changed_at',
        type: 'timestamptz',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], MaintenanceStateEntity.prototype, "changedAt", void 0);
MaintenanceStateEntity = _ts_decorate([
    (0, _typeorm.Entity)('maintenance_state')
], MaintenanceStateEntity);
let MaintenanceRunEntity = class MaintenanceRunEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryGeneratedColumn)('uuid'),
    _ts_metadata("design:type", String)
], MaintenanceRunEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", typeof MaintenanceTaskKind === "undefined" ? Object : MaintenanceTaskKind)
], MaintenanceRunEntity.prototype, "task", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'older_than_days',
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], MaintenanceRunEntity.prototype, "olderThanDays", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], MaintenanceRunEntity.prototype, "state", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'integer',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], MaintenanceRunEntity.prototype, "removed", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], MaintenanceRunEntity.prototype, "error", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'requested_by',
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], MaintenanceRunEntity.prototype, "requestedBy", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'requested_at',
        type: 'timestamptz',
        default: ()=>'now()'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], MaintenanceRunEntity.prototype, "requestedAt", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'finished_at',
        type: 'timestamptz',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], MaintenanceRunEntity.prototype, "finishedAt", void 0);
MaintenanceRunEntity = _ts_decorate([
    (0, _typeorm.Entity)('maintenance_runs')
], MaintenanceRunEntity);

//# sourceMappingURL=maintenance.entities.js.map
