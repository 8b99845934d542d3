import type { TokenPair, UserView } from '@meridian/contracts';
import { baseApi } from '../api/baseApi';
import { loggedOut, tokensReceived, userLoaded, type WithSession } from './sessionSlice';

export interface Credentials {
  email: string;
  password: string;
}

export const authApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    login: build.mutation<TokenPair, Credentials>({
      query: (body) => ({ url: '/auth/login', method: 'POST', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(tokensReceived(data));
      },
    }),
    logout: build.mutation<void, void>({
      queryFn: async (_arg, api, _extra, baseQuery) => {
        const refreshToken = (api.getState() as WithSession).session.refreshToken;
        if (refreshToken) await baseQuery({ url: '/auth/logout', method: 'POST', body: { refreshToken } });
        // Logging out locally must not depend on the gateway agreeing.
        api.dispatch(loggedOut());
        return { data: undefined };
      },
    }),
    me: build.query<UserView, void>({
      query: () => '/auth/me',
      providesTags: ['Me'],
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (data) dispatch(userLoaded(data));
      },
    }),
  }),
});

export const { useLoginMutation, useLogoutMutation, useMeQuery } = authApi;
