"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _servicekit = require("../../../libs/service-kit/src");
const _bootstrap = require("./bootstrap");
async function main() {
    const { app, runtime, config } = await (0, _bootstrap.createGatewayApp)();
    await app.listen(config.port, config.host);
    runtime.logger.info({
        port: config.port
    }, `gateway ready on http://localhost:${config.port} (API /api, docs /api/docs)`);
    const stop = async (signal)=>{
        runtime.logger.info({
            signal
        }, 'gateway stopping');
        await app.close();
        await runtime.close();
        process.exit(0);
    };
    process.once('SIGTERM', ()=>void stop('SIGTERM'));
    process.once('SIGINT', ()=>void stop('SIGINT'));
}
main().catch((err)=>{
    process.stderr.write(`${err instanceof _servicekit.ConfigError ? err.message : `gateway failed to start: ${err.stack ?? err.message}`}\n`);
    process.exit(1);
});

//# sourceMappingURL=main.js.map
