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
    get CreateApiKeyDto () {
        return CreateApiKeyDto;
    },
    get CreateUserDto () {
        return CreateUserDto;
    },
    get LoginDto () {
        return LoginDto;
    },
    get RefreshDto () {
        return RefreshDto;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _api = require("../api");
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
let LoginDto = class LoginDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'admin@meridian.local'
    }),
    (0, _classvalidator.IsEmail)(),
    (0, _classvalidator.MaxLength)(254),
    _ts_metadata("design:type", String)
], LoginDto.prototype, "email", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minLength: 1,
        maxLength: 256
    }),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 256),
    _ts_metadata("design:type", String)
], LoginDto.prototype, "password", void 0);
let RefreshDto = class RefreshDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        description: 'The refresh token returned by login or a previous refresh.'
    }),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(20, 512),
    _ts_metadata("design:type", String)
], RefreshDto.prototype, "refreshToken", void 0);
let CreateUserDto = class CreateUserDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    (0, _classvalidator.IsEmail)(),
    (0, _classvalidator.MaxLength)(254),
    _ts_metadata("design:type", String)
], CreateUserDto.prototype, "email", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minLength: 10,
        description: 'At least 10 characters.'
    }),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(10),
    (0, _classvalidator.MaxLength)(256),
    _ts_metadata("design:type", String)
], CreateUserDto.prototype, "password", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _api.ROLES
    }),
    (0, _classvalidator.IsIn)(_api.ROLES),
    _ts_metadata("design:type", typeof Role === "undefined" ? Object : Role)
], CreateUserDto.prototype, "role", void 0);
let CreateApiKeyDto = class CreateApiKeyDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'backtest-runner',
        maxLength: 80
    }),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 80),
    _ts_metadata("design:type", String)
], CreateApiKeyDto.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: _api.ROLES,
        description: 'Defaults to the caller’s role; never above it.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_api.ROLES),
    _ts_metadata("design:type", typeof Role === "undefined" ? Object : Role)
], CreateApiKeyDto.prototype, "role", void 0);

//# sourceMappingURL=auth.dto.js.map
