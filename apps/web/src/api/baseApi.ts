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
    // strategies and simulation (F6, F7); SIMULATION_TAGS below
    'Strategies',
    'Runs',
    'Run',
    'Scenarios',
  ],
  endpoints: () => ({}),
});

/** What the `trading` live channel keeps current: refetched after the socket was away (events were missed). */
export const TRADING_TAGS = ['Orders', 'Fills', 'Positions'] as const;

/**
 * What the `simulation` live channel keeps current (run lists, run details and the registry's
 * latest backtests): refetched after the socket was away.
 */
export const SIMULATION_TAGS = ['Runs', 'Run', 'Strategies'] as const;
