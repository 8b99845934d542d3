/** Static checks of docker/<service>.Dockerfile and .dockerignore (no Docker engine needed). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, execForm, finalStage, parseDockerfile, type Dockerfile, type Stage } from './support/dockerfile';
import { DOCKER_DIR, REPO_ROOT } from './support/paths';
import { SERVICES, type ServiceSpec } from './support/services';

const dockerfile = (service: string): Dockerfile => parseDockerfile(readFileSync(join(DOCKER_DIR, `${service}.Dockerfile`), 'utf8'));

/** The effective value of ENV key in a stage (last one wins; both `K=V` and `K V` forms). */
function envOf(stage: Stage, key: string): string | undefined {
  let value: string | undefined;
  for (const args of all(stage, 'ENV')) {
    const pairs = args.includes('=') ? [...args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map((m) => [m[1], m[2].replace(/^"|"$/g, '')]) : [args.split(' ', 2)];
    for (const [k, v] of pairs) if (k === key) value = v;
  }
  return value;
}

describe.each(SERVICES)('docker/$name.Dockerfile', (svc: ServiceSpec) => {
  const df = dockerfile(svc.name);
  const runtime = finalStage(df);

  test('is a multi-stage build whose runtime stage is node:20-bookworm-slim', () => {
    expect(df.stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.from).toBe('node:20-bookworm-slim');
  });

  test('runs as a non-root user in the final stage', () => {
    const users = all(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].split(':')[0];
    expect(['root', '0', '']).not.toContain(user);
  });

  test('exposes the service port, and PORT says the same', () => {
    expect(all(runtime, 'EXPOSE').flatMap((a) => a.split(' ')).map((p) => p.split('/')[0])).toContain(String(svc.port));
    expect(envOf(runtime, 'PORT')).toBe(String(svc.port));
  });

  test('has a HEALTHCHECK that probes the service health endpoint', () => {
    const checks = all(runtime, 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    expect(checks[0]).not.toMatch(/^NONE/i);
    expect(execForm(checks[0])).toContain(svc.ready);
    // The script it runs must be copied into the image from the build context.
    expect(all(runtime, 'COPY').some((c) => c.startsWith('docker/healthcheck.cjs '))).toBe(true);
    expect(existsSync(join(DOCKER_DIR, 'healthcheck.cjs'))).toBe(true);
  });

  test('starts node on the compiled entry point under tini, in production mode', () => {
    expect(execForm(all(runtime, 'ENTRYPOINT').pop() ?? '')).toEqual(['/usr/bin/tini', '--']);
    expect(execForm(all(runtime, 'CMD').pop() ?? '')).toEqual(['node', `dist/apps/${svc.name}/src/main.js`]);
    expect(envOf(runtime, 'NODE_ENV')).toBe('production');
  });

  test('ships production dependencies only, from a stage that ran npm ci --omit=dev', () => {
    const modules = all(runtime, 'COPY').find((c) => c.startsWith('--from=') && /\bnode_modules\b/.test(c));
    const fromStage = /--from=(\S+)/.exec(modules ?? '')?.[1];
    const deps = df.stages.find((s) => s.name === fromStage);
    expect(deps).toBeDefined();
    expect(all(deps!, 'RUN').some((r) => /npm ci\b.*--omit=dev/.test(r))).toBe(true);
  });

  test('copies the compiled service and shared libs out of the build stage', () => {
    const copies = all(runtime, 'COPY');
    expect(copies).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`--from=build /app/dist/apps/${svc.name} `)), expect.stringMatching(/--from=build \/app\/dist\/libs /)]));
    const build = df.stages.find((s) => s.name === 'build');
    expect(all(build!, 'RUN').some((r) => r.includes('npm run build'))).toBe(true);
  });

  if (svc.name === 'gateway') {
    test('carries the built web app and tells the gateway where it is', () => {
      expect(all(runtime, 'COPY').some((c) => c.includes('--from=build /app/dist/apps/web '))).toBe(true);
      expect(envOf(runtime, 'WEB_DIST')).toBe('/app/dist/apps/web');
    });
  }
});

describe('docker build context', () => {
  test('the four Dockerfiles share identical deps and build stages, so BuildKit builds them once', () => {
    const shared = (service: string) => JSON.stringify(dockerfile(service).stages.filter((s) => s.name === 'deps' || s.name === 'build'));
    const [first, ...rest] = SERVICES.map((s) => shared(s.name));
    for (const other of rest) expect(other).toBe(first);
  });

  test('.dockerignore keeps installed modules, build output, git history and env files out of the context', () => {
    const ignore = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.git', '**/.env']));
    // The healthcheck script is COPYed from docker/, so it must be re-included after docker/*.
    expect(ignore.indexOf('!docker/healthcheck.cjs')).toBeGreaterThan(ignore.indexOf('docker/*'));
  });
});
