import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '@meridian/contracts';

/** Carries the request id (and who asked) through async work, so every log line can name it. */
const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
export function newRequestId(): string {
  return randomUUID();
}
