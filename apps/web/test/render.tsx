// Test helpers: a real store with a fake gateway behind fetch, rendered inside a router.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router-dom';
import type { Role, TokenPair, UserView } from '@meridian/contracts';
import { createAppStore } from '../src/app/store';
import { LiveChannels } from '../src/live/liveChannels';
import type { SessionState } from '../src/session/sessionSlice';

export function userWith(role: Role): UserView {
  return { id: `u-${role}`, email: `${role}@meridian.dev`, role, createdAt: '2026-01-01T00:00:00.000Z', disabled: false };
}

export function sessionAs(role: Role, accessToken = 'access-1'): SessionState {
  return { accessToken, refreshToken: 'refresh-1', user: userWith(role) };
}

export function tokenPair(accessToken: string, role: Role = 'admin'): TokenPair {
  return { accessToken, refreshToken: `refresh-for-${accessToken}`, tokenType: 'Bearer', expiresIn: 900, user: userWith(role) };
}

export interface FakeReply {
  status?: number;
  body?: unknown;
}
export type FakeRoute = (request: Request, body: unknown) => FakeReply | Promise<FakeReply>;

/**
 * Replaces global fetch with a fake gateway keyed by "METHOD /path" (no query string).
 * Returns the requests it saw. Unknown routes answer 404 in the API's error shape.
 */
export function fakeGateway(routes: Record<string, FakeRoute | FakeReply>) {
  const calls: { key: string; url: URL; body: unknown; authorization: string | null }[] = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    const text = await request.text();
    const body = text ? JSON.parse(text) : undefined;
    calls.push({ key, url, body, authorization: request.headers.get('authorization') });
    const route = routes[key];
    const reply: FakeReply = !route
      ? { status: 404, body: { statusCode: 404, error: 'Not Found', message: `no fake for ${key}` } }
      : typeof route === 'function'
        ? await route(request, body)
        : route;
    const status = reply.status ?? 200;
    return new Response(reply.body === undefined || status === 204 ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return calls;
}

export function renderWithStore(ui: ReactElement, opts: { session?: SessionState; route?: string; live?: LiveChannels } = {}) {
  const live = opts.live ?? new LiveChannels();
  const store = createAppStore({ session: opts.session, live });
  const view = render(
    <Provider store={store}>
      <MemoryRouter initialEntries={[opts.route ?? '/']}>{ui}</MemoryRouter>
    </Provider>,
  );
  return { store, live, ...view };
}
