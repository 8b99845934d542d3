import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { createRedis } from '@meridian/messaging';
import { createLogger, PinoNestLogger, ProcessMetrics, RedisLogSink } from '@meridian/observability';
import { openDatabase } from '@meridian/persistence';
import { CreateServiceRuns1764100000000, ServiceRunEntity, ServiceRuntime, createValidationPipe, platformVersion } from '@meridian/service-kit';
import { hostname } from 'node:os';
import { AppModule } from './app.module';
import { resolveJwtSecret } from './auth/jwt-secret';
import { loadGatewayConfig } from './core/gateway.config';
import { gatewayEntities } from './gateway.entities';
import { bodyParserErrorHandler, checkJsonBody } from './http/body-errors';
import { GatewayExpressAdapter } from './http/express-http-adapter';
import { requestContextMiddleware } from './http/request-context.middleware';
import { setupOpenApi } from './openapi';
import { gatewayMigrations } from './migrations';

/** Builds the gateway (database migrated, routes, docs, WebSocket, web app) without listening. */
export async function createGatewayApp(env: NodeJS.ProcessEnv = process.env) {
  const config = loadGatewayConfig(env);
  const redis = createRedis(config.redisUrl, 'gateway');
  const logSink = new RedisLogSink(redis, config.namespace);
  const logger = createLogger({ service: 'gateway', level: config.logLevel, sink: logSink, destination: config.logConsole ? undefined : null });
  const database = await openDatabase({
    service: 'gateway',
    schema: config.databaseSchema,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    entities: [ServiceRunEntity, ...gatewayEntities],
    migrations: [CreateServiceRuns1764100000000, ...gatewayMigrations],
  });
  const version = platformVersion();
  await database.dataSource.getRepository(ServiceRunEntity).insert({ version, host: hostname(), pid: process.pid, startedAt: new Date() });
  logger.info({ backing: database.backing }, `database: ${database.backing.description}`);
  const runtime = new ServiceRuntime(config, version, logger, redis, logSink, new ProcessMetrics('gateway'), database, env);
  const jwt = await resolveJwtSecret(database.dataSource, config.jwtSecret);
  if (jwt.source === 'database') logger.info('JWT_SECRET not set: using the signing secret generated and kept in the gateway database');

  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(runtime, config, jwt.secret), new GatewayExpressAdapter(), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use(requestContextMiddleware(logger, runtime.metrics));
  app.use(helmet({
    contentSecurityPolicy: {
      directives: { 'default-src': ["'self'"], 'connect-src': ["'self'", 'ws:', 'wss:'], 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"], 'script-src': ["'self'"] },
    },
  }));
  app.enableCors({ origin: config.corsOrigins, credentials: false, exposedHeaders: ['X-Request-Id', 'Retry-After'] });
  app.use(express.json({ limit: config.bodyLimit, strict: true }));
  app.use(checkJsonBody);
  app.use(bodyParserErrorHandler);
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useWebSocketAdapter(new WsAdapter(app));
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, version);
  serveWebApp(app, resolve(config.webDist), logger);
  return { app, runtime, config };
}

/** In production the gateway serves the built SPA too, so one address serves both. */
function serveWebApp(app: NestExpressApplication, dir: string, logger: { info: (o: object, m: string) => void }) {
  if (!existsSync(join(dir, 'index.html'))) {
    logger.info({ dir }, 'web app not built; serving the API only');
    return;
  }
  app.useStaticAssets(dir, { index: false, maxAge: '1h', immutable: false });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path === '/metrics' || req.path.includes('.')) return next();
    res.sendFile(join(dir, 'index.html'));
  });
  logger.info({ dir }, 'serving the web app');
}
