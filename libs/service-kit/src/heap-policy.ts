import { setFlagsFromString } from 'node:v8';
import { ConfigError } from './config';

/** V8 lets the old generation grow to twice its live size before a full collection. */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;

/**
 * HEAP_GROWING_PERCENT: how far past its live size V8 lets a service's heap grow before a full
 * collection; 0 keeps V8's own choice. Without it, on a machine with no memory limit V8 allows up
 * to 4x (its factor grows with the heap limit it derives from the machine's memory), so a gateway
 * with ~50 MB live let garbage pile up to ~200 MB during a large history import (peak RSS 320 MB).
 * V8 reads the flag at every full collection, so setting it at start is enough.
 */
export function heapGrowingPercent(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HEAP_GROWING_PERCENT;
  if (raw === undefined || raw === '') return DEFAULT_HEAP_GROWING_PERCENT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 1000) {
    throw new ConfigError(`Configuration error: HEAP_GROWING_PERCENT must be an integer from 0 (V8's default) to 1000, got '${raw}'.`);
  }
  return value;
}

/** Applies HEAP_GROWING_PERCENT to this process; returns the percentage (0: V8's default kept). */
export function applyHeapPolicy(env: NodeJS.ProcessEnv = process.env): number {
  const percent = heapGrowingPercent(env);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
