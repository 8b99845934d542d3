import { createAppStore } from '../app/store';
import { loadSession, persistSessionChanges, saveSession } from './sessionPersistence';
import { loggedOut, tokensReceived } from './sessionSlice';
import { tokenPair } from '../../test/render';

describe('session persistence', () => {
  beforeEach(() => localStorage.clear());

  it('survives a reload: what is saved on login is loaded at start', () => {
    const store = createAppStore();
    persistSessionChanges(store, localStorage);
    store.dispatch(tokensReceived(tokenPair('jwt-1')));

    expect(loadSession(localStorage)).toMatchObject({ accessToken: 'jwt-1', refreshToken: 'refresh-for-jwt-1' });
  });

  it('forgets the tokens on logout', () => {
    const store = createAppStore();
    persistSessionChanges(store, localStorage);
    store.dispatch(tokensReceived(tokenPair('jwt-1')));
    store.dispatch(loggedOut());

    expect(loadSession(localStorage).accessToken).toBeNull();
  });

  it('starts logged out when the stored entry is corrupt', () => {
    localStorage.setItem('meridian.session.v1', '{not json');
    expect(loadSession(localStorage).accessToken).toBeNull();
    saveSession({ accessToken: null, refreshToken: null, user: null }, localStorage);
    expect(localStorage.length).toBe(0);
  });
});
