import { AlertEntity } from './alerts/alert.entity';
import { ApiKeyEntity, PlatformSecretEntity, RefreshTokenEntity, UserEntity } from './auth/auth.entities';
import { MetricSampleEntity } from './metrics/metric-sample.entity';
import { ConfigVersionEntity } from './system/config/config-version.entity';
import { PlatformHaltEntity } from './system/halt/platform-halt.entity';
import { MaintenanceRunEntity, MaintenanceStateEntity } from './system/maintenance/maintenance.entities';

export const gatewayEntities = [
  UserEntity, RefreshTokenEntity, ApiKeyEntity, PlatformSecretEntity, AlertEntity, MetricSampleEntity,
  ConfigVersionEntity, PlatformHaltEntity, MaintenanceStateEntity, MaintenanceRunEntity,
];
