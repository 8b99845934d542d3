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
    get ApiExceptionFilter () {
        return ApiExceptionFilter;
    },
    get toApiError () {
        return toApiError;
    }
});
const _common = require("@nestjs/common");
const _throttler = require("@nestjs/throttler");
const _messaging = require("../../../../libs/messaging/src");
const _observability = require("../../../../libs/observability/src");
const _servicekit = require("../../../../libs/service-kit/src");
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
function toApiError(exception, logger) {
    const requestId = (0, _observability.currentContext)()?.requestId;
    if (exception instanceof _servicekit.InvalidInputException) {
        return {
            statusCode: 400,
            error: 'Bad Request',
            message: exception.getResponse().message,
            details: exception.fields,
            requestId
        };
    }
    if (exception instanceof _messaging.ServiceUnavailableError) {
        return {
            statusCode: 503,
            error: 'Service Unavailable',
            message: exception.message,
            service: exception.service,
            requestId
        };
    }
    if (exception instanceof _messaging.RpcFailure) {
        const b = exception.body;
        return {
            statusCode: b.statusCode,
            error: b.error,
            message: b.message,
            details: b.details,
            requestId
        };
    }
    if (exception instanceof _throttler.ThrottlerException) {
        return {
            statusCode: 429,
            error: 'Too Many Requests',
            message: 'Rate limit exceeded; slow down and retry after the Retry-After delay',
            requestId
        };
    }
    if (exception instanceof _common.HttpException) {
        const status = exception.getStatus();
        const res = exception.getResponse();
        const raw = typeof res === 'string' ? res : res.message;
        const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
        const service = typeof res === 'object' && res && 'service' in res ? String(res.service) : undefined;
        return {
            statusCode: status,
            error: _common.HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase().replace(/\b\w/g, (c)=>c.toUpperCase()) ?? 'Error',
            message,
            service,
            requestId
        };
    }
    logger.error({
        err: exception
    }, 'unhandled error');
    return {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong on our side; the request id is in the logs',
        requestId
    };
}
let ApiExceptionFilter = class ApiExceptionFilter {
    constructor(logger){
        this.logger = logger;
    }
    catch(exception, host) {
        if (host.getType() !== 'http') return;
        const res = host.switchToHttp().getResponse();
        const body = toApiError(exception, this.logger);
        if (res.headersSent) return;
        res.status(body.statusCode).json(body);
    }
};
ApiExceptionFilter = _ts_decorate([
    (0, _common.Catch)(),
    _ts_param(0, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Logger === "undefined" ? Object : Logger
    ])
], ApiExceptionFilter);

//# sourceMappingURL=api-exception.filter.js.map
