import { Catch, HttpException, HttpStatus, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ThrottlerException } from '@nestjs/throttler';
import type { ApiErrorBody } from '@meridian/contracts';
import { RpcFailure, ServiceUnavailableError } from '@meridian/messaging';
import { currentContext, type Logger } from '@meridian/observability';
import { InvalidInputException, LOGGER } from '@meridian/service-kit';

/** The one error format of the API; an unexpected error is logged and never leaks details. */
export function toApiError(exception: unknown, logger: Logger): ApiErrorBody {
  const requestId = currentContext()?.requestId;
  if (exception instanceof InvalidInputException) {
    return { statusCode: 400, error: 'Bad Request', message: (exception.getResponse() as { message: string }).message, details: exception.fields, requestId };
  }
  if (exception instanceof ServiceUnavailableError) {
    return { statusCode: 503, error: 'Service Unavailable', message: exception.message, service: exception.service, requestId };
  }
  if (exception instanceof RpcFailure) {
    const b = exception.body;
    return { statusCode: b.statusCode, error: b.error, message: b.message, details: b.details, requestId };
  }
  if (exception instanceof ThrottlerException) {
    return { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded; slow down and retry after the Retry-After delay', requestId };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    const raw = typeof res === 'string' ? res : (res as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    const service = typeof res === 'object' && res && 'service' in res ? String((res as { service: unknown }).service) : undefined;
    return { statusCode: status, error: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) ?? 'Error', message, service, requestId };
  }
  logger.error({ err: exception }, 'unhandled error');
  return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; the request id is in the logs', requestId };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const body = toApiError(exception, this.logger);
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}
