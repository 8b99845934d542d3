import type { Principal } from './api';

/** Every request over the Redis transport travels in an envelope carrying its context. */
export interface RequestContext {
  requestId: string;
  principal?: Pick<Principal, 'kind' | 'id' | 'userId' | 'role'>;
}
export interface Envelope<T = unknown> {
  ctx: RequestContext;
  data: T;
}

/** The error a service raises over the transport; the gateway turns it into an HTTP answer. */
export interface RpcErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; rules: Record<string, string> }[];
}
