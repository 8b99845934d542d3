import { createAppStore } from '../app/store';
import { loggedOut, tokensReceived } from '../session/sessionSlice';
import { sessionAs, tokenPair } from '../../test/render';
import { LiveChannels } from './liveChannels';
import type { LiveConnection } from './liveConnection';
import { baseApi, SIMULATION_TAGS, TRADING_TAGS } from '../api/baseApi';
import { resyncOnReconnect, startLiveSync } from './liveSync';

describe('startLiveSync', () => {
  it('connects with the stored token, reconnects after a refresh and closes on logout', () => {
    const store = createAppStore({ session: sessionAs('viewer', 'jwt-1') });
    const connection = { connect: jest.fn(), disconnect: jest.fn() };
    startLiveSync(store, new LiveChannels(), connection as unknown as LiveConnection);
    expect(connection.connect).toHaveBeenLastCalledWith('jwt-1');

    store.dispatch(tokensReceived(tokenPair('jwt-2')));
    expect(connection.connect).toHaveBeenLastCalledWith('jwt-2');

    store.dispatch(loggedOut());
    expect(connection.disconnect).toHaveBeenCalled();
    expect(connection.connect).toHaveBeenCalledTimes(2);
  });

  it('hands the market stream the same token, and null on logout', () => {
    const store = createAppStore({ session: sessionAs('viewer', 'jwt-1') });
    const connection = { connect: jest.fn(), disconnect: jest.fn() };
    const markets = { setToken: jest.fn(), dispose: jest.fn() };
    const stop = startLiveSync(store, new LiveChannels(), connection as unknown as LiveConnection, markets);

    store.dispatch(tokensReceived(tokenPair('jwt-2')));
    store.dispatch(loggedOut());
    expect(markets.setToken.mock.calls).toEqual([['jwt-1'], ['jwt-2'], [null]]);

    stop();
    expect(markets.dispose).toHaveBeenCalled();
  });
});

describe('resyncOnReconnect', () => {
  it('re-reads orders, fills, positions and simulation runs once the socket is back after a drop, not on the first connect', () => {
    const dispatch = jest.fn();
    const onStatus = resyncOnReconnect(dispatch);
    onStatus('connecting');
    onStatus('live');
    expect(dispatch).not.toHaveBeenCalled();

    onStatus('reconnecting');
    onStatus('reconnecting');
    onStatus('live');
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith(baseApi.util.invalidateTags([...TRADING_TAGS, ...SIMULATION_TAGS]));

    onStatus('offline'); // logout
    onStatus('connecting');
    onStatus('live');
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
