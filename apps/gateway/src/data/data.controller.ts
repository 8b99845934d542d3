import { Controller, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiQuery, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ImportResult, Principal } from '@meridian/contracts';
import { ImportResultDto } from '@meridian/contracts/dto';
import { CurrentPrincipal, principalLabel, RequireRole } from '../auth/access.decorators';
import { DataImportQueryDto, IMPORT_FORMATS } from './data-import.query';
import { DataImportService, MAX_IMPORT_BYTES } from './data-import.service';

const YAHOO_EXAMPLE = 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,472.160004,473.670013,470.489990,472.649994,465.700012,123623700\n';

@ApiTags('data')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('data')
export class DataController {
  constructor(private readonly imports: DataImportService) {}

  @Post('import')
  @RequireRole('trader')
  @ApiOperation({
    summary: 'Import daily bars from a CSV (trader): all rows or none',
    description:
      'The CSV is the raw request body (Content-Type text/csv), streamed: files up to 512 MB. ' +
      'format=yahoo reads Yahoo Finance downloads (Date,Open,High,Low,Close,Adj Close,Volume; Close is stored, Adj Close ignored); ' +
      'format=generic reads any CSV with a header, given the column names in dateColumn, openColumn, highColumn, lowColumn, closeColumn and optionally volumeColumn. ' +
      'Dates are YYYY-MM-DD or ISO 8601 datetimes (the written calendar date counts) and must increase; prices are kept exactly as written. ' +
      'The first bad row refuses the whole file with 400 naming the line (message "line 57: High 101.2 is below Low 103.5", details [{field: "line 57", rules: {highBelowLow: …}}]) and nothing is stored. ' +
      'On success the bars replace the 1d candles of the symbol between the first and last imported date; the symbol becomes an instrument of venue "imported" unless it is a live one.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'The CSV file, as is.', schema: { type: 'string', example: YAHOO_EXAMPLE } })
  @ApiQuery({ name: 'symbol', required: true, description: 'Symbol to import under: 1–32 of A–Z a–z 0–9 . _ ^ -', example: 'SPY' })
  @ApiQuery({ name: 'format', required: false, enum: IMPORT_FORMATS, description: 'Default yahoo.' })
  @ApiQuery({ name: 'timeframe', required: false, enum: ['1d'], description: 'Bar size; only 1d for now (the default).' })
  @ApiQuery({ name: 'dateColumn', required: false, description: 'format=generic: header of the date column (required).' })
  @ApiQuery({ name: 'openColumn', required: false, description: 'format=generic: header of the open column (required).' })
  @ApiQuery({ name: 'highColumn', required: false, description: 'format=generic: header of the high column (required).' })
  @ApiQuery({ name: 'lowColumn', required: false, description: 'format=generic: header of the low column (required).' })
  @ApiQuery({ name: 'closeColumn', required: false, description: 'format=generic: header of the close column (required).' })
  @ApiQuery({ name: 'volumeColumn', required: false, description: 'format=generic: header of the volume column (optional; volume is null without it).' })
  @ApiQuery({ name: 'skipNullRows', required: false, enum: ['true', 'false'], description: 'Skip Yahoo\'s all-"null" rows (days without data) instead of refusing the file. Default false.' })
  @ApiCreatedResponse({ type: ImportResultDto, description: 'Imported.' })
  @ApiResponse({ status: 400, description: 'A bad query or the first bad line of the file; nothing stored.' })
  @ApiResponse({ status: 403, description: 'Needs the trader role.' })
  @ApiResponse({ status: 413, description: `Larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.` })
  @ApiResponse({ status: 415, description: 'Not sent as text/csv.' })
  importCsv(@Query() query: DataImportQueryDto, @Req() req: Request, @CurrentPrincipal() who: Principal): Promise<ImportResult> {
    return this.imports.importCsv(req, query, { label: principalLabel(who) });
  }
}
