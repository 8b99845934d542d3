"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "requestContextMiddleware", {
    enumerable: true,
    get: function() {
        return requestContextMiddleware;
    }
});
const _observability = require("../../../../libs/observability/src");
const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;
function requestContextMiddleware(logger, metrics) {
    return (req, res, next)=>{
        const incoming = req.headers['x-request-id'];
        const requestId = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : (0, _observability.newRequestId)();
        res.setHeader('X-Request-Id', requestId);
        const started = process.hrtime.bigint();
        res.on('finish', ()=>{
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            const route = req.route?.path ? `${req.baseUrl ?? ''}${String(req.route.path)}` : req.path.startsWith('/api') ? '(unmatched)' : '(static)';
            metrics.observeHttp(req.method, route, res.statusCode, seconds);
            const entry = {
                requestId,
                method: req.method,
                route,
                status: res.statusCode,
                ms: Math.round(seconds * 10_000) / 10
            };
            // Successful reads are the bulk of traffic: debug; anything that changes or fails: info and up.
            if (res.statusCode >= 500) logger.warn(entry, 'request failed');
            else if (req.method !== 'GET' || res.statusCode >= 400) logger.info(entry, 'request');
            else logger.debug(entry, 'request');
        });
        (0, _observability.runWithContext)({
            requestId
        }, next);
    };
}

//# sourceMappingURL=request-context.middleware.js.map
