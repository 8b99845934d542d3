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
    get RpcContextInterceptor () {
        return RpcContextInterceptor;
    },
    get RpcController () {
        return RpcController;
    },
    get RpcErrorFilter () {
        return RpcErrorFilter;
    }
});
const _common = require("@nestjs/common");
const _rxjs = require("rxjs");
const _messaging = require("../../messaging/src");
const _observability = require("../../observability/src");
const _tokens = require("./tokens");
const _validation = require("./validation");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let RpcContextInterceptor = class RpcContextInterceptor {
    constructor(metrics){
        this.metrics = metrics;
    }
    intercept(context, next) {
        const rpc = context.switchToRpc();
        const envelope = rpc.getData();
        const ctx = envelope?.ctx?.requestId ? envelope.ctx : {
            requestId: (0, _observability.newRequestId)()
        };
        // The channel carries the namespace prefix; the metric is labelled by the plain pattern.
        const pattern = String(rpc.getContext()?.getChannel?.() ?? 'unknown').replace(/^[^:]*:/, '');
        const started = performance.now();
        return new _rxjs.Observable((subscriber)=>(0, _observability.runWithContext)(ctx, ()=>next.handle().pipe((0, _rxjs.tap)({
                    next: ()=>this.metrics.rpcDuration.observe({
                            pattern,
                            outcome: 'ok'
                        }, (performance.now() - started) / 1000),
                    error: ()=>this.metrics.rpcDuration.observe({
                            pattern,
                            outcome: 'error'
                        }, (performance.now() - started) / 1000)
                })).subscribe(subscriber)));
    }
};
RpcContextInterceptor = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_tokens.METRICS)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ProcessMetrics === "undefined" ? Object : ProcessMetrics
    ])
], RpcContextInterceptor);
let RpcErrorFilter = class RpcErrorFilter {
    constructor(logger){
        this.logger = logger;
    }
    catch(exception, _host) {
        return (0, _rxjs.throwError)(()=>this.toBody(exception));
    }
    toBody(exception) {
        if (exception instanceof _messaging.RpcFailure) return exception.body;
        if (exception instanceof _validation.InvalidInputException) {
            return {
                statusCode: 400,
                error: 'Bad Request',
                message: exception.getResponse().message,
                details: exception.fields
            };
        }
        if (exception instanceof _common.HttpException) {
            const res = exception.getResponse();
            const message = typeof res === 'string' ? res : String(res.message ?? exception.message);
            return {
                statusCode: exception.getStatus(),
                error: exception.name.replace(/Exception$/, ''),
                message
            };
        }
        this.logger.error({
            err: exception
        }, 'unhandled error in a message handler');
        return {
            statusCode: 500,
            error: 'Internal Server Error',
            message: 'The service failed to handle the request; see its logs.'
        };
    }
};
RpcErrorFilter = _ts_decorate([
    (0, _common.Catch)(),
    _ts_param(0, (0, _common.Inject)(_tokens.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Logger === "undefined" ? Object : Logger
    ])
], RpcErrorFilter);
function RpcController() {
    return (0, _common.applyDecorators)((0, _common.Controller)(), (0, _common.UseInterceptors)(RpcContextInterceptor), (0, _common.UsePipes)((0, _validation.createValidationPipe)()), (0, _common.UseFilters)(RpcErrorFilter));
}

//# sourceMappingURL=rpc.js.map
