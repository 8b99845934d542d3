/**
 * Renders the kustomize overlays with kubectl (offline) and checks what the cluster would get:
 * every resource valid against the Kubernetes schemas, and the properties Meridian relies on.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAll } from 'js-yaml';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import { schemaErrors } from './support/k8s-models';
import { idOf, renderOverlay, type RawResource } from './support/kustomize';
import { K8S_DIR } from './support/paths';
import { SECRET_ENV, SECRET_NAME, SERVICES, type ServiceSpec } from './support/services';

const NAMESPACE = 'meridian';
const PART_OF = { 'app.kubernetes.io/part-of': 'meridian' };

/** One rendered overlay, with typed look-ups. */
class Rendered {
  constructor(readonly resources: RawResource[]) {}

  ofKind<T>(kind: string): T[] {
    return this.resources.filter((r) => r.kind === kind) as unknown as T[];
  }

  named<T>(kind: string, name: string): T {
    const found = this.resources.find((r) => r.kind === kind && r.metadata.name === name);
    if (!found) throw new Error(`${kind}/${name} is missing from the rendered overlay`);
    return found as unknown as T;
  }

  deployment(service: string): IDeployment {
    return this.named<IDeployment>('Deployment', service);
  }

  container(service: string): IContainer {
    const containers = this.deployment(service).spec?.template.spec?.containers ?? [];
    const container = containers.find((c) => c.name === service);
    if (!container) throw new Error(`Deployment/${service} has no container named ${service}`);
    return container;
  }

  hpa(service: string): IHorizontalPodAutoscaler | undefined {
    return this.ofKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler').find((h) => h.spec?.scaleTargetRef.name === service);
  }

  /** Pods the service runs at rest: the HPA's minimum when autoscaled, else spec.replicas (default 1). */
  baselineReplicas(service: string): number {
    const hpa = this.hpa(service);
    return hpa ? (hpa.spec?.minReplicas ?? 1) : (this.deployment(service).spec?.replicas ?? 1);
  }
}

const overlays: Record<string, Rendered> = {};
const rendered = (overlay: string): Rendered => (overlays[overlay] ??= new Rendered(renderOverlay(overlay)));

/** Resolves a probe or Service port (a number or a container port name) to a number. */
function resolvePort(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** Kubernetes quantities to numbers (cores, bytes), enough for comparisons. */
function quantity(value: string | number | undefined): number {
  if (value === undefined) return NaN;
  const m = /^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(value));
  if (!m) return NaN;
  const factor: Record<string, number> = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(m[1]) * (m[2] ? factor[m[2]] : 1);
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(entry) ? [path] : [];
  });
}

