import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { PerformanceQueryDto, PerformanceReportDto } from '@meridian/contracts/dto';
import type { ProcessMetrics } from '@meridian/observability';
import { METRICS } from '@meridian/service-kit';
import { Public } from '../auth/access.decorators';
import { PerformanceService } from './performance.service';
import { ApiErrors } from '../http/api-docs';

@ApiTags('dashboard')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiErrors()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly performance: PerformanceService) {}

  @Get('performance')
  @ApiOperation({ summary: 'p50/p95/p99 latency per route, request and error rates, memory per service, and history for the chart' })
  @ApiOkResponse({ type: PerformanceReportDto })
  report(@Query() q: PerformanceQueryDto) {
    return this.performance.report(q.historySec ?? 900);
  }
}

/** Prometheus scrape endpoint at /metrics (outside /api, as scrapers expect; keep it off the public ingress). */
@Controller()
export class PrometheusController {
  constructor(@Inject(METRICS) private readonly metrics: ProcessMetrics) {}

  @Public()
  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape() {
    return this.metrics.registry.metrics();
  }
}
