import type { ClientProxy } from '@nestjs/microservices';

/** The part of a Nest client proxy this wrapper uses. */
export type TransportProxy = Pick<ClientProxy, 'send' | 'emit' | 'connect' | 'close'>;
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { Envelope, RequestContext } from '@meridian/contracts';
import { CircuitBreaker, CircuitOpenError, type CircuitState } from '@meridian/resilience';
import { RpcFailure, ServiceUnavailableError, isRpcErrorBody } from './rpc-errors';

/**
 * The caller's side of one service over the Redis transport: every request carries the request
 * context, has a deadline, and passes a circuit breaker, so a dead service costs under a second
 * and then nothing at all until it answers again.
 */
export class ServiceClient {
  readonly circuit: CircuitBreaker;

  constructor(
    readonly service: string,
    private readonly proxy: TransportProxy,
    private readonly timeoutMs: () => number,
  ) {
    this.circuit = new CircuitBreaker(service, {
      volumeThreshold: 3,
      errorThresholdPercentage: 50,
      resetTimeoutMs: 3_000,
      isAnswer: (err) => err instanceof RpcFailure,
    });
  }

  get circuitState(): CircuitState {
    return this.circuit.state;
  }

  async connect(): Promise<void> {
    await this.proxy.connect();
  }

  /** Sends a request; resolves with the answer or rejects with RpcFailure / ServiceUnavailableError. */
  async send<TResult, TData = unknown>(pattern: string, data: TData, ctx: RequestContext, deadlineMs?: number): Promise<TResult> {
    try {
      return await this.circuit.execute(() => this.rawSend<TResult, TData>(pattern, data, ctx, deadlineMs));
    } catch (err) {
      if (err instanceof CircuitOpenError) throw new ServiceUnavailableError(this.service, 'circuit-open');
      throw err;
    }
  }

  /** Bypasses the breaker: used by health probes, which then open or close it. */
  async rawSend<TResult, TData = unknown>(pattern: string, data: TData, ctx: RequestContext, deadlineMs?: number): Promise<TResult> {
    const envelope: Envelope<TData> = { ctx, data };
    try {
      return await firstValueFrom(this.proxy.send<TResult, Envelope<TData>>(pattern, envelope).pipe(timeout(deadlineMs ?? this.timeoutMs())));
    } catch (err) {
      if (err instanceof TimeoutError) throw new ServiceUnavailableError(this.service, 'timeout');
      if (isRpcErrorBody(err)) throw new RpcFailure(err);
      if (err instanceof ServiceUnavailableError) throw err;
      throw new ServiceUnavailableError(this.service, 'not-connected');
    }
  }

  /** Fire-and-forget notification (may be lost if nobody listens: see CONVENTIONS). */
  emit<TData>(pattern: string, data: TData, ctx: RequestContext): void {
    this.proxy.emit(pattern, { ctx, data } satisfies Envelope<TData>).subscribe({ error: () => undefined });
  }

  async close(): Promise<void> {
    this.circuit.shutdown();
    await this.proxy.close();
  }
}
