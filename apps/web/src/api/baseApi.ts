import { createApi } from '@reduxjs/toolkit/query/react';
import { createRawBaseQuery, withReauth } from './reauthBaseQuery';

/** The one RTK Query API of the app; each feature injects its endpoints. */
export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery: withReauth(createRawBaseQuery()),
  tagTypes: [
    'Me',
    'Health',
    'Performance',
    'Alerts',
    'Halt',
    'Status',
    'Config',
    'ConfigHistory',
    'Logs',
    'Maintenance',
    // trading (execution and portfolio); TRADING_TAGS below
    'Orders',
    'Fills',
    'Positions',
    'Equity',
    'RiskMetrics',
    'RiskLimits',
  ],
  endpoints: () => ({}),
});

/** What the `trading` live channel keeps current: refetched after the socket was away (events were missed). */
export const TRADING_TAGS = ['Orders', 'Fills', 'Positions'] as const;
