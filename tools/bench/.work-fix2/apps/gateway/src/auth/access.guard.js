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
    get AccessGuard () {
        return AccessGuard;
    },
    get credentialFrom () {
        return credentialFrom;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _contracts = require("../../../../libs/contracts/src");
const _observability = require("../../../../libs/observability/src");
const _accessdecorators = require("./access.decorators");
const _authservice = require("./auth.service");
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
function credentialFrom(headers) {
    const header = headers.authorization;
    if (typeof header === 'string') {
        const [scheme, value] = header.split(' ', 2);
        if (scheme?.toLowerCase() === 'bearer' && value) return {
            bearer: value.trim()
        };
        if (scheme?.toLowerCase() === 'apikey' && value) return {
            apiKey: value.trim()
        };
    }
    const key = headers['x-api-key'];
    if (typeof key === 'string' && key) return {
        apiKey: key.trim()
    };
    return {};
}
let AccessGuard = class AccessGuard {
    constructor(reflector, auth){
        this.reflector = reflector;
        this.auth = auth;
    }
    async canActivate(context) {
        if (context.getType() !== 'http') return true;
        const targets = [
            context.getHandler(),
            context.getClass()
        ];
        if (this.reflector.getAllAndOverride(_accessdecorators.PUBLIC_KEY, targets)) return true;
        const req = context.switchToHttp().getRequest();
        const credential = credentialFrom(req.headers);
        if (!credential.bearer && !credential.apiKey) throw new _common.UnauthorizedException('Authentication required: send Authorization: Bearer <token> or X-API-Key');
        const principal = await this.auth.authenticate(credential);
        if (!principal) throw new _common.UnauthorizedException(credential.apiKey ? 'Invalid or revoked API key' : 'Invalid or expired access token');
        req.principal = principal;
        const ctx = (0, _observability.currentContext)();
        if (ctx) ctx.principal = {
            kind: principal.kind,
            id: principal.id,
            userId: principal.userId,
            role: principal.role
        };
        const required = this.reflector.getAllAndOverride(_accessdecorators.ROLE_KEY, targets) ?? 'viewer';
        if (!(0, _contracts.roleAtLeast)(principal.role, required)) throw new _common.ForbiddenException(`This needs the ${required} role; you are ${principal.role}`);
        return true;
    }
};
AccessGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _core.Reflector === "undefined" ? Object : _core.Reflector,
        typeof _authservice.AuthService === "undefined" ? Object : _authservice.AuthService
    ])
], AccessGuard);

//# sourceMappingURL=access.guard.js.map
