"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get AlertSettingsDto () {
        return AlertSettingsDto;
    },
    get AlertsQueryDto () {
        return AlertsQueryDto;
    },
    get ConfigChangeDto () {
        return ConfigChangeDto;
    },
    get ConfigRollbackDto () {
        return ConfigRollbackDto;
    },
    get EmergencyStopDto () {
        return EmergencyStopDto;
    },
    get LogQueryDto () {
        return LogQueryDto;
    },
    get MaintenanceDto () {
        return MaintenanceDto;
    },
    get MaintenanceTaskDto () {
        return MaintenanceTaskDto;
    },
    get PageQueryDto () {
        return PageQueryDto;
    },
    get PerformanceQueryDto () {
        return PerformanceQueryDto;
    },
    get RateLimitSettingsDto () {
        return RateLimitSettingsDto;
    },
    get ResumeDto () {
        return ResumeDto;
    },
    get RetentionSettingsDto () {
        return RetentionSettingsDto;
    },
    get RuntimeSettingsDto () {
        return RuntimeSettingsDto;
    },
    get TransportSettingsDto () {
        return TransportSettingsDto;
    }
});
const _swagger = require("@nestjs/swagger");
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _api = require("../api");
const _services = require("../services");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let AlertSettingsDto = class AlertSettingsDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 1,
        maximum: 60000,
        description: 'Raise a latency alert when the gateway p95 exceeds this.'
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(60000),
    _ts_metadata("design:type", Number)
], AlertSettingsDto.prototype, "latencyP95Ms", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 0,
        maximum: 100
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(100),
    _ts_metadata("design:type", Number)
], AlertSettingsDto.prototype, "errorRatePct", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 1,
        maximum: 100000,
        description: 'Requests needed in the window before rates count.'
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(100000),
    _ts_metadata("design:type", Number)
], AlertSettingsDto.prototype, "minRequests", void 0);
let RateLimitSettingsDto = class RateLimitSettingsDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 10,
        maximum: 1000000,
        description: 'Requests per minute per user or API key.'
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(1000000),
    _ts_metadata("design:type", Number)
], RateLimitSettingsDto.prototype, "perMinute", void 0);
let RetentionSettingsDto = class RetentionSettingsDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 1,
        maximum: 3650
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(3650),
    _ts_metadata("design:type", Number)
], RetentionSettingsDto.prototype, "logsDays", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 1,
        maximum: 3650
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(3650),
    _ts_metadata("design:type", Number)
], RetentionSettingsDto.prototype, "metricsDays", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 1,
        maximum: 3650
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(3650),
    _ts_metadata("design:type", Number)
], RetentionSettingsDto.prototype, "alertsDays", void 0);
let TransportSettingsDto = class TransportSettingsDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 100,
        maximum: 900,
        description: 'Time a request to a service may take before 503 (under 1 s).'
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(100),
    (0, _classvalidator.Max)(900),
    _ts_metadata("design:type", Number)
], TransportSettingsDto.prototype, "timeoutMs", void 0);
let RuntimeSettingsDto = class RuntimeSettingsDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: AlertSettingsDto
    }),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>AlertSettingsDto),
    _ts_metadata("design:type", typeof AlertSettingsDto === "undefined" ? Object : AlertSettingsDto)
], RuntimeSettingsDto.prototype, "alerts", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: RateLimitSettingsDto
    }),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>RateLimitSettingsDto),
    _ts_metadata("design:type", typeof RateLimitSettingsDto === "undefined" ? Object : RateLimitSettingsDto)
], RuntimeSettingsDto.prototype, "rateLimit", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: RetentionSettingsDto
    }),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>RetentionSettingsDto),
    _ts_metadata("design:type", typeof RetentionSettingsDto === "undefined" ? Object : RetentionSettingsDto)
], RuntimeSettingsDto.prototype, "retention", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: TransportSettingsDto
    }),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>TransportSettingsDto),
    _ts_metadata("design:type", typeof TransportSettingsDto === "undefined" ? Object : TransportSettingsDto)
], RuntimeSettingsDto.prototype, "transport", void 0);
let ConfigChangeDto = class ConfigChangeDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: RuntimeSettingsDto,
        description: 'The complete new settings; the current ones are at GET /api/system/config.'
    }),
    (0, _classvalidator.ValidateNested)(),
    (0, _classtransformer.Type)(()=>RuntimeSettingsDto),
    _ts_metadata("design:type", typeof RuntimeSettingsDto === "undefined" ? Object : RuntimeSettingsDto)
], ConfigChangeDto.prototype, "settings", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        maxLength: 500
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(500),
    _ts_metadata("design:type", String)
], ConfigChangeDto.prototype, "comment", void 0);
let ConfigRollbackDto = class ConfigRollbackDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minimum: 1,
        description: 'The version whose settings become the new current version.'
    }),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    _ts_metadata("design:type", Number)
], ConfigRollbackDto.prototype, "version", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        maxLength: 500
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(500),
    _ts_metadata("design:type", String)
], ConfigRollbackDto.prototype, "comment", void 0);
let LogQueryDto = class LogQueryDto {
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: _services.ALL_SERVICES
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_services.ALL_SERVICES),
    _ts_metadata("design:type", typeof ServiceName === "undefined" ? Object : ServiceName)
], LogQueryDto.prototype, "service", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: _api.LOG_LEVELS,
        description: 'Minimum level.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_api.LOG_LEVELS),
    _ts_metadata("design:type", typeof LogLevel === "undefined" ? Object : LogLevel)
], LogQueryDto.prototype, "level", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'ISO 8601 start time.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsISO8601)({
        strict: true
    }),
    _ts_metadata("design:type", String)
], LogQueryDto.prototype, "from", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'ISO 8601 end time.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsISO8601)({
        strict: true
    }),
    _ts_metadata("design:type", String)
], LogQueryDto.prototype, "to", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        maxLength: 200,
        description: 'Case-insensitive text to find in the message or request id.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(200),
    _ts_metadata("design:type", String)
], LogQueryDto.prototype, "q", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'Cursor from a previous page (nextCursor).'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(3, 40),
    _ts_metadata("design:type", String)
], LogQueryDto.prototype, "before", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        minimum: 1,
        maximum: 1000,
        default: 200
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classtransformer.Type)(()=>Number),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(1000),
    _ts_metadata("design:type", Number)
], LogQueryDto.prototype, "limit", void 0);
let MaintenanceTaskDto = class MaintenanceTaskDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _api.MAINTENANCE_TASKS
    }),
    (0, _classvalidator.IsIn)(_api.MAINTENANCE_TASKS),
    _ts_metadata("design:type", typeof MaintenanceTaskKind === "undefined" ? Object : MaintenanceTaskKind)
], MaintenanceTaskDto.prototype, "task", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        minimum: 0,
        maximum: 3650,
        description: 'Defaults to the retention setting.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(3650),
    _ts_metadata("design:type", Number)
], MaintenanceTaskDto.prototype, "olderThanDays", void 0);
let MaintenanceDto = class MaintenanceDto {
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'Turn maintenance mode on or off.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsBoolean)(),
    _ts_metadata("design:type", Boolean)
], MaintenanceDto.prototype, "enabled", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        maxLength: 500
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(500),
    _ts_metadata("design:type", String)
], MaintenanceDto.prototype, "message", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        type: [
            MaintenanceTaskDto
        ],
        description: 'Tasks to run now, as queued jobs.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsArray)(),
    (0, _classvalidator.ArrayMinSize)(1),
    (0, _classvalidator.ArrayMaxSize)(10),
    (0, _classvalidator.ValidateNested)({
        each: true
    }),
    (0, _classtransformer.Type)(()=>MaintenanceTaskDto),
    _ts_metadata("design:type", Array)
], MaintenanceDto.prototype, "tasks", void 0);
let EmergencyStopDto = class EmergencyStopDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minLength: 3,
        maxLength: 500,
        example: 'Venue prices look wrong'
    }),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(3, 500),
    _ts_metadata("design:type", String)
], EmergencyStopDto.prototype, "reason", void 0);
let ResumeDto = class ResumeDto {
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        minLength: 3,
        maxLength: 500,
        example: 'Prices verified'
    }),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(3, 500),
    _ts_metadata("design:type", String)
], ResumeDto.prototype, "reason", void 0);
let PerformanceQueryDto = class PerformanceQueryDto {
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        minimum: 60,
        maximum: 86400,
        default: 900,
        description: 'Seconds of history for the chart.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classtransformer.Type)(()=>Number),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(60),
    (0, _classvalidator.Max)(86400),
    _ts_metadata("design:type", Number)
], PerformanceQueryDto.prototype, "historySec", void 0);
let PageQueryDto = class PageQueryDto {
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        minimum: 1,
        maximum: 500,
        default: 50
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classtransformer.Type)(()=>Number),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(500),
    _ts_metadata("design:type", Number)
], PageQueryDto.prototype, "limit", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        minimum: 0,
        default: 0
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classtransformer.Type)(()=>Number),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    _ts_metadata("design:type", Number)
], PageQueryDto.prototype, "offset", void 0);
let AlertsQueryDto = class AlertsQueryDto extends PageQueryDto {
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: [
            'active',
            'resolved',
            'all'
        ],
        default: 'active'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)([
        'active',
        'resolved',
        'all'
    ]),
    _ts_metadata("design:type", String)
], AlertsQueryDto.prototype, "status", void 0);

//# sourceMappingURL=system.dto.js.map
