import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { TokenPair, UserView } from '@meridian/contracts';

export interface SessionState {
  accessToken: string | null;
  refreshToken: string | null;
  user: UserView | null;
}

export const emptySession: SessionState = { accessToken: null, refreshToken: null, user: null };

export const sessionSlice = createSlice({
  name: 'session',
  initialState: emptySession,
  reducers: {
    /** Login and refresh both answer a full TokenPair. */
    tokensReceived: (_state, action: PayloadAction<TokenPair>) => ({
      accessToken: action.payload.accessToken,
      refreshToken: action.payload.refreshToken,
      user: action.payload.user,
    }),
    userLoaded: (state, action: PayloadAction<UserView>) => {
      state.user = action.payload;
    },
    loggedOut: () => emptySession,
  },
});

export const { tokensReceived, userLoaded, loggedOut } = sessionSlice.actions;

export interface WithSession {
  session: SessionState;
}
export const selectSession = (state: WithSession) => state.session;
export const selectUser = (state: WithSession) => state.session.user;
export const selectAccessToken = (state: WithSession) => state.session.accessToken;
