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
    get createRedis () {
        return createRedis;
    },
    get describeRedisUrl () {
        return describeRedisUrl;
    },
    get redisOptionsFromUrl () {
        return redisOptionsFromUrl;
    }
});
const _ioredis = require("ioredis");
function redisOptionsFromUrl(url) {
    const u = new URL(url);
    if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${u.protocol}`);
    return {
        host: u.hostname || '127.0.0.1',
        port: Number(u.port || 6379),
        username: u.username ? decodeURIComponent(u.username) : undefined,
        password: u.password ? decodeURIComponent(u.password) : undefined,
        db: u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0,
        tls: u.protocol === 'rediss:' ? {} : undefined
    };
}
function createRedis(url, name, extra = {}) {
    return new _ioredis.Redis({
        ...redisOptionsFromUrl(url),
        connectionName: `meridian-${name}`,
        lazyConnect: false,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: (times)=>Math.min(100 * times, 2_000),
        ...extra
    });
}
function describeRedisUrl(url) {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || 6379}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
}

//# sourceMappingURL=redis-options.js.map
