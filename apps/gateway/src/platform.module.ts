import { Module } from '@nestjs/common';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { MarketStreamGateway } from './markets/market-stream.gateway';
import { MarketsController } from './markets/markets.controller';
import { HealthController } from './health/health.controller';
import { HealthMonitorService } from './health/health-monitor.service';
import { MetricsController, PrometheusController } from './metrics/metrics.controller';
import { PerformanceService } from './metrics/performance.service';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { RealtimeHub } from './realtime/realtime-hub';
import { ServiceClients } from './services/service-clients';
import { RuntimeConfigService } from './system/config/runtime-config.service';
import { PlatformHaltService } from './system/halt/platform-halt.service';
import { LogsService } from './system/logs/logs.service';
import { MaintenanceService } from './system/maintenance/maintenance.service';
import { SystemStatusService } from './system/status/system-status.service';
import { SystemController } from './system/system.controller';
import { OrdersController } from './trading/orders.controller';
import { PortfolioController } from './trading/portfolio.controller';
import { ServiceAlertsListener } from './alerts/service-alerts.listener';
import { SimulationController } from './simulation/simulation.controller';
import { StrategiesController } from './simulation/strategies.controller';

/**
 * The gateway's own modules, F1 Dashboard and F10 System: health monitoring, performance,
 * alerts, runtime config, logs, maintenance, the halt, the live channels, the service clients, and
 * the gateway side of F4 Markets (REST translated to execution, the market stream), and the gateway
 * side of F8 Portfolio and F9 Execution (REST translated to execution; their events on /api/ws).
 * They share most collaborators, so they are wired in one module; each lives in its own folder.
 */
@Module({
  controllers: [HealthController, MetricsController, PrometheusController, AlertsController, SystemController, MarketsController, OrdersController, PortfolioController, StrategiesController, SimulationController],
  providers: [
    RealtimeHub, RealtimeGateway, ServiceClients, RuntimeConfigService, AlertsService, HealthMonitorService,
    PerformanceService, LogsService, MaintenanceService, PlatformHaltService, SystemStatusService, MarketStreamGateway,
    ServiceAlertsListener,
  ],
  exports: [RuntimeConfigService, MaintenanceService, ServiceClients, RealtimeHub],
})
export class PlatformModule {}
