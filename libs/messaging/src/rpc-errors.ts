import type { RpcErrorBody } from '@meridian/contracts';

/** Raised by a service handler; travels over the transport as a plain body. */
export class RpcFailure extends Error {
  constructor(readonly body: RpcErrorBody) {
    super(body.message);
  }
}

export function isRpcErrorBody(value: unknown): value is RpcErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as RpcErrorBody).statusCode === 'number' && typeof (value as RpcErrorBody).message === 'string';
}

/** The service could not be reached in time (down, overloaded, or its circuit is open). */
export class ServiceUnavailableError extends Error {
  constructor(readonly service: string, readonly reason: 'timeout' | 'circuit-open' | 'not-connected') {
    super(
      reason === 'circuit-open'
        ? `${service} is unavailable (it failed its recent requests; retrying shortly)`
        : reason === 'timeout'
          ? `${service} did not answer in time`
          : `${service} cannot be reached`,
    );
  }
}
