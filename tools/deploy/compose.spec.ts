/** Static checks of docker/compose.yaml (no Docker engine needed). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load, mergeTag } from 'js-yaml';
import { DOCKER_DIR } from './support/paths';
import { SECRET_ENV, SERVICES } from './support/services';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | null>;
  healthcheck?: { test: string | string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

// Compose files use YAML merge keys (<<: *anchor), which js-yaml 5 enables only on request.
const compose = load(readFileSync(join(DOCKER_DIR, 'compose.yaml'), 'utf8'), { schema: CORE_SCHEMA.withTags(mergeTag) }) as {
  services: Record<string, ComposeService>;
};

const BACKING = ['postgres', 'redis', 'neo4j'];

/** Only `${VAR}`, `${VAR:-}` (empty default) or `${VAR:?message}` may stand where a secret goes. */
const INTERPOLATION = /\$\{\w+(?::\?[^}]*|:-)?\}/;

/** True when a credential's value is written in the file: a literal, a default, or a URL password. */
function committedSecret(value: string | null): boolean {
  // `KEY:` with no value passes the variable through from the shell or docker/.env, when set.
  if (value === null) return false;
  if (value.includes('://')) {
    const url = new URL(value.replace(new RegExp(INTERPOLATION.source, 'g'), 'FROM_ENV'));
    return url.password !== '' && url.password !== 'FROM_ENV';
  }
  return !new RegExp(`^${INTERPOLATION.source}$`).test(value);
}

describe('docker/compose.yaml', () => {
  test('names postgres, redis, neo4j and the four Meridian services', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...BACKING, ...SERVICES.map((s) => s.name)].sort());
    expect(compose.services.postgres.image).toMatch(/^(postgres:16|pgvector\/pgvector:pg16)/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
    expect(compose.services.neo4j.image).toMatch(/^neo4j:5/);
  });

  test('gives every backing store a healthcheck', () => {
    for (const name of BACKING) expect({ name, healthcheck: compose.services[name].healthcheck?.test }).toEqual({ name, healthcheck: expect.anything() });
  });

  describe.each(SERVICES)('$name', (svc) => {
    const service = compose.services[svc.name];

    test('is built from its own Dockerfile with the repository root as context', () => {
      expect(service.build).toEqual({ context: '..', dockerfile: `docker/${svc.name}.Dockerfile` });
      expect(existsSync(join(DOCKER_DIR, '..', service.build!.dockerfile))).toBe(true);
    });

    test('is wired to postgres and redis by env, and starts only once they are healthy', () => {
      const env = service.environment ?? {};
      expect(new URL(String(env.DATABASE_URL).replace(/\$\{[^}]*\}/g, 'x')).hostname).toBe('postgres');
      expect(new URL(String(env.REDIS_URL)).hostname).toBe('redis');
      expect(env.PORT).toBe(String(svc.port));
      expect(env.NODE_ENV).toBe('production');
      expect(service.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    });

    test('takes every credential from the environment, never a value written in the file', () => {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (!SECRET_ENV.test(key)) continue;
        expect({ key, committed: committedSecret(value) }).toEqual({ key, committed: false });
      }
    });
  });

  test('wires intelligence to neo4j and waits for it to be healthy', () => {
    const intelligence = compose.services.intelligence;
    expect(new URL(String(intelligence.environment?.NEO4J_URI)).hostname).toBe('neo4j');
    expect(intelligence.depends_on?.neo4j).toEqual({ condition: 'service_healthy' });
  });

  test('publishes the gateway on port 3000 and nothing else of Meridian', () => {
    expect(compose.services.gateway.ports).toEqual(['3000:3000']);
    for (const svc of SERVICES.filter((s) => s.name !== 'gateway')) expect(compose.services[svc.name].ports).toBeUndefined();
  });
});
