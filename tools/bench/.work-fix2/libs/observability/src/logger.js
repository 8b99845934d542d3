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
    get PinoNestLogger () {
        return PinoNestLogger;
    },
    get createLogger () {
        return createLogger;
    }
});
const _pino = /*#__PURE__*/ _interop_require_default(require("pino"));
const _requestcontext = require("./request-context");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
function createLogger(opts) {
    const level = opts.level ?? 'info';
    const streamLevel = level === 'silent' ? 'fatal' : level;
    const streams = [];
    if (opts.destination !== null) streams.push({
        level: streamLevel,
        stream: opts.destination ?? _pino.default.destination({
            dest: 1,
            sync: false
        })
    });
    if (opts.sink) streams.push({
        level: 'info',
        stream: opts.sink
    });
    return (0, _pino.default)({
        level,
        base: {
            service: opts.service,
            pid: process.pid
        },
        timestamp: _pino.default.stdTimeFunctions.isoTime,
        formatters: {
            level: (label)=>({
                    level: label
                })
        },
        mixin () {
            const ctx = (0, _requestcontext.currentContext)();
            return ctx ? {
                requestId: ctx.requestId
            } : {};
        }
    }, _pino.default.multistream(streams));
}
let PinoNestLogger = class PinoNestLogger {
    constructor(logger){
        this.logger = logger;
    }
    log(message, context) {
        // Nest's own start-up chatter (modules, routes) is detail; the services log what matters themselves.
        this.logger.debug({
            context
        }, String(message));
    }
    error(message, trace, context) {
        this.logger.error({
            context,
            trace
        }, message instanceof Error ? message.message : String(message));
    }
    warn(message, context) {
        this.logger.warn({
            context
        }, String(message));
    }
    debug(message, context) {
        this.logger.debug({
            context
        }, String(message));
    }
    verbose(message, context) {
        this.logger.trace({
            context
        }, String(message));
    }
};

//# sourceMappingURL=logger.js.map
