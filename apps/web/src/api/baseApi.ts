import { createApi } from '@reduxjs/toolkit/query/react';
import { createRawBaseQuery, withReauth } from './reauthBaseQuery';

/** The one RTK Query API of the app; each feature injects its endpoints. */
export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery: withReauth(createRawBaseQuery()),
  tagTypes: ['Me', 'Health', 'Performance', 'Alerts', 'Halt', 'Status', 'Config', 'ConfigHistory', 'Logs', 'Maintenance'],
  endpoints: () => ({}),
});
