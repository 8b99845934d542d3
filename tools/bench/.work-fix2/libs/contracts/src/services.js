/** The deployable processes of Meridian. The gateway talks to the other three over Redis. */ "use strict";
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
    get ALL_SERVICES () {
        return ALL_SERVICES;
    },
    get BACKEND_SERVICES () {
        return BACKEND_SERVICES;
    },
    get DEFAULT_PORTS () {
        return DEFAULT_PORTS;
    },
    get isBackendService () {
        return isBackendService;
    }
});
const BACKEND_SERVICES = [
    'intelligence',
    'execution',
    'simulation'
];
const ALL_SERVICES = [
    'gateway',
    ...BACKEND_SERVICES
];
const DEFAULT_PORTS = {
    gateway: 3000,
    intelligence: 8000,
    execution: 8001,
    simulation: 8002
};
function isBackendService(name) {
    return BACKEND_SERVICES.includes(name);
}

//# sourceMappingURL=services.js.map
