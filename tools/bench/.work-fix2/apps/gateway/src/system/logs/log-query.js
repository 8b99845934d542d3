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
    get matches () {
        return matches;
    },
    get parseLogLine () {
        return parseLogLine;
    }
});
const _contracts = require("../../../../../libs/contracts/src");
const PINO_LEVELS = {
    10: 'trace',
    20: 'debug',
    30: 'info',
    40: 'warn',
    50: 'error',
    60: 'fatal'
};
const RESERVED = new Set([
    'level',
    'time',
    'service',
    'msg',
    'pid',
    'requestId',
    'hostname'
]);
function parseLogLine(id, line) {
    let raw;
    try {
        raw = JSON.parse(line);
    } catch  {
        return null;
    }
    const level = typeof raw.level === 'number' ? PINO_LEVELS[raw.level] : raw.level;
    if (!level || !_contracts.LOG_LEVELS.includes(level)) return null;
    const context = {};
    for (const [k, v] of Object.entries(raw))if (!RESERVED.has(k)) context[k] = v;
    return {
        id,
        time: typeof raw.time === 'string' ? raw.time : new Date(Number(id.split('-')[0])).toISOString(),
        service: String(raw.service ?? 'unknown'),
        level,
        msg: String(raw.msg ?? ''),
        requestId: typeof raw.requestId === 'string' ? raw.requestId : undefined,
        context: Object.keys(context).length ? context : undefined
    };
}
function matches(entry, f) {
    if (f.service && entry.service !== f.service) return false;
    if (f.level && _contracts.LOG_LEVELS.indexOf(entry.level) < _contracts.LOG_LEVELS.indexOf(f.level)) return false;
    if (f.q) {
        const needle = f.q.toLowerCase();
        if (!entry.msg.toLowerCase().includes(needle) && !(entry.requestId ?? '').toLowerCase().includes(needle)) return false;
    }
    return true;
}

//# sourceMappingURL=log-query.js.map
