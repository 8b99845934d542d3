"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "createGatewayApp", {
    enumerable: true,
    get: function() {
        return createGatewayApp;
    }
});
require("reflect-metadata");
const _nodefs = require("node:fs");
const _nodepath = require("node:path");
const _core = require("@nestjs/core");
const _platformws = require("@nestjs/platform-ws");
const _express = /*#__PURE__*/ _interop_require_default(require("express"));
const _helmet = /*#__PURE__*/ _interop_require_default(require("helmet"));
const _messaging = require("../../../libs/messaging/src");
const _observability = require("../../../libs/observability/src");
const _persistence = require("../../../libs/persistence/src");
const _servicekit = require("../../../libs/service-kit/src");
const _nodeos = require("node:os");
const _appmodule = require("./app.module");
const _jwtsecret = require("./auth/jwt-secret");
const _gatewayconfig = require("./core/gateway.config");
const _gatewayentities = require("./gateway.entities");
const _bodyerrors = require("./http/body-errors");
const _requestcontextmiddleware = require("./http/request-context.middleware");
const _openapi = require("./openapi");
const _migrations = require("./migrations");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
async function createGatewayApp(env = process.env) {
    const config = (0, _gatewayconfig.loadGatewayConfig)(env);
    const redis = (0, _messaging.createRedis)(config.redisUrl, 'gateway');
    const logSink = new _observability.RedisLogSink(redis, config.namespace);
    const logger = (0, _observability.createLogger)({
        service: 'gateway',
        level: config.logLevel,
        sink: logSink,
        destination: config.logConsole ? undefined : null
    });
    const database = await (0, _persistence.openDatabase)({
        service: 'gateway',
        schema: config.databaseSchema,
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        entities: [
            _servicekit.ServiceRunEntity,
            ..._gatewayentities.gatewayEntities
        ],
        migrations: [
            _servicekit.CreateServiceRuns1764100000000,
            ..._migrations.gatewayMigrations
        ]
    });
    const version = (0, _servicekit.platformVersion)();
    await database.dataSource.getRepository(_servicekit.ServiceRunEntity).insert({
        version,
        host: (0, _nodeos.hostname)(),
        pid: process.pid,
        startedAt: new Date()
    });
    logger.info({
        backing: database.backing
    }, `database: ${database.backing.description}`);
    const runtime = new _servicekit.ServiceRuntime(config, version, logger, redis, logSink, new _observability.ProcessMetrics('gateway'), database);
    const jwt = await (0, _jwtsecret.resolveJwtSecret)(database.dataSource, config.jwtSecret);
    if (jwt.source === 'database') logger.info('JWT_SECRET not set: using the signing secret generated and kept in the gateway database');
    const app = await _core.NestFactory.create(_appmodule.AppModule.register(runtime, config, jwt.secret), {
        logger: new _observability.PinoNestLogger(logger),
        bodyParser: false,
        abortOnError: false
    });
    app.set('trust proxy', 'loopback, linklocal, uniquelocal');
    app.disable('x-powered-by');
    app.use((0, _requestcontextmiddleware.requestContextMiddleware)(logger, runtime.metrics));
    app.use((0, _helmet.default)({
        contentSecurityPolicy: {
            directives: {
                'default-src': [
                    "'self'"
                ],
                'connect-src': [
                    "'self'",
                    'ws:',
                    'wss:'
                ],
                'img-src': [
                    "'self'",
                    'data:'
                ],
                'style-src': [
                    "'self'",
                    "'unsafe-inline'"
                ],
                'script-src': [
                    "'self'"
                ]
            }
        }
    }));
    app.enableCors({
        origin: config.corsOrigins,
        credentials: false,
        exposedHeaders: [
            'X-Request-Id',
            'Retry-After'
        ]
    });
    app.use(_express.default.json({
        limit: config.bodyLimit,
        strict: true
    }));
    app.use(_bodyerrors.bodyDepthLimit);
    app.use(_bodyerrors.bodyParserErrorHandler);
    app.setGlobalPrefix('api', {
        exclude: [
            'metrics'
        ]
    });
    app.useWebSocketAdapter(new _platformws.WsAdapter(app));
    app.useGlobalPipes((0, _servicekit.createValidationPipe)());
    (0, _openapi.setupOpenApi)(app, version);
    serveWebApp(app, (0, _nodepath.resolve)(config.webDist), logger);
    app.enableShutdownHooks();
    return {
        app,
        runtime,
        config
    };
}
/** In production the gateway serves the built SPA too, so one address serves both. */ function serveWebApp(app, dir, logger) {
    if (!(0, _nodefs.existsSync)((0, _nodepath.join)(dir, 'index.html'))) {
        logger.info({
            dir
        }, 'web app not built; serving the API only');
        return;
    }
    app.useStaticAssets(dir, {
        index: false,
        maxAge: '1h',
        immutable: false
    });
    app.use((req, res, next)=>{
        if (req.method !== 'GET' || req.path.startsWith('/api') || req.path === '/metrics' || req.path.includes('.')) return next();
        res.sendFile((0, _nodepath.join)(dir, 'index.html'));
    });
    logger.info({
        dir
    }, 'serving the web app');
}

//# sourceMappingURL=bootstrap.js.map
