import { MessagePattern, Payload } from '@nestjs/microservices';
import { EXECUTION_PATTERNS } from '@meridian/contracts';
import { RpcController } from '@meridian/service-kit';
import { HaltCommandDto } from './halt-command.dto';
import { PlatformHaltService } from './platform-halt.service';

@RpcController()
export class PlatformHaltController {
  constructor(private readonly halts: PlatformHaltService) {}

  @MessagePattern(EXECUTION_PATTERNS.emergencyStop)
  stop(@Payload('data') command: HaltCommandDto) {
    return this.halts.apply(command);
  }

  @MessagePattern(EXECUTION_PATTERNS.resume)
  resume(@Payload('data') command: HaltCommandDto) {
    return this.halts.apply(command);
  }
}
