import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { TRADING_PATTERNS, type CancelReport, type CreateOrderResult, type FillView, type OrderView, type Page } from '@meridian/contracts';
import { AmendOrderDto, ApiErrorDto, CancelOrdersDto, CancelReportDto, CreateOrderDto, CreateOrderResultDto, FillPageDto, FillsQueryDto, OrderIdParamDto, OrderPageDto, OrderStatusQueryDto, OrderViewDto } from '@meridian/contracts/dto';
import { RequireRole } from '../auth/access.decorators';
import { ServiceClients } from '../services/service-clients';

/** F9 Execution: translated to execution's message patterns. */
@ApiTags('execution')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller()
export class OrdersController {
  constructor(private readonly services: ServiceClients) {}

  @Post('orders/create')
  @RequireRole('trader')
  @ApiOperation({
    summary: 'Place an order (market, limit, stop, stop-limit, trailing stop, bracket, OCO or a TWAP/VWAP/iceberg algorithm)',
    description:
      'It is checked against your risk limits and recorded before the answer. The same clientOrderId again returns the existing order (duplicate: true) and creates nothing. ' +
      'A refusal answers 422 naming the check in `message` and in details[0].rules; the refused order is recorded too.',
  })
  @ApiCreatedResponse({ type: CreateOrderResultDto })
  @ApiUnprocessableEntityResponse({ type: ApiErrorDto, description: 'Refused by a pre-trade check: details[0] names it; the refused order is recorded (details[1].rules.recorded).' })
  create(@Body() body: CreateOrderDto) {
    return this.services.send<CreateOrderResult>('execution', TRADING_PATTERNS.createOrder, body);
  }

  @Get('orders/status')
  @ApiOperation({ summary: 'One order by id or clientOrderId, or your orders filtered (open by default), newest first, paginated' })
  @ApiOkResponse({ type: OrderPageDto })
  status(@Query() q: OrderStatusQueryDto) {
    return this.services.send<Page<OrderView>>('execution', TRADING_PATTERNS.orderStatus, q);
  }

  @Get('orders/:id')
  @ApiOperation({ summary: 'One of your orders' })
  @ApiOkResponse({ type: OrderViewDto })
  get(@Param() p: OrderIdParamDto) {
    return this.services.send<OrderView>('execution', TRADING_PATTERNS.getOrder, p);
  }

  @Post('orders/amend')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Amend the quantity or price of an open order (checked against the risk limits again)' })
  @ApiOkResponse({ type: OrderViewDto })
  amend(@Body() body: AmendOrderDto) {
    return this.services.send<OrderView>('execution', TRADING_PATTERNS.amendOrder, body);
  }

  @Get('executions/history')
  @ApiOperation({ summary: 'Your fills, newest first, filtered and paginated; format=csv downloads them' })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(FillPageDto)
  @ApiOkResponse({
    description: 'JSON; with format=csv a text/csv download of the same rows.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(FillPageDto) } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async history(@Query() q: FillsQueryDto, @Res({ passthrough: true }) res: Response) {
    const result = await this.services.send<Page<FillView> | { csv: string; rows: number }>('execution', TRADING_PATTERNS.fills, q);
    if ('csv' in result) {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="fills-${new Date().toISOString().slice(0, 10)}.csv"`);
      return result.csv;
    }
    return result;
  }

  @Post('executions/cancel')
  @RequireRole('trader')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel one order (id or clientOrderId), every open order of a symbol, or all your open orders; algorithms take their children with them' })
  @ApiOkResponse({ type: CancelReportDto })
  cancel(@Body() body: CancelOrdersDto) {
    return this.services.send<CancelReport>('execution', TRADING_PATTERNS.cancel, body);
  }
}
