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
    get currentContext () {
        return currentContext;
    },
    get newRequestId () {
        return newRequestId;
    },
    get runWithContext () {
        return runWithContext;
    }
});
const _nodeasync_hooks = require("node:async_hooks");
const _nodecrypto = require("node:crypto");
/** Carries the request id (and who asked) through async work, so every log line can name it. */ const storage = new _nodeasync_hooks.AsyncLocalStorage();
function runWithContext(ctx, fn) {
    return storage.run(ctx, fn);
}
function currentContext() {
    return storage.getStore();
}
function newRequestId() {
    return (0, _nodecrypto.randomUUID)();
}

//# sourceMappingURL=request-context.js.map
