import type { INestApplication } from '@nestjs/common';
import { applyHeapPolicy, ConfigError, type ServiceRuntime } from '@meridian/service-kit';
import { createGatewayApp } from './bootstrap';

let app: INestApplication | undefined;
let runtime: ServiceRuntime | undefined;
let stopping = false;
let pending: string | null = null;

async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  runtime?.logger.info({ signal }, 'gateway stopping');
  let code = 0;
  try {
    await app?.close();
    await runtime?.close();
  } catch (err) {
    process.stderr.write(`gateway did not stop cleanly: ${(err as Error).stack ?? err}\n`);
    code = 1;
  }
  process.exit(code);
}

// Installed first: a signal during start-up still releases the embedded database cleanly.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => (app ? void stop(signal) : (pending = signal)));

async function main(): Promise<void> {
  applyHeapPolicy();
  const created = await createGatewayApp();
  app = created.app;
  runtime = created.runtime;
  if (pending) return stop(pending);
  await app.listen(created.config.port, created.config.host);
  runtime.logger.info({ port: created.config.port }, `gateway ready on http://localhost:${created.config.port} (API /api, docs /api/docs)`);
  if (pending) return stop(pending);
}

main().catch(async (err: Error) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `gateway failed to start: ${err.stack ?? err.message}`}\n`);
  await runtime?.close().catch(() => undefined);
  process.exit(1);
});
