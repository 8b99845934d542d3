import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import request from 'supertest';
import type { BackendService, TokenPair } from '@meridian/contracts';
import { createServiceApp, type ServiceDefinition, type ServiceRuntime } from '@meridian/service-kit';
import { createGatewayApp } from '../../../gateway/src/bootstrap';
import { intelligenceDefinition } from '../../../intelligence/src/intelligence.definition';
import { executionDefinition } from '../../../execution/src/execution.definition';
import { simulationDefinition } from '../../../simulation/src/simulation.definition';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password' };

export const DEFINITIONS: Record<BackendService, ServiceDefinition> = {
  intelligence: intelligenceDefinition,
  execution: executionDefinition,
  simulation: simulationDefinition,
};

interface Running {
  app: INestApplication;
  runtime: ServiceRuntime;
}

/** A whole Meridian in this process, isolated by its own schemas and Redis namespace. */
export class TestPlatform {
  readonly id = randomBytes(4).toString('hex');
  readonly services = new Map<BackendService, Running>();
  gateway!: Running;
  url = '';

  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  env(service: string): NodeJS.ProcessEnv {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
      LOG_CONSOLE: process.env.E2E_LOG_CONSOLE ?? 'false',
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: `e2e_${this.id}_${service}`,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_NAMESPACE: `e2e-${this.id}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      HEALTH_INTERVAL_MS: '250',
      PORT: '0',
      WEB_DIST: '/nonexistent',
      ...this.extraEnv,
    };
  }

  /** Starts the platform; services in `external` are left for the test to run as processes of their own. */
  async start(options: { external?: BackendService[] } = {}): Promise<this> {
    const inProcess = (Object.keys(DEFINITIONS) as BackendService[]).filter((s) => !options.external?.includes(s));
    await Promise.all(inProcess.map((s) => this.startService(s)));
    const { app, runtime } = await createGatewayApp(this.env('gateway'));
    await app.listen(0, '127.0.0.1');
    this.gateway = { app, runtime };
    this.url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    if (!options.external?.length) await this.waitFor(async () => (await this.health()).components.filter((c) => c.status === 'up').length === 6, 20_000, 'all six components up');
    return this;
  }

  async startService(service: BackendService): Promise<Running> {
    const running = await createServiceApp(DEFINITIONS[service], this.env(service));
    await running.app.startAllMicroservices();
    await running.app.listen(0, '127.0.0.1');
    this.services.set(service, running);
    return running;
  }

  /** Like a crash, as far as the gateway can tell: the service stops answering. */
  async stopService(service: BackendService): Promise<void> {
    const running = this.services.get(service);
    if (!running) return;
    this.services.delete(service);
    await running.app.close();
    await running.runtime.close();
  }

  http() {
    return request(this.url);
  }

  async health(): Promise<{ components: { name: string; status: string }[] }> {
    const res = await fetch(`${this.url}/api/health/system`);
    return res.json() as Promise<{ components: { name: string; status: string }[] }>;
  }

  async login(email = ADMIN.email, password = ADMIN.password): Promise<TokenPair> {
    const res = await this.http().post('/api/auth/login').send({ email, password }).expect(200);
    return res.body as TokenPair;
  }

  /** Creates a user with a role and returns its access token. */
  private adminToken: string | null = null;

  async tokenFor(role: 'viewer' | 'trader' | 'admin'): Promise<string> {
    this.adminToken ??= (await this.login()).accessToken;
    const admin = { accessToken: this.adminToken };
    const email = `${role}-${randomBytes(3).toString('hex')}@e2e.test`;
    await this.http().post('/api/users').set('Authorization', `Bearer ${admin.accessToken}`).send({ email, password: 'password-for-tests', role }).expect(201);
    return (await this.login(email, 'password-for-tests')).accessToken;
  }

  async waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
    const started = Date.now();
    for (;;) {
      if (await check().catch(() => false)) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.services.keys()].map((s) => this.stopService(s)));
    if (this.gateway) {
      await this.gateway.app.close();
      await this.gateway.runtime.close();
    }
    await dropTestState(this.id);
  }
}

async function dropTestState(id: string): Promise<void> {
  const pg = new Client({ connectionString: TEST_DATABASE_URL });
  await pg.connect();
  const { rows } = await pg.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`e2e_${id}_%`]);
  for (const r of rows) await pg.query(`DROP SCHEMA "${r.nspname}" CASCADE`);
  await pg.end();
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`e2e-${id}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