describe.each(['dev', 'prod'])('k8s overlay %s', (overlay) => {
  let r: Rendered;
  beforeAll(() => {
    r = rendered(overlay);
  });

  test('renders with kubectl kustomize into a non-empty set of resources', () => {
    expect(r.resources.length).toBeGreaterThan(0);
  });

  test('every resource is valid against the Kubernetes schema of its apiVersion and kind (unknown kinds fail)', () => {
    const problems = r.resources.map((res) => [idOf(res), schemaErrors(res)]).filter(([, err]) => err !== '');
    expect(problems).toEqual([]);
  });

  test('every namespaced resource is in the meridian namespace and labelled part-of meridian', () => {
    for (const res of r.resources) {
      expect({ id: idOf(res), labels: res.metadata.labels }).toEqual({ id: idOf(res), labels: expect.objectContaining(PART_OF) });
      if (res.kind !== 'Namespace') expect({ id: idOf(res), ns: res.metadata.namespace }).toEqual({ id: idOf(res), ns: NAMESPACE });
    }
    expect(r.named('Namespace', NAMESPACE)).toBeDefined();
  });

  test('defines no Secret: credentials are only referenced (meridian-secrets is created out of band)', () => {
    expect(r.ofKind('Secret').map((s) => idOf(s as RawResource))).toEqual([]);
  });

  test('never puts a credential in a literal env value or a ConfigMap', () => {
    for (const { name } of SERVICES) {
      for (const env of r.container(name).env ?? []) {
        if (SECRET_ENV.test(env.name)) {
          expect({ env: `${name}:${env.name}`, value: env.value, secret: env.valueFrom?.secretKeyRef?.name }).toEqual({
            env: `${name}:${env.name}`,
            value: undefined,
            secret: SECRET_NAME,
          });
        }
      }
    }
    for (const cm of r.ofKind<IConfigMap>('ConfigMap')) {
      expect({ cm: cm.metadata?.name, secretKeys: Object.keys(cm.data ?? {}).filter((k) => SECRET_ENV.test(k)) }).toEqual({ cm: cm.metadata?.name, secretKeys: [] });
    }
  });

  test('has exactly one Deployment and one Service per Meridian service', () => {
    expect(r.ofKind<IDeployment>('Deployment').map((d) => d.metadata?.name).sort()).toEqual(SERVICES.map((s) => s.name).sort());
    expect(r.ofKind<IService>('Service').map((s) => s.metadata?.name).sort()).toEqual(SERVICES.map((s) => s.name).sort());
  });

  describe.each(SERVICES)('$name', (svc: ServiceSpec) => {
    test('listens on its port and probes liveness, readiness and startup on its health endpoints', () => {
      const c = r.container(svc.name);
      expect(c.ports?.map((p) => p.containerPort)).toContain(svc.port);
      const probe = (p: IContainer['livenessProbe']) => ({ path: p?.httpGet?.path, port: resolvePort(c, p?.httpGet?.port) });
      expect(probe(c.livenessProbe)).toEqual({ path: svc.live, port: svc.port });
      expect(probe(c.readinessProbe)).toEqual({ path: svc.ready, port: svc.port });
      expect(probe(c.startupProbe)).toEqual({ path: svc.live, port: svc.port });
    });

    test('gives migrations at least three minutes to finish before liveness applies', () => {
      const s = r.container(svc.name).startupProbe;
      expect((s?.periodSeconds ?? 10) * (s?.failureThreshold ?? 3)).toBeGreaterThanOrEqual(180);
    });

    test('sets CPU and memory requests and limits, limits not below requests', () => {
      const res = r.container(svc.name).resources;
      for (const kind of ['cpu', 'memory'] as const) {
        const request = quantity(res?.requests?.[kind]);
        const limit = quantity(res?.limits?.[kind]);
        expect({ kind, request, limit }).toEqual({ kind, request: expect.any(Number), limit: expect.any(Number) });
        expect(Number.isNaN(request) || Number.isNaN(limit)).toBe(false);
        expect(limit).toBeGreaterThanOrEqual(request);
      }
    });

    test('runs as non-root, read-only root filesystem with a /tmp emptyDir, no privilege escalation, no capabilities', () => {
      const pod = r.deployment(svc.name).spec?.template.spec;
      const c = r.container(svc.name);
      expect(pod?.securityContext?.runAsNonRoot).toBe(true);
      expect(pod?.securityContext?.runAsUser).not.toBe(0);
      expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      expect(c.securityContext?.privileged).not.toBe(true);
      expect(c.securityContext?.capabilities?.drop).toContain('ALL');
      expect(c.securityContext?.capabilities?.add ?? []).toEqual([]);
      const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
      expect(tmp).toBeDefined();
      expect(pod?.volumes?.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
    });

    test('takes settings from its own ConfigMap, whose PORT matches the container port', () => {
      const c = r.container(svc.name);
      const refs = (c.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean) as string[];
      expect(refs).toHaveLength(1);
      const cm = r.named<IConfigMap>('ConfigMap', refs[0]);
      expect(cm.data).toMatchObject({ PORT: String(svc.port), NODE_ENV: 'production', DATABASE_SCHEMA: svc.name });
      expect(['trace', 'debug', 'info', 'warn', 'error']).toContain(cm.data?.LOG_LEVEL);
    });

    test('reads its credentials from meridian-secrets, and PostgreSQL is required (no embedded PGlite in a cluster)', () => {
      const fromSecret = new Map(
        (r.container(svc.name).env ?? [])
          .filter((e) => e.valueFrom?.secretKeyRef)
          .map((e) => [e.name, e.valueFrom!.secretKeyRef!] as const),
      );
      for (const key of [...svc.secrets.required, ...svc.secrets.optional]) {
        expect({ key, ref: fromSecret.get(key) }).toEqual({ key, ref: expect.objectContaining({ name: SECRET_NAME, key }) });
      }
      for (const key of svc.secrets.required) expect({ key, optional: fromSecret.get(key)?.optional ?? false }).toEqual({ key, optional: false });
    });

    test('is scraped by Prometheus at /metrics on its port', () => {
      const annotations = r.deployment(svc.name).spec?.template.metadata?.annotations;
      expect(annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(svc.port), 'prometheus.io/path': '/metrics' });
    });

    test('is selected by its Service (and only its pods), which forwards to the container port', () => {
      const deployment = r.deployment(svc.name);
      const service = r.named<IService>('Service', svc.name);
      const podLabels = deployment.spec?.template.metadata?.labels;
      expect(selects(deployment.spec?.selector.matchLabels, podLabels)).toBe(true);
      expect(selects(service.spec?.selector, podLabels)).toBe(true);
      for (const other of SERVICES.filter((s) => s.name !== svc.name)) {
        expect({ other: other.name, selected: selects(service.spec?.selector, r.deployment(other.name).spec?.template.metadata?.labels) }).toEqual({
          other: other.name,
          selected: false,
        });
      }
      const targets = (service.spec?.ports ?? []).map((p) => resolvePort(r.container(svc.name), p.targetPort ?? p.port));
      expect(targets).toContain(svc.port);
    });

    if (svc.autoscaled) {
      test('is autoscaled on CPU by an autoscaling/v2 HPA, and its Deployment leaves replicas to the HPA', () => {
        const hpa = r.hpa(svc.name);
        expect(hpa?.apiVersion).toBe('autoscaling/v2');
        expect(hpa?.spec?.scaleTargetRef).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: svc.name });
        expect(hpa?.spec?.metrics?.some((m) => m.type === 'Resource' && m.resource?.name === 'cpu')).toBe(true);
        expect(hpa?.spec?.maxReplicas).toBeGreaterThanOrEqual(hpa?.spec?.minReplicas ?? 1);
        // Utilization is relative to the request, so a CPU request must be set.
        expect(r.container(svc.name).resources?.requests?.cpu).toBeDefined();
        expect(r.deployment(svc.name).spec?.replicas).toBeUndefined();
      });
    }

    if (svc.singleton) {
      test('runs as a single replica that a rollout never overlaps (every replica would act on every request)', () => {
        const spec = r.deployment(svc.name).spec;
        expect(spec?.replicas).toBe(1);
        expect(spec?.strategy?.type).toBe('Recreate');
        expect(r.hpa(svc.name)).toBeUndefined();
      });
    }
  });
});

