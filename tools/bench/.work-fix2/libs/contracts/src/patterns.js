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
    get EXECUTION_PATTERNS () {
        return EXECUTION_PATTERNS;
    },
    get SYSTEM_PATTERNS () {
        return SYSTEM_PATTERNS;
    },
    get servicePattern () {
        return servicePattern;
    }
});
const SYSTEM_PATTERNS = {
    health: 'system.health.get.v1',
    status: 'system.status.get.v1'
};
function servicePattern(service, pattern) {
    return `${service}.${pattern}`;
}
const EXECUTION_PATTERNS = {
    emergencyStop: 'execution.platform.emergency-stop.v1',
    resume: 'execution.platform.resume.v1'
};

//# sourceMappingURL=patterns.js.map
