import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AlertView, ApiErrorBody, ApiKeyView, BackingPart, ComponentHealth, ConfigVersionView, CreatedApiKey, EmergencyStopReport, FieldError, HaltState, HealthReport,
  LogEntry, LogPage, MaintenanceState, MaintenanceTaskRun, PerformanceReport, PerformanceSnapshot, Principal, QueueDepth, RouteLatency, ServiceHealthReply, ServiceStatus, SystemStatus, TokenPair, UserView,
} from '../api';
import { ROLES } from '../api';
import { ALL_SERVICES } from '../services';
import { RuntimeSettingsDto } from './system.dto';

// Response shapes for OpenAPI only: each class implements the interface the code returns, so the
// documentation cannot drift from the contract without a compile error.

// Named parts of the contracts' shapes (a class can only implement a named type).
type CurrentUser = UserView & { via: Principal['kind'] };
type DependencyHealth = ServiceHealthReply['dependencies'][number];

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'settings.alerts.latencyP95Ms' }) field: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { max: 'latencyP95Ms must not be greater than 60000' } }) rules: Record<string, string>;
}
export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) details?: FieldError[];
  @ApiPropertyOptional({ description: 'The service that could not be reached (503).' }) service?: string;
  @ApiPropertyOptional() requestId?: string;
}

export class UserViewDto implements UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: UserView['role'];
  @ApiProperty() createdAt: string;
  @ApiProperty() disabled: boolean;
}
export class UserPageDto {
  @ApiProperty({ type: [UserViewDto] }) items: UserView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
/** GET /auth/me: the user, with the role and kind of the credential used (an API key may have a lesser role than its owner). */
export class CurrentUserDto extends UserViewDto implements CurrentUser {
  @ApiProperty({ enum: ['user', 'api-key'], description: 'How the request authenticated.' }) via: Principal['kind'];
}
export class TokenPairDto implements TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn: number;
  @ApiProperty({ type: UserViewDto }) user: UserView;
}
export class ApiKeyViewDto implements ApiKeyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: ApiKeyView['role'];
  @ApiProperty() prefix: string;
  @ApiProperty() ownerId: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}
export class CreatedApiKeyDto extends ApiKeyViewDto implements CreatedApiKey {
  @ApiProperty({ description: 'Shown once; only its hash is stored.' }) key: string;
}

export class ComponentHealthDto implements ComponentHealth {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['service', 'dependency'] }) kind: ComponentHealth['kind'];
  @ApiProperty({ enum: ['up', 'down', 'degraded'] }) status: ComponentHealth['status'];
  @ApiProperty({ nullable: true, type: Number }) latencyMs: number | null;
  @ApiProperty({ nullable: true, type: String }) version: string | null;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty() checkedAt: string;
  @ApiProperty({ description: 'Since when it has had this status.' }) since: string;
}
export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['up', 'down', 'degraded'] }) status: HealthReport['status'];
  @ApiProperty() checkedAt: string;
  @ApiProperty({ type: [ComponentHealthDto] }) components: ComponentHealth[];
}

/** GET /health/live and /health/ready (gateway only): no contract interface, so the controller returns these types. */
export class GatewayLivenessDto {
  @ApiProperty({ enum: ['up'] }) status: 'up';
  @ApiProperty({ example: 'gateway' }) service: string;
  @ApiProperty() uptimeSec: number;
}
export class DependencyHealthDto implements DependencyHealth {
  @ApiProperty({ enum: ['postgres', 'redis'] }) name: DependencyHealth['name'];
  @ApiProperty({ enum: ['up', 'down', 'degraded'] }) status: DependencyHealth['status'];
  @ApiProperty({ nullable: true, type: Number }) latencyMs: number | null;
  @ApiPropertyOptional() detail?: string;
}
export class GatewayReadinessDto {
  @ApiProperty({ enum: ['up'], description: 'Always up with 200; when a dependency is down the answer is 503 in the error format.' }) status: string;
  @ApiProperty({ example: 'gateway' }) service: string;
  @ApiProperty({ type: [DependencyHealthDto] }) dependencies: DependencyHealth[];
}

export class PerformanceSnapshotDto implements PerformanceSnapshot {
  @ApiProperty() at: string;
  @ApiProperty() windowSec: number;
  @ApiProperty() requestRatePerSec: number;
  @ApiProperty() errorRatePct: number;
  @ApiProperty() p50Ms: number;
  @ApiProperty() p95Ms: number;
  @ApiProperty() p99Ms: number;
  @ApiProperty() eventLoopLagMs: number;
}
export class RouteLatencyDto implements RouteLatency {
  @ApiProperty() route: string;
  @ApiProperty() method: string;
  @ApiProperty() count: number;
  @ApiProperty() p50Ms: number;
  @ApiProperty() p95Ms: number;
  @ApiProperty() p99Ms: number;
  @ApiProperty() ratePerSec: number;
  @ApiProperty() errorRatePct: number;
}
export class ServiceMemoryDto {
  @ApiProperty() service: string;
  @ApiProperty() rssBytes: number;
  @ApiProperty() heapUsedBytes: number;
  @ApiProperty({ enum: ['up', 'down', 'degraded'] }) status: string;
}
export class PerformanceReportDto implements PerformanceReport {
  @ApiProperty({ type: PerformanceSnapshotDto }) current: PerformanceSnapshot;
  @ApiProperty({ type: [RouteLatencyDto] }) routes: RouteLatency[];
  @ApiProperty({ type: [ServiceMemoryDto] }) memory: PerformanceReport['memory'];
  @ApiProperty({ type: [PerformanceSnapshotDto] }) history: PerformanceSnapshot[];
}

