import { configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import { baseApi } from '../api/baseApi';
import { LiveChannels, type ThunkExtra } from '../live/liveChannels';
import { emptySession, loggedOut, sessionSlice, type SessionState } from '../session/sessionSlice';
import { uiSlice } from './uiSlice';

export interface AppStoreOptions {
  session?: SessionState;
  live?: LiveChannels;
}

export function createAppStore({ session = emptySession, live = new LiveChannels() }: AppStoreOptions = {}) {
  // Cached server data belongs to the user who fetched it: drop it all on logout.
  const onLogout = createListenerMiddleware();
  onLogout.startListening({
    actionCreator: loggedOut,
    effect: (_action, api) => {
      api.dispatch(baseApi.util.resetApiState());
    },
  });

  const extra: ThunkExtra = { live };
  return configureStore({
    reducer: {
      session: sessionSlice.reducer,
      ui: uiSlice.reducer,
      [baseApi.reducerPath]: baseApi.reducer,
    },
    preloadedState: { session },
    middleware: (getDefault) =>
      getDefault({ thunk: { extraArgument: extra } }).prepend(onLogout.middleware).concat(baseApi.middleware),
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
