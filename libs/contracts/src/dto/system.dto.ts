import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested, ArrayMaxSize, ArrayMinSize, IsArray,
} from 'class-validator';
import { LOG_LEVELS, MAINTENANCE_TASKS, type LogLevel, type MaintenanceTaskKind } from '../api';
import { ALL_SERVICES, type ServiceName } from '../services';

export class AlertSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 60000, description: 'Raise a latency alert when the gateway p95 exceeds this.' })
  @IsInt() @Min(1) @Max(60000)
  latencyP95Ms: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt() @Min(0) @Max(100)
  errorRatePct: number;

  @ApiProperty({ minimum: 1, maximum: 100000, description: 'Requests needed in the window before rates count.' })
  @IsInt() @Min(1) @Max(100000)
  minRequests: number;
}
export class RateLimitSettingsDto {
  @ApiProperty({ minimum: 10, maximum: 1000000, description: 'Requests per minute per user or API key.' })
  @IsInt() @Min(10) @Max(1000000)
  perMinute: number;
}
export class RetentionSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) logsDays: number;
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) metricsDays: number;
  @ApiProperty({ minimum: 1, maximum: 3650 }) @IsInt() @Min(1) @Max(3650) alertsDays: number;
}
export class TransportSettingsDto {
  @ApiProperty({ minimum: 100, maximum: 900, description: 'Time a request to a service may take before 503 (under 1 s).' })
  @IsInt() @Min(100) @Max(900)
  timeoutMs: number;
}
export class RuntimeSettingsDto {
  @ApiProperty({ type: AlertSettingsDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => AlertSettingsDto) alerts: AlertSettingsDto;
  @ApiProperty({ type: RateLimitSettingsDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => RateLimitSettingsDto) rateLimit: RateLimitSettingsDto;
  @ApiProperty({ type: RetentionSettingsDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => RetentionSettingsDto) retention: RetentionSettingsDto;
  @ApiProperty({ type: TransportSettingsDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => TransportSettingsDto) transport: TransportSettingsDto;
}

export class ConfigChangeDto {
  @ApiProperty({ type: RuntimeSettingsDto, description: 'The complete new settings; the current ones are at GET /api/system/config.' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RuntimeSettingsDto)
  settings: RuntimeSettingsDto;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500)
  comment?: string;
}

export class ConfigRollbackDto {
  @ApiProperty({ minimum: 1, description: 'The version whose settings become the new current version.' })
  @IsInt() @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500)
  comment?: string;
}

export class LogQueryDto {
  @ApiPropertyOptional({ enum: ALL_SERVICES }) @IsOptional() @IsIn(ALL_SERVICES as string[]) service?: ServiceName;
  @ApiPropertyOptional({ enum: LOG_LEVELS, description: 'Minimum level.' }) @IsOptional() @IsIn(LOG_LEVELS) level?: LogLevel;
  @ApiPropertyOptional({ description: 'ISO 8601 start time.' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601 end time.' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'Case-insensitive text to find in the message or request id.' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ description: 'Cursor from a previous page (nextCursor).' })
  @IsOptional() @IsString() @Length(3, 40) before?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class MaintenanceTaskDto {
  @ApiProperty({ enum: MAINTENANCE_TASKS }) @IsIn(MAINTENANCE_TASKS) task: MaintenanceTaskKind;
  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: 'Defaults to the retention setting.' })
  @IsOptional() @IsInt() @Min(0) @Max(3650) olderThanDays?: number;
}
export class MaintenanceDto {
  @ApiPropertyOptional({ description: 'Turn maintenance mode on or off.' }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) message?: string;
  @ApiPropertyOptional({ type: [MaintenanceTaskDto], description: 'Tasks to run now, as queued jobs.' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => MaintenanceTaskDto)
  tasks?: MaintenanceTaskDto[];
}

export class EmergencyStopDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Venue prices look wrong' })
  @IsString() @Length(3, 500)
  reason: string;
}
export class ResumeDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Prices verified' })
  @IsString() @Length(3, 500)
  reason: string;
}

export class PerformanceQueryDto {
  @ApiPropertyOptional({ minimum: 60, maximum: 86400, default: 900, description: 'Seconds of history for the chart.' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(60) @Max(86400) historySec?: number;
}

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

export class AlertsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['active', 'resolved', 'all'], default: 'active' })
  @IsOptional() @IsIn(['active', 'resolved', 'all']) status?: 'active' | 'resolved' | 'all';
}
