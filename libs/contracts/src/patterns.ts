import type { BackendService } from './services';

/**
 * Message patterns of the Redis transport, named `domain.entity.verb.vN`.
 * The transport is pub/sub, so a request pattern must be answered by exactly one service:
 * patterns every service answers are prefixed with the service name by `servicePattern`.
 */
export const SYSTEM_PATTERNS = {
  health: 'system.health.get.v1',
  status: 'system.status.get.v1',
} as const;
export type SystemPattern = (typeof SYSTEM_PATTERNS)[keyof typeof SYSTEM_PATTERNS];

export function servicePattern(service: BackendService, pattern: SystemPattern): string {
  return `${service}.${pattern}`;
}

export const EXECUTION_PATTERNS = {
  emergencyStop: 'execution.platform.emergency-stop.v1',
  resume: 'execution.platform.resume.v1',
} as const;
