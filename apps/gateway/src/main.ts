import { ConfigError } from '@meridian/service-kit';
import { createGatewayApp } from './bootstrap';

async function main(): Promise<void> {
  const { app, runtime, config } = await createGatewayApp();
  await app.listen(config.port, config.host);
  runtime.logger.info({ port: config.port }, `gateway ready on http://localhost:${config.port} (API /api, docs /api/docs)`);
  const stop = async (signal: string) => {
    runtime.logger.info({ signal }, 'gateway stopping');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `gateway failed to start: ${err.stack ?? err.message}`}\n`);
  process.exit(1);
});
