/**
 * The REST half of Deriv's authentication for trading: a personal access token (or OAuth token)
 * and the app id buy a one-time WebSocket URL for one trading account (demo or real):
 *
 *   POST {restBaseUrl}/trading/v1/options/accounts/{accountId}/otp
 *   Authorization: Bearer <token>, Deriv-App-ID: <app id>
 *   200 → { data: { url: "wss://…/trading/v1/options/ws/demo?otp=…" } }
 *   4xx/5xx → { errors: [{ status, code, message }], meta }
 *
 * The URL is good for one connection only, so every reconnect asks for a new one.
 */
import { DerivApiError } from './deriv-protocol';

export const DERIV_REST_BASE_URL = 'https://api.derivws.com';

export interface DerivOtpRequest {
  appId: string;
  apiToken: string;
  accountId: string;
  /** Default {@link DERIV_REST_BASE_URL}; tests point it at the local protocol server. */
  restBaseUrl?: string;
  /** Abort after this long; default 10 000 ms. */
  timeoutMs?: number;
  /** Injected for tests; default the global fetch of Node 20. */
  fetch?: typeof fetch;
}

interface RestErrorBody {
  errors?: Array<{ status?: number; code?: string; message?: string }>;
}

/** Asks Deriv for a one-time trading socket URL; rejects with a {@link DerivApiError} saying why not. */
export async function requestTradingSocketUrl(request: DerivOtpRequest): Promise<string> {
  const base = (request.restBaseUrl ?? DERIV_REST_BASE_URL).replace(/\/+$/, '');
  const endpoint = `${base}/trading/v1/options/accounts/${encodeURIComponent(request.accountId)}/otp`;
  const doFetch = request.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(endpoint, {
      method: 'POST',
      headers: { Authorization: `Bearer ${request.apiToken}`, 'Deriv-App-ID': request.appId, Accept: 'application/json' },
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw new DerivApiError('OtpRequestFailed', `${endpoint}: ${err instanceof Error ? err.message : String(err)}`, 'otp');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const first = (body as RestErrorBody | undefined)?.errors?.[0];
    const code = first?.code ?? (response.status === 401 ? 'Unauthorized' : `Http${response.status}`);
    throw new DerivApiError(code, first?.message ?? `HTTP ${response.status}`, 'otp');
  }
  const url = (body as { data?: { url?: unknown } } | undefined)?.data?.url;
  if (typeof url !== 'string' || !/^wss?:\/\//.test(url)) throw new DerivApiError('InvalidOtpResponse', 'no data.url with a ws:// or wss:// address', 'otp');
  return url;
}
