import type {
  ConfigVersionView,
  LogLevel,
  LogPage,
  MaintenanceState,
  MaintenanceTaskKind,
  MaintenanceTaskRun,
  Page,
  RuntimeSettings,
  SystemStatus,
} from '@meridian/contracts';
import { baseApi } from '../../api/baseApi';
import { liveChannelsOf } from '../../live/liveChannels';
import { whileCached } from '../../live/whileCached';

export interface MaintenanceView {
  state: MaintenanceState;
  runs: MaintenanceTaskRun[];
}
export interface MaintenanceRequest {
  enabled?: boolean;
  message?: string;
  tasks?: { task: MaintenanceTaskKind; olderThanDays: number }[];
}
export interface LogFilters {
  service?: string;
  level?: LogLevel;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
  q?: string;
}
export const LOG_PAGE_SIZE = 100;


export const systemApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getSystemStatus: build.query<SystemStatus, void>({
      query: () => '/system/status',
      providesTags: ['Status'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('system', (event) =>
            api.updateCachedData((draft) => {
              if (event.kind === 'halt') draft.platform.halt = event.halt;
              else if (event.kind === 'maintenance') draft.platform.maintenance = event.maintenance;
              else draft.platform.configVersion = event.version;
            }),
          ),
        ),
    }),
    getConfig: build.query<ConfigVersionView, void>({
      query: () => '/system/config',
      providesTags: ['Config'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('system', (event) => {
            // Someone else changed the settings: the event only names the version, so re-read.
            if (event.kind === 'config' && event.version !== api.getCacheEntry().data?.version) {
              api.dispatch(baseApi.util.invalidateTags(['Config', 'ConfigHistory']));
            }
          }),
        ),
    }),
    getConfigHistory: build.query<Page<ConfigVersionView>, { limit: number; offset: number }>({
      query: (params) => ({ url: '/system/config/history', params }),
      providesTags: ['ConfigHistory'],
    }),
    saveConfig: build.mutation<ConfigVersionView, { settings: RuntimeSettings; comment?: string }>({
      query: (body) => ({ url: '/system/config', method: 'POST', body }),
      invalidatesTags: ['Config', 'ConfigHistory', 'Status'],
    }),
    rollbackConfig: build.mutation<ConfigVersionView, { version: number; comment?: string }>({
      query: (body) => ({ url: '/system/config/rollback', method: 'POST', body }),
      invalidatesTags: ['Config', 'ConfigHistory', 'Status'],
    }),
    getLogs: build.infiniteQuery<LogPage, LogFilters, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.nextCursor,
      },
      query: ({ queryArg, pageParam }) => ({
        url: '/system/logs',
        params: { ...queryArg, before: pageParam ?? undefined, limit: LOG_PAGE_SIZE },
      }),
      providesTags: ['Logs'],
    }),
    getMaintenance: build.query<MaintenanceView, void>({
      query: () => '/system/maintenance',
      providesTags: ['Maintenance'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('system', (event) => {
            if (event.kind === 'maintenance') api.updateCachedData((draft) => void (draft.state = event.maintenance));
          }),
        ),
    }),
    setMaintenance: build.mutation<MaintenanceView, MaintenanceRequest>({
      query: (body) => ({ url: '/system/maintenance', method: 'POST', body }),
      invalidatesTags: ['Maintenance', 'Status'],
    }),
  }),
});

export const {
  useGetSystemStatusQuery,
  useGetConfigQuery,
  useGetConfigHistoryQuery,
  useSaveConfigMutation,
  useRollbackConfigMutation,
  useGetLogsInfiniteQuery,
  useGetMaintenanceQuery,
  useSetMaintenanceMutation,
} = systemApi;
