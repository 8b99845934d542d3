import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@meridian/contracts';
import { memoizeValidationMetadata } from './validation-metadata-cache';

/** Flattens nested class-validator errors into `a.b[0].c` paths with the rules each broke. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    if (e.constraints) out.push({ field: path, rules: e.constraints });
    if (e.children?.length) out.push(...toFieldErrors(e.children, path));
  }
  return out;
}

export class InvalidInputException extends BadRequestException {
  constructor(readonly fields: FieldError[]) {
    super({ message: `Invalid input: ${fields.map((f) => `${f.field} (${Object.keys(f.rules).join(', ')})`).join('; ')}`, details: fields });
  }
}

/** The one validation pipe: unknown fields are refused, types are converted, errors name each field. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validateCustomDecorators: true,
    stopAtFirstError: false,
    // Set here although it is the pipe's default: the pipe adds it to a copy of these options on
    // every call, and adding a key the copy lacks builds a new V8 map each time (see
    // apps/gateway/src/http/express-http-adapter.ts for why that costs).
    validationError: { target: false },
    exceptionFactory: (errors) => new InvalidInputException(toFieldErrors(errors)),
  });
}
