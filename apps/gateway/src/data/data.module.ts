import { Module } from '@nestjs/common';
import { PlatformModule } from '../platform.module';
import { DataController } from './data.controller';
import { DataImportService } from './data-import.service';

/** F4 data: the history import (POST /api/data/import), streamed to execution. */
@Module({ imports: [PlatformModule], controllers: [DataController], providers: [DataImportService] })
export class DataModule {}
