// The baseline of tools/bench/gateway-transport.mjs: the smallest NestJS 12 app on express that
// answers one GET with a small JSON body. No guards, no middleware, no Redis, no database, no
// logger, so the gateway's numbers can be read as "Nest on express" plus what Meridian adds.
// Compiled with @swc/core (same options as tools/build/build.mjs) by the benchmark script.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

@Controller()
class BareController {
  @Get('bare')
  bare() {
    return { status: 'up', service: 'bare', uptimeSec: Math.round(process.uptime()) };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false });
  const port = Number(process.env.PORT ?? 3999);
  await app.listen(port, '127.0.0.1');
  process.stdout.write(`bare nest app ready on :${port}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
