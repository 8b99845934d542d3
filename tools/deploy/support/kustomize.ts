import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { K8S_DIR } from './paths';

export interface RawResource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

const INSTALL_HINT =
  'kubectl is needed to render the kustomize overlays. Install it with `apt-get install -y kubernetes-client` ' +
  '(Debian), or point the KUBECTL environment variable at a kubectl binary.';

/** `kubectl kustomize k8s/overlays/<overlay>`, parsed into one object per resource. */
export function renderOverlay(overlay: string): RawResource[] {
  const kubectl = process.env.KUBECTL || 'kubectl';
  const dir = join(K8S_DIR, 'overlays', overlay);
  const run = spawnSync(kubectl, ['kustomize', dir], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `"${kubectl}" was not found. ${INSTALL_HINT}` : `${kubectl} kustomize ${dir} failed to start: ${run.error.message}`);
  }
  if (run.status !== 0) throw new Error(`${kubectl} kustomize ${dir} exited with ${run.status}:\n${run.stderr}`);
  // Newer kubectl prints deprecation warnings ("# Warning: ...") on stderr only; stdout is pure YAML.
  return loadAll(run.stdout).filter((doc): doc is RawResource => doc !== null && typeof doc === 'object');
}

export const idOf = (r: RawResource) => `${r.kind}/${r.metadata.name}`;
