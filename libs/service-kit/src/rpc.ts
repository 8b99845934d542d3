import {
  applyDecorators, Catch, Controller, HttpException, Inject, Injectable, UseFilters, UseInterceptors, UsePipes,
  type ArgumentsHost, type CallHandler, type ExceptionFilter, type ExecutionContext, type NestInterceptor,
} from '@nestjs/common';
import { Observable, throwError, tap } from 'rxjs';
import type { Envelope, RpcErrorBody } from '@meridian/contracts';
import { RpcFailure } from '@meridian/messaging';
import { newRequestId, runWithContext, type Logger, type ProcessMetrics } from '@meridian/observability';
import { LOGGER, METRICS } from './tokens';
import { createValidationPipe, InvalidInputException } from './validation';

/** Runs each message handler inside its request's context (for logs) and times it. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  constructor(@Inject(METRICS) private readonly metrics: ProcessMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = context.switchToRpc();
    const envelope = rpc.getData<Partial<Envelope>>();
    const ctx = envelope?.ctx?.requestId ? envelope.ctx : { requestId: newRequestId() };
    // The channel carries the namespace prefix; the metric is labelled by the plain pattern.
    const pattern = String(rpc.getContext<{ getChannel?: () => string }>()?.getChannel?.() ?? 'unknown').replace(/^[^:]*:/, '');
    const started = performance.now();
    return new Observable((subscriber) =>
      runWithContext(ctx, () =>
        next
          .handle()
          .pipe(
            tap({
              next: () => this.metrics.rpcDuration.observe({ pattern, outcome: 'ok' }, (performance.now() - started) / 1000),
              error: () => this.metrics.rpcDuration.observe({ pattern, outcome: 'error' }, (performance.now() - started) / 1000),
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}

/** Turns anything a handler throws into the transport's error body; never lets a request crash the service. */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toBody(exception));
  }

  private toBody(exception: unknown): RpcErrorBody {
    if (exception instanceof RpcFailure) return exception.body;
    if (exception instanceof InvalidInputException) {
      return { statusCode: 400, error: 'Bad Request', message: (exception.getResponse() as { message: string }).message, details: exception.fields };
    }
    if (exception instanceof HttpException) {
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : String((res as { message?: unknown }).message ?? exception.message);
      return { statusCode: exception.getStatus(), error: exception.name.replace(/Exception$/, ''), message };
    }
    this.logger.error({ err: exception }, 'unhandled error in a message handler');
    return { statusCode: 500, error: 'Internal Server Error', message: 'The service failed to handle the request; see its logs.' };
  }
}

/** A controller of message handlers: context, validation of `data` and error mapping, all in one place. */
export function RpcController(): ClassDecorator {
  return applyDecorators(Controller(), UseInterceptors(RpcContextInterceptor), UsePipes(createValidationPipe()), UseFilters(RpcErrorFilter));
}
