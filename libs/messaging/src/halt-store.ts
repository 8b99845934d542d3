import type { Redis } from 'ioredis';
import type { HaltState } from '@meridian/contracts';

/** Where the platform-wide halt is mirrored for every service to read (the gateway's database is authoritative). */
export const haltKey = (namespace: string) => `${namespace}:platform:halt`;

export const NOT_HALTED: HaltState = { halted: false, reason: null, by: null, at: null };

export async function readHalt(redis: Redis, namespace: string): Promise<HaltState> {
  const raw = await redis.get(haltKey(namespace));
  if (!raw) return NOT_HALTED;
  try {
    return JSON.parse(raw) as HaltState;
  } catch {
    return NOT_HALTED;
  }
}

export async function writeHalt(redis: Redis, namespace: string, state: HaltState): Promise<void> {
  await redis.set(haltKey(namespace), JSON.stringify(state));
}
