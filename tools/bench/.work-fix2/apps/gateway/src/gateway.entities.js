"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "gatewayEntities", {
    enumerable: true,
    get: function() {
        return gatewayEntities;
    }
});
const _alertentity = require("./alerts/alert.entity");
const _authentities = require("./auth/auth.entities");
const _metricsampleentity = require("./metrics/metric-sample.entity");
const _configversionentity = require("./system/config/config-version.entity");
const _platformhaltentity = require("./system/halt/platform-halt.entity");
const _maintenanceentities = require("./system/maintenance/maintenance.entities");
const gatewayEntities = [
    _authentities.UserEntity,
    _authentities.RefreshTokenEntity,
    _authentities.ApiKeyEntity,
    _authentities.PlatformSecretEntity,
    _alertentity.AlertEntity,
    _metricsampleentity.MetricSampleEntity,
    _configversionentity.ConfigVersionEntity,
    _platformhaltentity.PlatformHaltEntity,
    _maintenanceentities.MaintenanceStateEntity,
    _maintenanceentities.MaintenanceRunEntity
];

//# sourceMappingURL=gateway.entities.js.map
