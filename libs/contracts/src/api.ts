import type { ServiceName } from './services';

/** Roles, from least to most privileged. */
export const ROLES = ['viewer', 'trader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** The one error body of the whole API. */
export interface FieldError {
  field: string;
  rules: Record<string, string>;
}
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[];
  service?: string;
  requestId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// ---- auth ----
export interface UserView {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}
export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  ownerId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface CreatedApiKey extends ApiKeyView {
  /** Shown once; only its hash is stored. */
  key: string;
}
export interface Principal {
  kind: 'user' | 'api-key';
  id: string;
  userId: string;
  role: Role;
  email?: string;
}

// ---- health ----
export type HealthStatus = 'up' | 'down' | 'degraded';
export interface ComponentHealth {
  name: string;
  kind: 'service' | 'dependency';
  status: HealthStatus;
  latencyMs: number | null;
  version: string | null;
  detail?: string;
  checkedAt: string;
  since: string;
}
export interface HealthReport {
  status: HealthStatus;
  checkedAt: string;
  components: ComponentHealth[];
}

/** What a backend service answers to its health request. */
export interface ServiceHealthReply {
  service: ServiceName;
  version: string;
  status: HealthStatus;
  uptimeSec: number;
  pid: number;
  memory: MemoryUsage;
  dependencies: { name: 'postgres' | 'redis'; status: HealthStatus; latencyMs: number | null; detail?: string }[];
}
export interface MemoryUsage {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
}

// ---- metrics ----
export interface RouteLatency {
  route: string;
  method: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  ratePerSec: number;
  errorRatePct: number;
}
export interface PerformanceSnapshot {
  at: string;
  windowSec: number;
  requestRatePerSec: number;
  errorRatePct: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  eventLoopLagMs: number;
}
export interface PerformanceReport {
  current: PerformanceSnapshot;
  routes: RouteLatency[];
  memory: { service: ServiceName; rssBytes: number; heapUsedBytes: number; status: HealthStatus }[];
  history: PerformanceSnapshot[];
}

// ---- alerts ----
export type AlertSeverity = 'info' | 'warning' | 'critical';
export interface AlertView {
  id: string;
  key: string;
  severity: AlertSeverity;
  source: string;
  title: string;
  message: string;
  status: 'active' | 'resolved';
  raisedAt: string;
  resolvedAt: string | null;
  details: Record<string, unknown>;
}

// ---- system ----
export type BackingKind = 'embedded' | 'external';
export interface BackingPart {
  part: 'postgres' | 'redis' | 'venue' | 'llm' | 'vectors' | 'graph';
  kind: BackingKind;
  /** What it is, in words: "PGlite (embedded PostgreSQL 18) at .data/execution". */
  description: string;
}
export interface QueueDepth {
  queue: string;
  owner: ServiceName;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  paused: boolean;
}
export interface ServiceStatus {
  service: ServiceName;
  reachable: boolean;
  version: string | null;
  nodeVersion: string | null;
  pid: number | null;
  startedAt: string | null;
  uptimeSec: number | null;
  backing: BackingPart[];
  queues: QueueDepth[];
  halted: boolean | null;
  error?: string;
}
export interface SystemStatus {
  platform: { version: string; environment: string; halt: HaltState; maintenance: MaintenanceState; configVersion: number };
  services: ServiceStatus[];
}

export interface HaltState {
  halted: boolean;
  reason: string | null;
  by: string | null;
  at: string | null;
}
export interface EmergencyStopReport {
  halt: HaltState;
  /** What each service that obeys the halt did about it. */
  actions: { service: ServiceName; ok: boolean; detail: string; cancelledOrders: number; cancelledAlgorithms: number }[];
  durationMs: number;
}

export interface RuntimeSettings {
  alerts: { latencyP95Ms: number; errorRatePct: number; minRequests: number };
  rateLimit: { perMinute: number };
  retention: { logsDays: number; metricsDays: number; alertsDays: number };
  transport: { timeoutMs: number };
}
export interface ConfigVersionView {
  version: number;
  settings: RuntimeSettings;
  changedBy: string;
  changedAt: string;
  comment: string | null;
  rolledBackFrom: number | null;
}

export interface MaintenanceState {
  enabled: boolean;
  message: string | null;
  by: string | null;
  since: string | null;
}
export const MAINTENANCE_TASKS = ['prune-logs', 'prune-metrics', 'prune-alerts'] as const;
export type MaintenanceTaskKind = (typeof MAINTENANCE_TASKS)[number];
export interface MaintenanceTaskRun {
  id: string;
  task: MaintenanceTaskKind;
  olderThanDays: number;
  state: 'queued' | 'running' | 'completed' | 'failed';
  removed: number | null;
  error: string | null;
  requestedBy: string;
  requestedAt: string;
  finishedAt: string | null;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export interface LogEntry {
  id: string;
  time: string;
  service: string;
  level: LogLevel;
  msg: string;
  requestId?: string;
  context?: Record<string, unknown>;
}
export interface LogPage {
  items: LogEntry[];
  /** Pass as `before` to read older entries; null when there are none. */
  nextCursor: string | null;
}
