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
    get LOG_LEVELS () {
        return LOG_LEVELS;
    },
    get MAINTENANCE_TASKS () {
        return MAINTENANCE_TASKS;
    },
    get ROLES () {
        return ROLES;
    },
    get roleAtLeast () {
        return roleAtLeast;
    }
});
const ROLES = [
    'viewer',
    'trader',
    'admin'
];
function roleAtLeast(role, required) {
    return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
const MAINTENANCE_TASKS = [
    'prune-logs',
    'prune-metrics',
    'prune-alerts'
];
const LOG_LEVELS = [
    'trace',
    'debug',
    'info',
    'warn',
    'error',
    'fatal'
];

//# sourceMappingURL=api.js.map