export class AlertViewDto implements AlertView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'service-down:execution' }) key: string;
  @ApiProperty({ enum: ['info', 'warning', 'critical'] }) severity: AlertView['severity'];
  @ApiProperty() source: string;
  @ApiProperty() title: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['active', 'resolved'] }) status: AlertView['status'];
  @ApiProperty() raisedAt: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}
export class AlertPageDto {
  @ApiProperty({ type: [AlertViewDto] }) items: AlertView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class HaltStateDto implements HaltState {
  @ApiProperty() halted: boolean;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) by: string | null;
  @ApiProperty({ nullable: true, type: String }) at: string | null;
}
export class HaltActionDto {
  @ApiProperty() service: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() detail: string;
  @ApiProperty() cancelledOrders: number;
  @ApiProperty() cancelledAlgorithms: number;
}
export class EmergencyStopReportDto implements EmergencyStopReport {
  @ApiProperty({ type: HaltStateDto }) halt: HaltState;
  @ApiProperty({ type: [HaltActionDto] }) actions: EmergencyStopReport['actions'];
  @ApiProperty() durationMs: number;
}

export class MaintenanceStateDto implements MaintenanceState {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ nullable: true, type: String }) by: string | null;
  @ApiProperty({ nullable: true, type: String }) since: string | null;
}
export class MaintenanceTaskRunDto implements MaintenanceTaskRun {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['prune-logs', 'prune-metrics', 'prune-alerts'] }) task: MaintenanceTaskRun['task'];
  @ApiProperty() olderThanDays: number;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) state: MaintenanceTaskRun['state'];
  @ApiProperty({ nullable: true, type: Number }) removed: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() requestedBy: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}
export class MaintenanceOverviewDto {
  @ApiProperty({ type: MaintenanceStateDto }) state: MaintenanceState;
  @ApiProperty({ type: [MaintenanceTaskRunDto] }) runs: MaintenanceTaskRun[];
}

export class BackingPartDto implements BackingPart {
  @ApiProperty({ enum: ['postgres', 'redis', 'venue', 'llm', 'vectors', 'graph'] }) part: BackingPart['part'];
  @ApiProperty({ enum: ['embedded', 'external'] }) kind: BackingPart['kind'];
  @ApiProperty() description: string;
}
export class QueueDepthDto implements QueueDepth {
  @ApiProperty() queue: string;
  @ApiProperty({ enum: ALL_SERVICES }) owner: QueueDepth['owner'];
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() completed: number;
  @ApiProperty() failed: number;
  @ApiProperty() paused: boolean;
}
export class ServiceStatusDto implements ServiceStatus {
  @ApiProperty({ enum: ALL_SERVICES }) service: ServiceStatus['service'];
  @ApiProperty() reachable: boolean;
  @ApiProperty({ nullable: true, type: String }) version: string | null;
  @ApiProperty({ nullable: true, type: String }) nodeVersion: string | null;
  @ApiProperty({ nullable: true, type: Number }) pid: number | null;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) uptimeSec: number | null;
  @ApiProperty({ type: [BackingPartDto] }) backing: BackingPart[];
  @ApiProperty({ type: [QueueDepthDto] }) queues: QueueDepth[];
  @ApiProperty({ nullable: true, type: Boolean }) halted: boolean | null;
  @ApiPropertyOptional() error?: string;
}
export class PlatformStateDto {
  @ApiProperty() version: string;
  @ApiProperty() environment: string;
  @ApiProperty({ type: HaltStateDto }) halt: HaltState;
  @ApiProperty({ type: MaintenanceStateDto }) maintenance: MaintenanceState;
  @ApiProperty() configVersion: number;
}
export class SystemStatusDto implements SystemStatus {
  @ApiProperty({ type: PlatformStateDto }) platform: SystemStatus['platform'];
  @ApiProperty({ type: [ServiceStatusDto] }) services: ServiceStatus[];
}

export class ConfigVersionViewDto implements ConfigVersionView {
  @ApiProperty() version: number;
  @ApiProperty({ type: RuntimeSettingsDto }) settings: ConfigVersionView['settings'];
  @ApiProperty() changedBy: string;
  @ApiProperty() changedAt: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: Number }) rolledBackFrom: number | null;
}
export class ConfigVersionPageDto {
  @ApiProperty({ type: [ConfigVersionViewDto] }) items: ConfigVersionView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class LogEntryDto implements LogEntry {
  @ApiProperty() id: string;
  @ApiProperty() time: string;
  @ApiProperty() service: string;
  @ApiProperty({ enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] }) level: LogEntry['level'];
  @ApiProperty() msg: string;
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) context?: Record<string, unknown>;
}
export class LogPageDto implements LogPage {
  @ApiProperty({ type: [LogEntryDto] }) items: LogEntry[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `before` for older entries.' }) nextCursor: string | null;
}
