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
    get MAX_BODY_DEPTH () {
        return MAX_BODY_DEPTH;
    },
    get bodyDepthLimit () {
        return bodyDepthLimit;
    },
    get bodyParserErrorHandler () {
        return bodyParserErrorHandler;
    }
});
const _observability = require("../../../../libs/observability/src");
function bodyParserErrorHandler(err, _req, res, next) {
    if (!err || typeof err.status !== 'number' || !err.type) return next(err);
    const messages = {
        'entity.parse.failed': 'The request body is not valid JSON',
        'entity.too.large': 'The request body is too large',
        'encoding.unsupported': 'The request body has an unsupported encoding',
        'charset.unsupported': 'The request body has an unsupported charset',
        'entity.verify.failed': 'The request body failed verification',
        'request.aborted': 'The request was aborted',
        'entity.too.deep': `The request body is nested more than ${MAX_BODY_DEPTH} levels deep`
    };
    const status = err.status >= 400 && err.status < 500 ? err.status : 400;
    const body = {
        statusCode: status,
        error: status === 413 ? 'Payload Too Large' : 'Bad Request',
        message: messages[err.type] ?? 'The request body could not be read',
        details: [
            {
                field: 'body',
                rules: {
                    [err.type]: messages[err.type] ?? err.type
                }
            }
        ],
        requestId: (0, _observability.currentContext)()?.requestId
    };
    res.status(status).json(body);
}
const MAX_BODY_DEPTH = 32;
function bodyDepthLimit(req, _res, next) {
    const pending = [
        [
            req.body,
            1
        ]
    ];
    while(pending.length){
        const [value, depth] = pending.pop();
        if (value === null || typeof value !== 'object') continue;
        if (depth > MAX_BODY_DEPTH) return next({
            type: 'entity.too.deep',
            status: 400
        });
        for (const child of Object.values(value))pending.push([
            child,
            depth + 1
        ]);
    }
    next();
}

//# sourceMappingURL=body-errors.js.map
