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
    get NOT_HALTED () {
        return NOT_HALTED;
    },
    get haltKey () {
        return haltKey;
    },
    get readHalt () {
        return readHalt;
    },
    get writeHalt () {
        return writeHalt;
    }
});
const haltKey = (namespace)=>`${namespace}:platform:halt`;
const NOT_HALTED = {
    halted: false,
    reason: null,
    by: null,
    at: null
};
async function readHalt(redis, namespace) {
    const raw = await redis.get(haltKey(namespace));
    if (!raw) return NOT_HALTED;
    try {
        return JSON.parse(raw);
    } catch  {
        return NOT_HALTED;
    }
}
async function writeHalt(redis, namespace, state) {
    await redis.set(haltKey(namespace), JSON.stringify(state));
}

//# sourceMappingURL=halt-store.js.map
