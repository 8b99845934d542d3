"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ServiceClient", {
    enumerable: true,
    get: function() {
        return ServiceClient;
    }
});
const _rxjs = require("rxjs");
const _resilience = require("../../resilience/src");
const _rpcerrors = require("./rpc-errors");
let ServiceClient = class ServiceClient {
    constructor(service, proxy, timeoutMs){
        this.service = service;
        this.proxy = proxy;
        this.timeoutMs = timeoutMs;
        this.circuit = new _resilience.CircuitBreaker(service, {
            volumeThreshold: 3,
            errorThresholdPercentage: 50,
            resetTimeoutMs: 3_000,
            isAnswer: (err)=>err instanceof _rpcerrors.RpcFailure
        });
    }
    get circuitState() {
        return this.circuit.state;
    }
    async connect() {
        await this.proxy.connect();
    }
    /** Sends a request; resolves with the answer or rejects with RpcFailure / ServiceUnavailableError. */ async send(pattern, data, ctx, deadlineMs) {
        try {
            return await this.circuit.execute(()=>this.rawSend(pattern, data, ctx, deadlineMs));
        } catch (err) {
            if (err instanceof _resilience.CircuitOpenError) throw new _rpcerrors.ServiceUnavailableError(this.service, 'circuit-open');
            throw err;
        }
    }
    /** Bypasses the breaker: used by health probes, which then open or close it. */ async rawSend(pattern, data, ctx, deadlineMs) {
        const envelope = {
            ctx,
            data
        };
        try {
            return await (0, _rxjs.firstValueFrom)(this.proxy.send(pattern, envelope).pipe((0, _rxjs.timeout)(deadlineMs ?? this.timeoutMs())));
        } catch (err) {
            if (err instanceof _rxjs.TimeoutError) throw new _rpcerrors.ServiceUnavailableError(this.service, 'timeout');
            if ((0, _rpcerrors.isRpcErrorBody)(err)) throw new _rpcerrors.RpcFailure(err);
            if (err instanceof _rpcerrors.ServiceUnavailableError) throw err;
            throw new _rpcerrors.ServiceUnavailableError(this.service, 'not-connected');
        }
    }
    /** Fire-and-forget notification (may be lost if nobody listens: see CONVENTIONS). */ emit(pattern, data, ctx) {
        this.proxy.emit(pattern, {
            ctx,
            data
        }).subscribe({
            error: ()=>undefined
        });
    }
    async close() {
        this.circuit.shutdown();
        await this.proxy.close();
    }
};

//# sourceMappingURL=service-client.js.map
