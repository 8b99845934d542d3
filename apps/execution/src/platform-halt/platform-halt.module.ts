import { Module } from '@nestjs/common';
import { PlatformHaltController } from './platform-halt.controller';
import { PlatformHaltService } from './platform-halt.service';

@Module({ controllers: [PlatformHaltController], providers: [PlatformHaltService] })
export class PlatformHaltModule {}
