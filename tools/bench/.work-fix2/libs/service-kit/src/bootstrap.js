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
    get createServiceApp () {
        return createServiceApp;
    },
    get createTransportClient () {
        return createTransportClient;
    },
    get createTransportServer () {
        return createTransportServer;
    },
    get runService () {
        return runService;
    }
});
require("reflect-metadata");
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _messaging = require("../../messaging/src");
const _observability = require("../../observability/src");
const _persistence = require("../../persistence/src");
const _config = require("./config");
const _servicekitmodule = require("./service-kit.module");
const _serviceruntime = require("./service-runtime");
const _servicerun = require("./service-run");
const _nodeos = require("node:os");
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
/** Options of the NestJS Redis transport, for servers and clients alike; reconnects forever. */ function transportOptions(redisUrl) {
    return {
        ...pick((0, _messaging.redisOptionsFromUrl)(redisUrl)),
        retryAttempts: Number.MAX_SAFE_INTEGER,
        retryDelay: 500
    };
}
function createTransportClient(config) {
    return new _messaging.NamespacedClientRedis(config.namespace, transportOptions(config.redisUrl));
}
function createTransportServer(config) {
    return {
        strategy: new _messaging.NamespacedServerRedis(config.namespace, transportOptions(config.redisUrl))
    };
}
function asArray(list) {
    return Array.isArray(list) ? list : Object.values(list);
}
function pick(o) {
    return {
        host: o.host,
        port: o.port,
        username: o.username,
        password: o.password,
        db: o.db,
        tls: o.tls
    };
}
let ServiceRootModule = class ServiceRootModule {
    static register(runtime, imports) {
        return {
            module: ServiceRootModule,
            imports: [
                _servicekitmodule.ServiceKitModule.forRoot(runtime),
                ...imports
            ]
        };
    }
};
ServiceRootModule = _ts_decorate([
    (0, _common.Module)({})
], ServiceRootModule);
async function createServiceApp(def, env = process.env) {
    const config = (0, _config.loadServiceConfig)(def.service, env);
    const redis = (0, _messaging.createRedis)(config.redisUrl, def.service);
    const logSink = new _observability.RedisLogSink(redis, config.namespace);
    const logger = (0, _observability.createLogger)({
        service: def.service,
        level: config.logLevel,
        sink: logSink,
        destination: config.logConsole ? undefined : null
    });
    const database = await (0, _persistence.openDatabase)({
        service: def.service,
        schema: config.databaseSchema,
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        entities: [
            _servicerun.ServiceRunEntity,
            ...asArray(def.entities)
        ],
        migrations: [
            _servicerun.CreateServiceRuns1764100000000,
            ...asArray(def.migrations)
        ]
    });
    await database.dataSource.getRepository(_servicerun.ServiceRunEntity).insert({
        version: def.version,
        host: (0, _nodeos.hostname)(),
        pid: process.pid,
        startedAt: new Date()
    });
    logger.info({
        backing: database.backing
    }, `database: ${database.backing.description}`);
    const runtime = new _serviceruntime.ServiceRuntime(config, def.version, logger, redis, logSink, new _observability.ProcessMetrics(def.service), database);
    const app = await _core.NestFactory.create(ServiceRootModule.register(runtime, def.imports), {
        logger: new _observability.PinoNestLogger(logger),
        abortOnError: false
    });
    app.connectMicroservice(createTransportServer(config));
    app.enableShutdownHooks();
    return {
        app,
        runtime
    };
}
async function runService(def) {
    let runtime;
    try {
        const created = await createServiceApp(def);
        runtime = created.runtime;
        const { app } = created;
        await app.startAllMicroservices();
        await app.listen(runtime.config.port, runtime.config.host);
        runtime.logger.info({
            port: runtime.config.port,
            version: def.version
        }, `${def.service} ready on :${runtime.config.port}`);
        const stop = async (signal)=>{
            runtime?.logger.info({
                signal
            }, `${def.service} stopping`);
            await app.close();
            await runtime?.close();
            process.exit(0);
        };
        process.once('SIGTERM', ()=>void stop('SIGTERM'));
        process.once('SIGINT', ()=>void stop('SIGINT'));
    } catch (err) {
        const message = err instanceof _config.ConfigError ? err.message : `${def.service} failed to start: ${err.message}`;
        runtime?.logger.fatal({
            err
        }, message);
        process.stderr.write(`${message}\n`);
        await runtime?.close().catch(()=>undefined);
        process.exit(1);
    }
}

//# sourceMappingURL=bootstrap.js.map
