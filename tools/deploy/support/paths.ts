import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const DOCKER_DIR = join(REPO_ROOT, 'docker');
export const K8S_DIR = join(REPO_ROOT, 'k8s');
