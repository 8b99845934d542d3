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
    get EVENTS () {
        return EVENTS;
    },
    get WS_CHANNELS () {
        return WS_CHANNELS;
    }
});
const EVENTS = {
    haltChanged: 'platform.halt.changed.v1',
    configChanged: 'system.config.changed.v1',
    maintenanceChanged: 'system.maintenance.changed.v1'
};
const WS_CHANNELS = [
    'health',
    'metrics',
    'alerts',
    'system'
];

//# sourceMappingURL=events.js.map
