import type { AlertView, EmergencyStopReport, HaltState, HealthReport, Page, PerformanceReport } from '@meridian/contracts';
import { baseApi } from '../../api/baseApi';
import { liveChannelsOf } from '../../live/liveChannels';
import { whileCached } from '../../live/whileCached';
import { appendSnapshot, applyAlertEvent, type AlertListStatus } from './livePatches';

export interface PerformanceArgs {
  historySec: number;
}
export interface AlertsArgs {
  status: AlertListStatus;
  limit: number;
  offset?: number;
}

export const dashboardApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getHealth: build.query<HealthReport, void>({
      query: () => '/health/system',
      providesTags: ['Health'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () => liveChannelsOf(api.extra)?.on('health', (report) => api.updateCachedData(() => report))),
    }),
    getPerformance: build.query<PerformanceReport, PerformanceArgs>({
      query: ({ historySec }) => ({ url: '/metrics/performance', params: { historySec } }),
      providesTags: ['Performance'],
      onCacheEntryAdded: (arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('metrics', (snapshot) =>
            api.updateCachedData((draft) => appendSnapshot(draft, snapshot, arg.historySec)),
          ),
        ),
    }),
    getAlerts: build.query<Page<AlertView>, AlertsArgs>({
      query: ({ status, limit, offset = 0 }) => ({ url: '/alerts/active', params: { status, limit, offset } }),
      providesTags: ['Alerts'],
      onCacheEntryAdded: (arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('alerts', (event) =>
            api.updateCachedData((draft) => applyAlertEvent(draft, event, arg.status)),
          ),
        ),
    }),
    getHalt: build.query<HaltState, void>({
      query: () => '/system/halt',
      providesTags: ['Halt'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('system', (event) => {
            if (event.kind === 'halt') api.updateCachedData(() => event.halt);
          }),
        ),
    }),
    emergencyStop: build.mutation<EmergencyStopReport, { reason: string }>({
      query: (body) => ({ url: '/system/emergency-stop', method: 'POST', body }),
      invalidatesTags: ['Halt', 'Status'],
    }),
    resume: build.mutation<EmergencyStopReport, { reason: string }>({
      query: (body) => ({ url: '/system/resume', method: 'POST', body }),
      invalidatesTags: ['Halt', 'Status'],
    }),
  }),
});

export const {
  useGetHealthQuery,
  useGetPerformanceQuery,
  useGetAlertsQuery,
  useGetHaltQuery,
  useEmergencyStopMutation,
  useResumeMutation,
} = dashboardApi;
