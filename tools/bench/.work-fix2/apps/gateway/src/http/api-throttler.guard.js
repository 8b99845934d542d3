"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ApiThrottlerGuard", {
    enumerable: true,
    get: function() {
        return ApiThrottlerGuard;
    }
});
const _common = require("@nestjs/common");
const _throttler = require("@nestjs/throttler");
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
let ApiThrottlerGuard = class ApiThrottlerGuard extends _throttler.ThrottlerGuard {
    async getTracker(req) {
        const principal = req.principal;
        if (principal) return `${principal.kind}:${principal.id}`;
        const ip = `ip:${String(req.ip ?? 'unknown')}`;
        // Login attempts count per address and account: guessing one password is slowed, colleagues behind one NAT are not.
        const email = req.body?.email;
        if (req.path === '/api/auth/login' && typeof email === 'string') return `${ip}:login:${email.toLowerCase().slice(0, 254)}`;
        return ip;
    }
};
ApiThrottlerGuard = _ts_decorate([
    (0, _common.Injectable)()
], ApiThrottlerGuard);

//# sourceMappingURL=api-throttler.guard.js.map
