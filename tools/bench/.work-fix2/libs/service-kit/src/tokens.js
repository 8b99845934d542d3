/** Injection tokens of the service kit. */ "use strict";
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
    get DATABASE () {
        return DATABASE;
    },
    get LOGGER () {
        return LOGGER;
    },
    get METRICS () {
        return METRICS;
    },
    get REDIS () {
        return REDIS;
    },
    get SERVICE_CONFIG () {
        return SERVICE_CONFIG;
    },
    get SERVICE_RUNTIME () {
        return SERVICE_RUNTIME;
    }
});
const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');
const REDIS = Symbol('REDIS');
const DATABASE = Symbol('DATABASE');
const LOGGER = Symbol('LOGGER');
const METRICS = Symbol('METRICS');

//# sourceMappingURL=tokens.js.map
