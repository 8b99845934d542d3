import { Injectable, type PipeTransform } from '@nestjs/common';
import { validate } from 'class-validator';
import type { ImportBar } from '@meridian/contracts';
import { InvalidInputException, toFieldErrors } from '@meridian/service-kit';
import { ImportAppendDto } from './history-import.dto';

/** The append payload as the handler declares it: an interface, so the controller's pipe leaves it to this one. */
export interface ImportAppendPayload {
  importId: string;
  bars: ImportBar[];
}

const APPEND_KEYS = new Set(['importId', 'bars']);

/**
 * Validates an append with class-validator under the platform pipe's rules (unknown fields
 * refused, errors naming each field), but without class-transformer: its deep copy of 5,000 plain
 * bars costs 0.5–1 s, more than the transport deadline; building the DTO by hand costs nothing.
 */
@Injectable()
export class ImportAppendPipe implements PipeTransform<unknown, Promise<ImportAppendDto>> {
  async transform(value: unknown): Promise<ImportAppendDto> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InvalidInputException([{ field: 'data', rules: { isObject: 'the append must be an object {importId, bars}' } }]);
    }
    const unknown = Object.keys(value).filter((k) => !APPEND_KEYS.has(k));
    if (unknown.length) throw new InvalidInputException(unknown.map((field) => ({ field, rules: { whitelistValidation: `property ${field} should not exist` } })));
    const v = value as Partial<ImportAppendPayload>;
    const dto = new ImportAppendDto();
    dto.importId = v.importId as string;
    dto.bars = v.bars as ImportBar[];
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: false });
    if (errors.length) throw new InvalidInputException(toFieldErrors(errors));
    return dto;
  }
}
