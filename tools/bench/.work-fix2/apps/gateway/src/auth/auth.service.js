"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AuthService", {
    enumerable: true,
    get: function() {
        return AuthService;
    }
});
const _common = require("@nestjs/common");
const _jwt = require("@nestjs/jwt");
const _typeorm = require("typeorm");
const _gatewayconfig = require("../core/gateway.config");
const _authentities = require("./auth.entities");
const _crypto = require("./crypto");
const _usersservice = require("./users.service");
const _apikeysservice = require("./api-keys.service");
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
const WRONG_CREDENTIALS = 'Wrong e-mail or password';
let AuthService = class AuthService {
    constructor(dataSource, jwt, users, apiKeys, config){
        this.dataSource = dataSource;
        this.jwt = jwt;
        this.users = users;
        this.apiKeys = apiKeys;
        this.config = config;
    }
    get refreshTokens() {
        return this.dataSource.getRepository(_authentities.RefreshTokenEntity);
    }
    async login(email, password) {
        const user = await this.users.findByEmail(email);
        // Verify against a dummy hash when the user is unknown, so timing does not reveal who exists.
        const ok = await (0, _crypto.verifyPassword)(password, user?.passwordHash ?? DUMMY_HASH);
        if (!user || !ok || user.disabled) throw new _common.UnauthorizedException(WRONG_CREDENTIALS);
        return this.issue(user);
    }
    /** Rotates the refresh token; presenting a revoked one revokes the whole family (likely theft). */ async refresh(refreshToken) {
        const hash = (0, _crypto.sha256)(refreshToken);
        const row = await this.refreshTokens.findOneBy({
            tokenHash: hash
        });
        if (!row) throw new _common.UnauthorizedException('Unknown refresh token');
        if (row.revokedAt) {
            await this.refreshTokens.update({
                userId: row.userId,
                revokedAt: (0, _typeorm.IsNull)()
            }, {
                revokedAt: new Date()
            });
            throw new _common.UnauthorizedException('This refresh token was already used; all sessions of the user were signed out');
        }
        if (row.expiresAt.getTime() <= Date.now()) throw new _common.UnauthorizedException('The refresh token has expired; log in again');
        const claimed = await this.refreshTokens.update({
            id: row.id,
            revokedAt: (0, _typeorm.IsNull)()
        }, {
            revokedAt: new Date()
        });
        if (!claimed.affected) throw new _common.UnauthorizedException('This refresh token was already used');
        const user = await this.users.get(row.userId);
        if (user.disabled) throw new _common.UnauthorizedException('The user is disabled');
        return this.issue(user);
    }
    async logout(refreshToken) {
        await this.refreshTokens.update({
            tokenHash: (0, _crypto.sha256)(refreshToken),
            revokedAt: (0, _typeorm.IsNull)()
        }, {
            revokedAt: new Date()
        });
    }
    async activeSessions(userId) {
        return this.refreshTokens.countBy({
            userId,
            revokedAt: (0, _typeorm.IsNull)(),
            expiresAt: (0, _typeorm.MoreThan)(new Date())
        });
    }
    /** Bearer JWT or API key to a principal; null when the credential is not valid. */ async authenticate(credential) {
        if (credential.apiKey) return this.apiKeys.verify(credential.apiKey);
        if (!credential.bearer) return null;
        try {
            const claims = await this.jwt.verifyAsync(credential.bearer, {
                algorithms: [
                    'HS256'
                ]
            });
            if (claims.typ !== 'access') return null;
            return {
                kind: 'user',
                id: claims.sub,
                userId: claims.sub,
                role: claims.role,
                email: claims.email
            };
        } catch  {
            return null;
        }
    }
    async issue(user) {
        const claims = {
            sub: user.id,
            role: user.role,
            email: user.email,
            typ: 'access'
        };
        const accessToken = await this.jwt.signAsync(claims, {
            expiresIn: this.config.accessTokenTtlSec,
            algorithm: 'HS256'
        });
        const refreshToken = (0, _crypto.randomToken)(32);
        await this.refreshTokens.insert({
            userId: user.id,
            tokenHash: (0, _crypto.sha256)(refreshToken),
            expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSec * 1000),
            revokedAt: null
        });
        return {
            accessToken,
            refreshToken,
            tokenType: 'Bearer',
            expiresIn: this.config.accessTokenTtlSec,
            user: (0, _usersservice.toUserView)(user)
        };
    }
};
AuthService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(4, (0, _common.Inject)(_gatewayconfig.GATEWAY_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof _jwt.JwtService === "undefined" ? Object : _jwt.JwtService,
        typeof _usersservice.UsersService === "undefined" ? Object : _usersservice.UsersService,
        typeof _apikeysservice.ApiKeysService === "undefined" ? Object : _apikeysservice.ApiKeysService,
        typeof GatewayConfig === "undefined" ? Object : GatewayConfig
    ])
], AuthService);
// scrypt hash of a random throwaway password, same parameters as real ones.
const DUMMY_HASH = 'scrypt$16384$8$1$c29tZS1zYWx0LXZhbHVlIQ==$Qm9ndXMtaGFzaC12YWx1ZS1mb3ItdGltaW5nLW9ubHk=';

//# sourceMappingURL=auth.service.js.map
