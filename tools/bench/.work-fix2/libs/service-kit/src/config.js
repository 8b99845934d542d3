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
    get ConfigError () {
        return ConfigError;
    },
    get baseConfigSchema () {
        return baseConfigSchema;
    },
    get loadServiceConfig () {
        return loadServiceConfig;
    },
    get parseEnv () {
        return parseEnv;
    }
});
const _zod = require("zod");
const _contracts = require("../../contracts/src");
const logLevel = _zod.z.enum([
    'trace',
    'debug',
    'info',
    'warn',
    'error',
    'fatal',
    'silent'
]);
const baseConfigSchema = _zod.z.object({
    NODE_ENV: _zod.z.enum([
        'development',
        'production',
        'test'
    ]).default('development'),
    LOG_LEVEL: logLevel.default('info'),
    /** Write logs to stdout as well as to the shared log stream (tests turn it off). */ LOG_CONSOLE: _zod.z.enum([
        'true',
        'false'
    ]).default('true'),
    HOST: _zod.z.string().default('0.0.0.0'),
    PORT: _zod.z.coerce.number().int().min(0).max(65535).optional(),
    REDIS_URL: _zod.z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
    DATABASE_URL: _zod.z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    DATABASE_SCHEMA: _zod.z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case identifier').optional(),
    DATA_DIR: _zod.z.string().default('.data'),
    /** Prefix of every Redis key and channel Meridian owns (queues, halt, logs, live events); lets test runs share a Redis. */ REDIS_NAMESPACE: _zod.z.string().regex(/^[a-zA-Z0-9_-]+$/, 'must be letters, digits, _ or -').default('meridian')
});
let ConfigError = class ConfigError extends Error {
};
function parseEnv(schema, env) {
    const result = schema.safeParse(env);
    if (!result.success) {
        const issue = result.error.issues[0];
        throw new ConfigError(`Configuration error: ${issue.path.join('.')} ${issue.message}.`);
    }
    return result.data;
}
function loadServiceConfig(service, env = process.env) {
    const e = parseEnv(baseConfigSchema, env);
    return {
        service,
        nodeEnv: e.NODE_ENV,
        logLevel: e.LOG_LEVEL,
        logConsole: e.LOG_CONSOLE === 'true',
        host: e.HOST,
        port: e.PORT ?? _contracts.DEFAULT_PORTS[service],
        redisUrl: e.REDIS_URL,
        databaseUrl: e.DATABASE_URL,
        databaseSchema: e.DATABASE_SCHEMA ?? service,
        dataDir: e.DATA_DIR,
        namespace: e.REDIS_NAMESPACE
    };
}

//# sourceMappingURL=config.js.map