describe('k8s overlays compared', () => {
  test('dev runs one replica of everything and logs at debug level', () => {
    const dev = rendered('dev');
    for (const { name } of SERVICES) {
      expect({ name, replicas: dev.baselineReplicas(name), max: dev.hpa(name)?.spec?.maxReplicas ?? 1 }).toEqual({ name, replicas: 1, max: 1 });
    }
    for (const cm of dev.ofKind<IConfigMap>('ConfigMap')) expect({ cm: cm.metadata?.name, level: cm.data?.LOG_LEVEL }).toEqual({ cm: cm.metadata?.name, level: 'debug' });
  });

  test('prod logs at info level', () => {
    for (const cm of rendered('prod').ofKind<IConfigMap>('ConfigMap')) expect({ cm: cm.metadata?.name, level: cm.data?.LOG_LEVEL }).toEqual({ cm: cm.metadata?.name, level: 'info' });
  });

  test('prod runs more replicas than dev of every horizontally scalable service', () => {
    for (const { name } of SERVICES.filter((s) => !s.singleton)) {
      expect({ name, more: rendered('prod').baselineReplicas(name) > rendered('dev').baselineReplicas(name) }).toEqual({ name, more: true });
    }
  });

  test('prod has higher resource limits than dev', () => {
    for (const { name } of SERVICES) {
      for (const kind of ['cpu', 'memory'] as const) {
        const prod = quantity(rendered('prod').container(name).resources?.limits?.[kind]);
        const dev = quantity(rendered('dev').container(name).resources?.limits?.[kind]);
        expect({ name, kind, higher: prod > dev }).toEqual({ name, kind, higher: true });
      }
    }
  });

  test('prod pins every image to a release tag in a registry (no :latest, no :dev, no untagged)', () => {
    for (const { name } of SERVICES) {
      const image = rendered('prod').container(name).image ?? '';
      expect({ name, image }).toEqual({ name, image: expect.stringMatching(/^[a-z0-9.-]+\.[a-z]+(:\d+)?\/[^:@]+(:[0-9][\w.-]*|@sha256:[a-f0-9]{64})$/) });
    }
  });

  test('prod protects every multi-replica service with a PodDisruptionBudget that still lets a node drain', () => {
    const prod = rendered('prod');
    const pdbs = prod.ofKind<IPodDisruptionBudget>('PodDisruptionBudget');
    for (const { name } of SERVICES.filter((s) => !s.singleton)) {
      const podLabels = prod.deployment(name).spec?.template.metadata?.labels;
      const matching = pdbs.filter((p) => selects(p.spec?.selector?.matchLabels, podLabels));
      expect({ name, pdbs: matching.length }).toEqual({ name, pdbs: 1 });
      const { maxUnavailable, minAvailable } = matching[0].spec ?? {};
      const allowed = maxUnavailable !== undefined ? Number(maxUnavailable) : prod.baselineReplicas(name) - Number(minAvailable);
      expect({ name, drainable: allowed >= 1 }).toEqual({ name, drainable: true });
    }
  });

  test('prod exposes the gateway (and only it) through an nginx Ingress with WebSocket-friendly timeouts', () => {
    const prod = rendered('prod');
    const ingress = prod.named<IIngress>('Ingress', 'gateway');
    expect(ingress.spec?.ingressClassName).toBe('nginx');
    const annotations = ingress.metadata?.annotations ?? {};
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(Number(annotations['nginx.ingress.kubernetes.io/proxy-send-timeout'])).toBeGreaterThanOrEqual(3600);
    expect(ingress.spec?.tls?.length).toBeGreaterThan(0);
    // The API and the WebSocket (/api/ws) must be routed: a Prefix path that covers /api/ws.
    const paths = (ingress.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []);
    expect(paths.some((p) => p.pathType === 'Prefix' && '/api/ws'.startsWith(p.path ?? '\0'))).toBe(true);

    const gatewayService = prod.named<IService>('Service', 'gateway');
    for (const ing of prod.ofKind<IIngress>('Ingress')) {
      expect(ing.spec?.ingressClassName).toBe('nginx');
      for (const path of (ing.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? [])) {
        const port = path.backend.service?.port;
        expect({ path: path.path, service: path.backend.service?.name }).toEqual({ path: path.path, service: 'gateway' });
        expect(gatewayService.spec?.ports?.some((p) => (port?.name ? p.name === port.name : p.port === port?.number))).toBe(true);
      }
    }
  });

  test('prod keeps the gateway /metrics off the public Ingress (403 outside the cluster)', () => {
    const prod = rendered('prod');
    const blocking = prod.ofKind<IIngress>('Ingress').filter((ing) =>
      (ing.spec?.rules ?? []).some((rule) => (rule.http?.paths ?? []).some((p) => p.path === '/metrics' && p.pathType === 'Prefix')),
    );
    expect(blocking).toHaveLength(1);
    const allowed = blocking[0].metadata?.annotations?.['nginx.ingress.kubernetes.io/whitelist-source-range'];
    expect(allowed?.split(',').map((c) => c.trim())).toEqual(['127.0.0.1/32']);
    // The host must be the one the public Ingress serves, or the block would not apply to it.
    const hosts = (ing: IIngress) => (ing.spec?.rules ?? []).map((r) => r.host).sort();
    expect(hosts(blocking[0])).toEqual(hosts(prod.named<IIngress>('Ingress', 'gateway')));
  });

  test('dev has no Ingress (use kubectl port-forward svc/gateway 3000)', () => {
    expect(rendered('dev').ofKind('Ingress')).toEqual([]);
  });
});

describe('k8s sources', () => {
  test('no file under k8s/ defines a Secret (values are never committed)', () => {
    const offenders = yamlFilesUnder(K8S_DIR).filter((file) =>
      loadAll(readFileSync(file, 'utf8')).some((doc) => (doc as { kind?: string } | null)?.kind === 'Secret'),
    );
    expect(offenders.map((f) => relative(K8S_DIR, f))).toEqual([]);
  });
});
