import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { RawResource } from './kustomize';

/**
 * The kinds these manifests may use, each with its schema-checked model class.
 * A resource of any other apiVersion/kind fails the tests until it is added here (on purpose: an
 * unvalidated kind, or an old apiVersion such as autoscaling/v2beta2, must not slip through).
 * Secret is listed so that a committed Secret is reported as "a Secret is defined", not "unknown kind".
 */
const MODELS = [Namespace, ConfigMap, Secret, Service, Deployment, HorizontalPodAutoscaler, PodDisruptionBudget, Ingress];

type Validatable = { validate(): void };
type ModelClass = { apiVersion: string; kind: string; new (data: never): Validatable };

const BY_TYPE = new Map<string, ModelClass>(MODELS.map((m) => [`${m.apiVersion}|${m.kind}`, m as unknown as ModelClass]));

/** Returns the schema problems of one resource ('' when valid). */
export function schemaErrors(resource: RawResource): string {
  const Model = BY_TYPE.get(`${resource.apiVersion}|${resource.kind}`);
  if (!Model) return `no schema known for apiVersion ${resource.apiVersion}, kind ${resource.kind}`;
  try {
    new Model(resource as never).validate();
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}
