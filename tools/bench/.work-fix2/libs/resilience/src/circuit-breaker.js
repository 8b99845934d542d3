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
    get CircuitBreaker () {
        return CircuitBreaker;
    },
    get CircuitOpenError () {
        return CircuitOpenError;
    }
});
const _opossum = /*#__PURE__*/ _interop_require_default(require("opossum"));
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
let CircuitOpenError = class CircuitOpenError extends Error {
    constructor(circuit){
        super(`circuit ${circuit} is open`), this.circuit = circuit;
    }
};
let CircuitBreaker = class CircuitBreaker {
    constructor(name, opts = {}){
        this.name = name;
        this.breaker = new _opossum.default((fn)=>fn(), {
            timeout: false,
            errorThresholdPercentage: opts.errorThresholdPercentage ?? 50,
            volumeThreshold: opts.volumeThreshold ?? 3,
            resetTimeout: opts.resetTimeoutMs ?? 5_000,
            rollingCountTimeout: opts.rollingWindowMs ?? 10_000,
            errorFilter: opts.isAnswer,
            name
        });
    }
    get state() {
        if (this.breaker.opened) return 'open';
        if (this.breaker.halfOpen) return 'half-open';
        return 'closed';
    }
    async execute(fn) {
        try {
            return await this.breaker.fire(fn);
        } catch (err) {
            if (err.code === 'EOPENBREAKER') throw new CircuitOpenError(this.name);
            throw err;
        }
    }
    open() {
        if (!this.breaker.opened) this.breaker.open();
    }
    close() {
        if (!this.breaker.closed) this.breaker.close();
    }
    onStateChange(listener) {
        this.breaker.on('open', ()=>listener('open'));
        this.breaker.on('halfOpen', ()=>listener('half-open'));
        this.breaker.on('close', ()=>listener('closed'));
    }
    shutdown() {
        this.breaker.shutdown();
    }
};

//# sourceMappingURL=circuit-breaker.js.map
