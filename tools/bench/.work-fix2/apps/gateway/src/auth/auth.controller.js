"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AuthController", {
    enumerable: true,
    get: function() {
        return AuthController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _throttler = require("@nestjs/throttler");
const _dto = require("../../../../libs/contracts/src/dto");
const _accessdecorators = require("./access.decorators");
const _apikeysservice = require("./api-keys.service");
const _authservice = require("./auth.service");
const _usersservice = require("./users.service");
const _params = require("../http/params");
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
let AuthController = class AuthController {
    constructor(auth, users, apiKeys){
        this.auth = auth;
        this.users = users;
        this.apiKeys = apiKeys;
    }
    login(body) {
        return this.auth.login(body.email, body.password);
    }
    refresh(body) {
        return this.auth.refresh(body.refreshToken);
    }
    async logout(body) {
        await this.auth.logout(body.refreshToken);
    }
    async me(principal) {
        return {
            ...(0, _usersservice.toUserView)(await this.users.get(principal.userId)),
            via: principal.kind,
            role: principal.role
        };
    }
    listKeys(principal) {
        return this.apiKeys.list(principal);
    }
    createKey(principal, body) {
        return this.apiKeys.create(principal, body.name, body.role);
    }
    async revokeKey(principal, params) {
        await this.apiKeys.revoke(principal, params.id);
    }
};
_ts_decorate([
    (0, _accessdecorators.Public)(),
    (0, _throttler.Throttle)({
        default: {
            limit: 10,
            ttl: 60_000
        }
    }),
    (0, _common.Post)('login'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Log in: a short-lived access token (JWT) and a refresh token'
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _dto.LoginDto === "undefined" ? Object : _dto.LoginDto
    ]),
    _ts_metadata("design:returntype", void 0)
], AuthController.prototype, "login", null);
_ts_decorate([
    (0, _accessdecorators.Public)(),
    (0, _throttler.Throttle)({
        default: {
            limit: 30,
            ttl: 60_000
        }
    }),
    (0, _common.Post)('refresh'),
    (0, _common.HttpCode)(200),
    (0, _swagger.ApiOperation)({
        summary: 'Trade a refresh token for a new pair (the old one stops working)'
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _dto.RefreshDto === "undefined" ? Object : _dto.RefreshDto
    ]),
    _ts_metadata("design:returntype", void 0)
], AuthController.prototype, "refresh", null);
_ts_decorate([
    (0, _accessdecorators.Public)(),
    (0, _common.Post)('logout'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiOperation)({
        summary: 'Revoke a refresh token'
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _dto.RefreshDto === "undefined" ? Object : _dto.RefreshDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AuthController.prototype, "logout", null);
_ts_decorate([
    (0, _swagger.ApiBearerAuth)(),
    (0, _swagger.ApiSecurity)('api-key'),
    (0, _common.Get)('me'),
    (0, _swagger.ApiOperation)({
        summary: 'Who the credential belongs to'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", Promise)
], AuthController.prototype, "me", null);
_ts_decorate([
    (0, _swagger.ApiBearerAuth)(),
    (0, _swagger.ApiSecurity)('api-key'),
    (0, _common.Get)('api-keys'),
    (0, _swagger.ApiOperation)({
        summary: 'API keys you own (admins: all)'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal
    ]),
    _ts_metadata("design:returntype", void 0)
], AuthController.prototype, "listKeys", null);
_ts_decorate([
    (0, _swagger.ApiBearerAuth)(),
    (0, _common.Post)('api-keys'),
    (0, _swagger.ApiOperation)({
        summary: 'Create an API key for integrations; the key is shown once'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _dto.CreateApiKeyDto === "undefined" ? Object : _dto.CreateApiKeyDto
    ]),
    _ts_metadata("design:returntype", void 0)
], AuthController.prototype, "createKey", null);
_ts_decorate([
    (0, _swagger.ApiBearerAuth)(),
    (0, _common.Delete)('api-keys/:id'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiOperation)({
        summary: 'Revoke an API key'
    }),
    _ts_param(0, (0, _accessdecorators.CurrentPrincipal)()),
    _ts_param(1, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        typeof _params.IdParam === "undefined" ? Object : _params.IdParam
    ]),
    _ts_metadata("design:returntype", Promise)
], AuthController.prototype, "revokeKey", null);
AuthController = _ts_decorate([
    (0, _swagger.ApiTags)('auth'),
    (0, _common.Controller)('auth'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _authservice.AuthService === "undefined" ? Object : _authservice.AuthService,
        typeof _usersservice.UsersService === "undefined" ? Object : _usersservice.UsersService,
        typeof _apikeysservice.ApiKeysService === "undefined" ? Object : _apikeysservice.ApiKeysService
    ])
], AuthController);

//# sourceMappingURL=auth.controller.js.map
