import type { BaseQueryApi, BaseQueryFn, FetchArgs, FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { fetchBaseQuery } from '@reduxjs/toolkit/query/react';
import type { TokenPair } from '@meridian/contracts';
import { loggedOut, tokensReceived, type WithSession } from '../session/sessionSlice';

export type RawBaseQuery = BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError>;

const accessTokenOf = (api: Pick<BaseQueryApi, 'getState'>) => (api.getState() as WithSession).session.accessToken;
const refreshTokenOf = (api: Pick<BaseQueryApi, 'getState'>) => (api.getState() as WithSession).session.refreshToken;

// Absolute, because a Request built outside a page (Node's fetch in tests) cannot resolve '/api'.
const defaultBaseUrl = `${globalThis.location?.origin ?? ''}/api`;

/** fetchBaseQuery on the gateway's /api prefix, carrying the session's bearer token. */
export function createRawBaseQuery(baseUrl = defaultBaseUrl): RawBaseQuery {
  return fetchBaseQuery({
    baseUrl,
    prepareHeaders: (headers, api) => {
      const token = accessTokenOf(api);
      if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
      return headers;
    },
  });
}

// These answer 401 for bad credentials; refreshing in reply would be pointless or loop.
const NO_REAUTH = ['/auth/login', '/auth/refresh', '/auth/logout'];
const urlOf = (args: string | FetchArgs) => (typeof args === 'string' ? args : args.url);

/**
 * On a 401, trade the refresh token for a new pair (once, shared by all requests failing at the
 * same time) and retry the request once. Logs out when the gateway rejects the refresh.
 */
export function withReauth(raw: RawBaseQuery): RawBaseQuery {
  let refreshing: Promise<'refreshed' | 'rejected' | 'unreachable'> | null = null;

  const refresh = (api: BaseQueryApi, extra: object) => {
    refreshing ??= (async () => {
      const refreshToken = refreshTokenOf(api);
      if (!refreshToken) return 'rejected' as const;
      const result = await raw({ url: '/auth/refresh', method: 'POST', body: { refreshToken } }, api, extra);
      if (result.data) {
        api.dispatch(tokensReceived(result.data as TokenPair));
        return 'refreshed' as const;
      }
      // A network failure is not a verdict on the session: keep it and let the next call try again.
      return typeof result.error?.status === 'number' ? ('rejected' as const) : ('unreachable' as const);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  return async (args, api, extra) => {
    const tokenUsed = accessTokenOf(api);
    const result = await raw(args, api, extra);
    if (result.error?.status !== 401 || !tokenUsed || NO_REAUTH.includes(urlOf(args))) return result;

    // Another request may have refreshed while this one was in flight: then just retry.
    const current = accessTokenOf(api);
    const outcome = current && current !== tokenUsed ? 'refreshed' : await refresh(api, (extra ?? {}) as object);
    if (outcome === 'rejected') {
      api.dispatch(loggedOut());
      return result;
    }
    if (outcome === 'unreachable') return result;
    return raw(args, api, extra);
  };
}
