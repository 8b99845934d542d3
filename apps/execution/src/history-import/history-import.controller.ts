import { MessagePattern, Payload } from '@nestjs/microservices';
import { MARKET_PATTERNS } from '@meridian/contracts';
import { RpcController } from '@meridian/service-kit';
import { ImportAbortDto, ImportBeginDto, ImportCommitDto } from './history-import.dto';
import { HistoryImportService } from './history-import.service';
import { ImportAppendPipe, type ImportAppendPayload } from './import-append.pipe';

/** The four steps of a history import, as the gateway drives them (see HistoryImportService). */
@RpcController()
export class HistoryImportController {
  constructor(private readonly imports: HistoryImportService) {}

  @MessagePattern(MARKET_PATTERNS.importBegin)
  begin(@Payload('data') dto: ImportBeginDto) {
    return this.imports.begin(dto);
  }

  @MessagePattern(MARKET_PATTERNS.importAppend)
  append(@Payload('data', ImportAppendPipe) dto: ImportAppendPayload) {
    // Declared as an interface so the controller-wide pipe (class-transformer) skips it: see ImportAppendPipe.
    return this.imports.append(dto);
  }

  @MessagePattern(MARKET_PATTERNS.importCommit)
  commit(@Payload('data') dto: ImportCommitDto) {
    return this.imports.commit(dto.importId);
  }

  @MessagePattern(MARKET_PATTERNS.importAbort)
  abort(@Payload('data') dto: ImportAbortDto) {
    return this.imports.abort(dto);
  }
}
