import { z } from 'zod';
import { baseConfigSchema, loadServiceConfig, parseEnv, type ServiceConfig } from '@meridian/service-kit';

const gatewaySchema = baseConfigSchema.extend({
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.string().email('must be an e-mail address').default('admin@meridian.local'),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  CORS_ORIGINS: z.string().default('http://localhost:3000,http://localhost:5173'),
  ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SEC: z.coerce.number().int().min(300).max(90 * 86_400).default(14 * 86_400),
  WEB_DIST: z.string().default('dist/apps/web'),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 512kb or 1mb').default('1mb'),
  HEALTH_INTERVAL_MS: z.coerce.number().int().min(200).max(60_000).default(1_000),
});

export interface GatewayConfig extends ServiceConfig {
  jwtSecret?: string;
  adminEmail: string;
  adminPassword?: string;
  corsOrigins: string[];
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  webDist: string;
  bodyLimit: string;
  healthIntervalMs: number;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const e = parseEnv(gatewaySchema, env);
  return {
    ...loadServiceConfig('gateway', env),
    jwtSecret: e.JWT_SECRET,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    accessTokenTtlSec: e.ACCESS_TOKEN_TTL_SEC,
    refreshTokenTtlSec: e.REFRESH_TOKEN_TTL_SEC,
    webDist: e.WEB_DIST,
    bodyLimit: e.BODY_LIMIT,
    healthIntervalMs: e.HEALTH_INTERVAL_MS,
  };
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
