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
    get GATEWAY_CONFIG () {
        return GATEWAY_CONFIG;
    },
    get loadGatewayConfig () {
        return loadGatewayConfig;
    }
});
const _zod = require("zod");
const _servicekit = require("../../../../libs/service-kit/src");
const gatewaySchema = _servicekit.baseConfigSchema.extend({
    JWT_SECRET: _zod.z.string().min(32, 'must be at least 32 characters').optional(),
    ADMIN_EMAIL: _zod.z.string().email('must be an e-mail address').default('admin@meridian.local'),
    ADMIN_PASSWORD: _zod.z.string().min(10, 'must be at least 10 characters').optional(),
    CORS_ORIGINS: _zod.z.string().default('http://localhost:3000,http://localhost:5173'),
    ACCESS_TOKEN_TTL_SEC: _zod.z.coerce.number().int().min(60).max(86_400).default(900),
    REFRESH_TOKEN_TTL_SEC: _zod.z.coerce.number().int().min(300).max(90 * 86_400).default(14 * 86_400),
    WEB_DIST: _zod.z.string().default('dist/apps/web'),
    BODY_LIMIT: _zod.z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 1mb').default('1mb'),
    HEALTH_INTERVAL_MS: _zod.z.coerce.number().int().min(200).max(60_000).default(1_000)
});
function loadGatewayConfig(env = process.env) {
    const e = (0, _servicekit.parseEnv)(gatewaySchema, env);
    return {
        ...(0, _servicekit.loadServiceConfig)('gateway', env),
        jwtSecret: e.JWT_SECRET,
        adminEmail: e.ADMIN_EMAIL,
        adminPassword: e.ADMIN_PASSWORD,
        corsOrigins: e.CORS_ORIGINS.split(',').map((s)=>s.trim()).filter(Boolean),
        accessTokenTtlSec: e.ACCESS_TOKEN_TTL_SEC,
        refreshTokenTtlSec: e.REFRESH_TOKEN_TTL_SEC,
        webDist: e.WEB_DIST,
        bodyLimit: e.BODY_LIMIT,
        healthIntervalMs: e.HEALTH_INTERVAL_MS
    };
}
const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

//# sourceMappingURL=gateway.config.js.map
