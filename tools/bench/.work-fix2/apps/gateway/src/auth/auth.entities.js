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
    get ApiKeyEntity () {
        return ApiKeyEntity;
    },
    get PlatformSecretEntity () {
        return PlatformSecretEntity;
    },
    get RefreshTokenEntity () {
        return RefreshTokenEntity;
    },
    get UserEntity () {
        return UserEntity;
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
let UserEntity = class UserEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryGeneratedColumn)('uuid'),
    _ts_metadata("design:type", String)
], UserEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], UserEntity.prototype, "email", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'password_hash',
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], UserEntity.prototype, "passwordHash", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", typeof Role === "undefined" ? Object : Role)
], UserEntity.prototype, "role", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'boolean',
        default: false
    }),
    _ts_metadata("design:type", Boolean)
], UserEntity.prototype, "disabled", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'created_at',
        type: 'timestamptz',
        default: ()=>'now()'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], UserEntity.prototype, "createdAt", void 0);
UserEntity = _ts_decorate([
    (0, _typeorm.Entity)('users')
], UserEntity);
let RefreshTokenEntity = class RefreshTokenEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryGeneratedColumn)('uuid'),
    _ts_metadata("design:type", String)
], RefreshTokenEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'user_id',
        type: 'uuid'
    }),
    _ts_metadata("design:type", String)
], RefreshTokenEntity.prototype, "userId", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'token_hash',
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], RefreshTokenEntity.prototype, "tokenHash", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'expires_at',
        type: 'timestamptz'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], RefreshTokenEntity.prototype, "expiresAt", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'revoked_at',
        type: 'timestamptz',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], RefreshTokenEntity.prototype, "revokedAt", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'created_at',
        type: 'timestamptz',
        default: ()=>'now()'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], RefreshTokenEntity.prototype, "createdAt", void 0);
RefreshTokenEntity = _ts_decorate([
    (0, _typeorm.Entity)('refresh_tokens')
], RefreshTokenEntity);
let ApiKeyEntity = class ApiKeyEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryColumn)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], ApiKeyEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], ApiKeyEntity.prototype, "name", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'key_hash',
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], ApiKeyEntity.prototype, "keyHash", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", typeof Role === "undefined" ? Object : Role)
], ApiKeyEntity.prototype, "role", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'owner_id',
        type: 'uuid'
    }),
    _ts_metadata("design:type", String)
], ApiKeyEntity.prototype, "ownerId", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'created_at',
        type: 'timestamptz',
        default: ()=>'now()'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], ApiKeyEntity.prototype, "createdAt", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'last_used_at',
        type: 'timestamptz',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], ApiKeyEntity.prototype, "lastUsedAt", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'revoked_at',
        type: 'timestamptz',
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], ApiKeyEntity.prototype, "revokedAt", void 0);
ApiKeyEntity = _ts_decorate([
    (0, _typeorm.Entity)('api_keys')
], ApiKeyEntity);
let PlatformSecretEntity = class PlatformSecretEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryColumn)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], PlatformSecretEntity.prototype, "name", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], PlatformSecretEntity.prototype, "value", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'created_at',
        type: 'timestamptz',
        default: ()=>'now()'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], PlatformSecretEntity.prototype, "createdAt", void 0);
PlatformSecretEntity = _ts_decorate([
    (0, _typeorm.Entity)('platform_secrets')
], PlatformSecretEntity);

//# sourceMappingURL=auth.entities.js.map
