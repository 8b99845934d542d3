import { Module } from '@nestjs/common';
import { HistoryImportController } from './history-import.controller';
import { HistoryImportService } from './history-import.service';

/** History imports (POST /api/data/import on the gateway): staging, commit into candles, abort. */
@Module({ controllers: [HistoryImportController], providers: [HistoryImportService], exports: [HistoryImportService] })
export class HistoryImportModule {}
