import type { DeploymentReport, DeploymentView, MarketTimeframe, Page, RuleValidation, RunSummary, StrategyKind, StrategyView } from '@meridian/contracts';
import { baseApi } from '../../api/baseApi';
import { liveChannelsOf } from '../../live/liveChannels';
import { whileCached } from '../../live/whileCached';
import { applyRunToRegistry } from '../simulation/runPatches';
import type { BacktestData, ParamValue } from '../simulation/simulationApi';

/** GET /api/strategies/registry filters. */
export interface RegistryArgs {
  kind?: StrategyKind;
  q?: string;
  limit: number;
  offset: number;
}

/** The rule document the API parses: { entry, exit, side, sizing, stopLoss?, takeProfit?, params? }. */
export type RuleDocument = Record<string, unknown>;

/** POST /api/strategies/create: a new strategy, or with strategyId a new version of one. */
export interface CreateStrategyBody {
  strategyId?: string;
  name?: string;
  description?: string;
  kind: StrategyKind;
  rule?: RuleDocument;
  builtin?: string;
  params?: Record<string, ParamValue>;
}

/** POST /api/strategies/backtest. */
export interface StrategyBacktestBody extends BacktestData {
  strategyId: string;
  version?: number;
  params?: Record<string, ParamValue>;
}

/** POST /api/strategies/deploy: a backtested version, run live in paper trading. */
export interface DeployStrategyBody {
  strategyId: string;
  version?: number;
  params?: Record<string, ParamValue>;
  symbols: string[];
  timeframe?: MarketTimeframe;
  accountId?: string;
}

export type DeploymentAction = 'start' | 'pause' | 'stop';

/** POST /api/strategies/deployments/control. */
export interface DeploymentControlBody {
  id: string;
  action: DeploymentAction;
}

/** A deployment's new state into the list (newest first); an older state than the one shown is ignored. */
export function applyDeploymentEvent(list: DeploymentView[], next: DeploymentView): void {
  const i = list.findIndex((d) => d.id === next.id);
  if (i < 0) list.unshift(next);
  else if (Date.parse(next.updatedAt) >= Date.parse(list[i].updatedAt)) list[i] = next;
}

export const strategiesApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** Built-ins and user strategies; a completed backtest of a listed strategy becomes its latest. */
    getRegistry: build.query<Page<StrategyView>, RegistryArgs>({
      query: (args) => ({ url: '/strategies/registry', params: { ...args } }),
      providesTags: ['Strategies'],
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('simulation', (event) => {
            if (event.kind === 'run') api.updateCachedData((draft) => applyRunToRegistry(draft.items, event.run));
          }),
        ),
    }),
    getStrategy: build.query<StrategyView, string>({
      query: (id) => `/strategies/${encodeURIComponent(id)}`,
      providesTags: ['Strategies'],
      onCacheEntryAdded: (_id, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('simulation', (event) => {
            if (event.kind === 'run') api.updateCachedData((draft) => applyRunToRegistry([draft], event.run));
          }),
        ),
    }),
    /**
     * Parses and type-checks a rule without saving it (200 even when it does not parse). A query,
     * keyed by the document: typing back to an earlier text answers from the cache.
     */
    validateRule: build.query<RuleValidation, RuleDocument>({
      query: (rule) => ({ url: '/strategies/validate', method: 'POST', body: { rule } }),
      keepUnusedDataFor: 30,
    }),
    createStrategy: build.mutation<StrategyView, CreateStrategyBody>({
      query: (body) => ({ url: '/strategies/create', method: 'POST', body }),
      invalidatesTags: ['Strategies'],
    }),
    /** 202: the run is queued; it is followed in Simulation. */
    backtestStrategy: build.mutation<RunSummary, StrategyBacktestBody>({
      query: (body) => ({ url: '/strategies/backtest', method: 'POST', body }),
      invalidatesTags: ['Runs'],
    }),
    /**
     * Deployments have no tag type of their own: they hang on 'Strategies', the tag of the registry
     * and detail whose live status a deployment changes.
     */
    getDeployments: build.query<DeploymentView[], void>({
      query: () => '/strategies/deployments',
      providesTags: ['Strategies'],
      // Kept current by the `trading` channel: each change of a deployment arrives as it is stored.
      onCacheEntryAdded: (_arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('trading', (event) => {
            if (event.kind === 'deployment') api.updateCachedData((list) => applyDeploymentEvent(list, event.deployment));
          }),
        ),
    }),
    /** 201 with the deployment; 409 when the version has no completed backtest. */
    deployStrategy: build.mutation<DeploymentView, DeployStrategyBody>({
      query: (body) => ({ url: '/strategies/deploy', method: 'POST', body }),
      invalidatesTags: ['Strategies'],
    }),
    /** Start, pause or stop; 409 once stopped. The answer replaces the row at once, then the list is refetched. */
    controlDeployment: build.mutation<DeploymentView, DeploymentControlBody>({
      query: (body) => ({ url: '/strategies/deployments/control', method: 'POST', body }),
      async onQueryStarted(_body, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled;
          dispatch(
            strategiesApi.util.updateQueryData('getDeployments', undefined, (list) => {
              const i = list.findIndex((d) => d.id === data.id);
              if (i >= 0) list[i] = data;
            }),
          );
        } catch {
          // the error is the mutation's to show
        }
      },
      invalidatesTags: ['Strategies'],
    }),
    /** Live beside a backtest of the same period; computed on request (can take seconds), so not polled. */
    getDeploymentReport: build.query<DeploymentReport, string>({
      query: (id) => ({ url: '/strategies/deployments/report', params: { id } }),
      keepUnusedDataFor: 10,
    }),
  }),
});

export const {
  useGetRegistryQuery,
  useGetStrategyQuery,
  useValidateRuleQuery,
  useCreateStrategyMutation,
  useBacktestStrategyMutation,
  useGetDeploymentsQuery,
  useDeployStrategyMutation,
  useControlDeploymentMutation,
  useGetDeploymentReportQuery,
} = strategiesApi;
