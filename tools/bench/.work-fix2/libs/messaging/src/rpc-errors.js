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
    get RpcFailure () {
        return RpcFailure;
    },
    get ServiceUnavailableError () {
        return ServiceUnavailableError;
    },
    get isRpcErrorBody () {
        return isRpcErrorBody;
    }
});
let RpcFailure = class RpcFailure extends Error {
    constructor(body){
        super(body.message), this.body = body;
    }
};
function isRpcErrorBody(value) {
    return typeof value === 'object' && value !== null && typeof value.statusCode === 'number' && typeof value.message === 'string';
}
let ServiceUnavailableError = class ServiceUnavailableError extends Error {
    constructor(service, reason){
        super(reason === 'circuit-open' ? `${service} is unavailable (it failed its recent requests; retrying shortly)` : reason === 'timeout' ? `${service} did not answer in time` : `${service} cannot be reached`), this.service = service, this.reason = reason;
    }
};

//# sourceMappingURL=rpc-errors.js.map
