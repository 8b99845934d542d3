import type { BaseQueryApi, FetchArgs } from '@reduxjs/toolkit/query';
import type { TokenPair } from '@meridian/contracts';
import { emptySession, loggedOut, sessionSlice, tokensReceived, type SessionState } from '../session/sessionSlice';
import { withReauth, type RawBaseQuery } from './reauthBaseQuery';

const pair = (accessToken: string): TokenPair => ({
  accessToken,
  refreshToken: `refresh-for-${accessToken}`,
  tokenType: 'Bearer',
  expiresIn: 900,
  user: { id: 'u1', email: 'a@b.c', role: 'admin', createdAt: '2026-01-01T00:00:00Z', disabled: false },
});

/** A BaseQueryApi over a tiny session store, recording what was dispatched. */
function harness(session: SessionState) {
  let state = { session };
  const dispatched: unknown[] = [];
  const api = {
    getState: () => state,
    dispatch: (action: { type: string }) => {
      dispatched.push(action);
      state = { session: sessionSlice.reducer(state.session, action as never) };
      return action;
    },
  } as unknown as BaseQueryApi;
  return { api, dispatched, state: () => state };
}

const urlOf = (args: string | FetchArgs) => (typeof args === 'string' ? args : args.url);

describe('withReauth', () => {
  it('refreshes once on a 401 and retries the request with the new token', async () => {
    const h = harness({ accessToken: 'old', refreshToken: 'r-old', user: null });
    const seen: string[] = [];
    const raw: RawBaseQuery = jest.fn(async (args, api) => {
      const token = (api.getState() as { session: SessionState }).session.accessToken;
      seen.push(`${urlOf(args)} as ${token}`);
      if (urlOf(args) === '/auth/refresh') return { data: pair('new') };
      return token === 'new' ? { data: { ok: true } } : { error: { status: 401, data: {} } };
    });

    const result = await withReauth(raw)('/system/status', h.api, {});

    expect(result).toEqual({ data: { ok: true } });
    expect(seen).toEqual(['/system/status as old', '/auth/refresh as old', '/system/status as new']);
    expect(raw).toHaveBeenCalledWith({ url: '/auth/refresh', method: 'POST', body: { refreshToken: 'r-old' } }, h.api, {});
    expect(h.state().session.accessToken).toBe('new');
  });

  it('logs out when the gateway rejects the refresh, without retrying', async () => {
    const h = harness({ accessToken: 'old', refreshToken: 'r-old', user: null });
    const raw: RawBaseQuery = jest.fn(async () => ({ error: { status: 401, data: {} } }));

    const result = await withReauth(raw)('/system/status', h.api, {});

    expect(result.error?.status).toBe(401);
    expect(raw).toHaveBeenCalledTimes(2); // the request and the refresh, no retry
    expect(h.dispatched).toContainEqual(loggedOut());
    expect(h.state().session).toEqual(emptySession);
  });

  it('keeps the session when the refresh cannot reach the gateway', async () => {
    const h = harness({ accessToken: 'old', refreshToken: 'r-old', user: null });
    const raw: RawBaseQuery = jest.fn(async (args) =>
      urlOf(args) === '/auth/refresh' ? { error: { status: 'FETCH_ERROR', error: 'offline' } } : { error: { status: 401, data: {} } },
    );

    await withReauth(raw)('/system/status', h.api, {});

    expect(h.state().session.accessToken).toBe('old');
  });

  it('shares one refresh between requests that fail at the same time', async () => {
    const h = harness({ accessToken: 'old', refreshToken: 'r-old', user: null });
    let refreshes = 0;
    const raw: RawBaseQuery = jest.fn(async (args, api) => {
      if (urlOf(args) === '/auth/refresh') {
        refreshes++;
        await new Promise((r) => setTimeout(r, 5));
        return { data: pair('new') };
      }
      const token = (api.getState() as { session: SessionState }).session.accessToken;
      return token === 'new' ? { data: urlOf(args) } : { error: { status: 401, data: {} } };
    });
    const query = withReauth(raw);

    const results = await Promise.all([query('/a', h.api, {}), query('/b', h.api, {}), query('/c', h.api, {})]);

    expect(refreshes).toBe(1);
    expect(results.map((r) => r.data)).toEqual(['/a', '/b', '/c']);
  });

  it('does not try to refresh when the login itself answers 401', async () => {
    const h = harness({ ...emptySession, accessToken: 'stale', refreshToken: 'r' });
    const raw: RawBaseQuery = jest.fn(async () => ({ error: { status: 401, data: { message: 'Invalid email or password' } } }));

    await withReauth(raw)({ url: '/auth/login', method: 'POST', body: {} }, h.api, {});

    expect(raw).toHaveBeenCalledTimes(1);
    expect(h.dispatched).toEqual([]);
  });

  it('retries without refreshing when another request already replaced the token', async () => {
    const h = harness({ accessToken: 'old', refreshToken: 'r-old', user: null });
    const raw: RawBaseQuery = jest.fn(async (args, api) => {
      const token = (api.getState() as { session: SessionState }).session.accessToken;
      if (token === 'old') {
        api.dispatch(tokensReceived(pair('newer'))); // a concurrent refresh lands while this request is in flight
        return { error: { status: 401, data: {} } };
      }
      return { data: token };
    });

    const result = await withReauth(raw)('/x', h.api, {});

    expect(result.data).toBe('newer');
    expect(raw).not.toHaveBeenCalledWith(expect.objectContaining({ url: '/auth/refresh' }), expect.anything(), expect.anything());
  });
});
