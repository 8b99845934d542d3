import { baseApi, SIMULATION_TAGS, TRADING_TAGS } from '../api/baseApi';
import type { AppStore } from '../app/store';
import { liveStatusChanged, type LiveStatus } from '../app/uiSlice';
import { authApi } from '../session/authApi';
import { LiveConnection, liveUrlFor } from './liveConnection';
import { MarketConnection, marketStreamUrlFor } from './marketConnection';
import type { LiveChannels } from './liveChannels';

/**
 * Events sent while the socket was away are lost for good. Once it is live again after having
 * been live before, re-read what the `trading` channel keeps current (orders, fills, positions)
 * and what the `simulation` channel does (runs and their progress).
 */
export function resyncOnReconnect(dispatch: AppStore['dispatch']): (status: LiveStatus) => void {
  let wasLive = false;
  let missed = false;
  return (status) => {
    if (status === 'live') {
      if (missed) dispatch(baseApi.util.invalidateTags([...TRADING_TAGS, ...SIMULATION_TAGS]));
      wasLive = true;
      missed = false;
    } else if (status === 'offline') {
      wasLive = false; // logged out: the cache is dropped anyway
      missed = false;
    } else if (wasLive) {
      missed = true;
    }
  };
}

/**
 * Keeps one live connection in step with the session: opens it on login, reopens it with the
 * new token after a refresh, closes it on logout. The market stream follows the same token but
 * opens only while something listens on `channels.markets`.
 */
export function startLiveSync(
  store: AppStore,
  channels: LiveChannels,
  connection?: LiveConnection,
  marketConnection?: Pick<MarketConnection, 'setToken' | 'dispose'>,
): () => void {
  // A 4401 usually means the access token expired. A /auth/me call goes through the re-auth
  // base query, which refreshes the token (we then reconnect with it) or logs out.
  const recheckSession = () => {
    void store.dispatch(authApi.endpoints.me.initiate(undefined, { subscribe: false, forceRefetch: true }));
  };
  const resync = resyncOnReconnect(store.dispatch);
  const live =
    connection ??
    new LiveConnection({
      channels,
      urlFor: (token) => liveUrlFor(token),
      onStatus: (status) => {
        store.dispatch(liveStatusChanged(status));
        resync(status);
      },
      onAuthRejected: recheckSession,
    });
  const markets =
    marketConnection ??
    new MarketConnection({ channels: channels.markets, urlFor: (token) => marketStreamUrlFor(token), onAuthRejected: recheckSession });

  let token: string | null | undefined;
  const follow = () => {
    const next = store.getState().session.accessToken;
    if (next === token) return;
    token = next;
    markets.setToken(next ?? null);
    if (next) live.connect(next);
    else live.disconnect();
  };
  follow();
  const unsubscribe = store.subscribe(follow);
  return () => {
    unsubscribe();
    live.disconnect();
    markets.dispose();
  };
}
