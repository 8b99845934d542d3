import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { MARKET_PATTERNS, type CorrelationResponse, type InstrumentView, type LiveDataResponse, type PriceAlertView, type ReplayView } from '@meridian/contracts';
import { ApiErrorDto, CorrelationQueryDto, CorrelationResponseDto, CreatePriceAlertDto, InstrumentViewDto, LiveDataQueryDto, LiveDataResponseDto, PriceAlertViewDto, ReplayStartDto, ReplayViewDto, UuidParamDto } from '@meridian/contracts/dto';
import { RequireRole } from '../auth/access.decorators';
import { AlertsService } from '../alerts/alerts.service';
import { ServiceClients } from '../services/service-clients';
import { ApiErrors } from '../http/api-docs';

/** F4 Markets: translated to execution's message patterns. */
@ApiTags('markets')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiErrors()
@Controller('markets')
export class MarketsController {
  constructor(private readonly services: ServiceClients, private readonly alerts: AlertsService) {}

  @Get('instruments')
  @ApiOperation({ summary: 'Instruments: live ones from the venue, and symbols with imported history' })
  @ApiOkResponse({ type: [InstrumentViewDto] })
  instruments() {
    return this.services.send<InstrumentView[]>('execution', MARKET_PATTERNS.instruments);
  }

  @Get('live-data')
  @ApiOperation({ summary: 'Latest price of each symbol with its 24 h change, high and low; with symbol, its candles (paged back with before)' })
  @ApiOkResponse({ type: LiveDataResponseDto })
  liveData(@Query() q: LiveDataQueryDto) {
    return this.services.send<LiveDataResponse>('execution', MARKET_PATTERNS.liveData, q);
  }

  @Get('correlations')
  @ApiOperation({ summary: 'Pearson correlation matrix of simple returns over the common dates; with window and two symbols, the rolling correlation' })
  @ApiOkResponse({ type: CorrelationResponseDto })
  correlations(@Query() q: CorrelationQueryDto) {
    return this.services.send<CorrelationResponse>('execution', MARKET_PATTERNS.correlations, q);
  }

  @Post('alerts')
  @RequireRole('trader')
  @ApiOperation({ summary: 'Create a price alert (above, below, crossing, percent move in a window), once or repeating, with an optional webhook' })
  @ApiCreatedResponse({ type: PriceAlertViewDto })
  createAlert(@Body() body: CreatePriceAlertDto) {
    return this.services.send<PriceAlertView>('execution', MARKET_PATTERNS.createAlert, body);
  }

  @Get('alerts')
  @ApiOperation({ summary: 'Your price alerts' })
  @ApiOkResponse({ type: [PriceAlertViewDto] })
  listAlerts() {
    return this.services.send<PriceAlertView[]>('execution', MARKET_PATTERNS.listAlerts);
  }

  @Post('replay')
  @RequireRole('trader')
  @ApiOperation({ summary: 'Replay stored candles of a symbol as a live feed on the market stream (as <symbol>.replay) at a chosen speed' })
  @ApiCreatedResponse({ type: ReplayViewDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'Too many replays playing at once' })
  startReplay(@Body() body: ReplayStartDto) {
    return this.services.send<ReplayView>('execution', MARKET_PATTERNS.replayStart, body);
  }

  @Get('replay')
  @ApiOperation({ summary: 'Replays playing and recently finished' })
  @ApiOkResponse({ type: [ReplayViewDto] })
  listReplays() {
    return this.services.send<ReplayView[]>('execution', MARKET_PATTERNS.replayList);
  }

  @Delete('replay/:id')
  @RequireRole('trader')
  @ApiOperation({ summary: 'Stop a replay' })
  @ApiOkResponse({ type: ReplayViewDto, description: 'The replay, stopped' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  stopReplay(@Param() p: UuidParamDto) {
    return this.services.send<ReplayView>('execution', MARKET_PATTERNS.replayStop, p);
  }

  @Delete('alerts/:id')
  @RequireRole('trader')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one of your price alerts' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  async deleteAlert(@Param() p: UuidParamDto) {
    await this.services.send('execution', MARKET_PATTERNS.deleteAlert, p);
    await this.alerts.resolve(`price-alert:${p.id}`, 'price alert removed');
  }
}
