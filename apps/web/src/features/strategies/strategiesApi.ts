import type { Page, RuleValidation, RunSummary, StrategyKind, StrategyView } from '@meridian/contracts';
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
  }),
});

export const { useGetRegistryQuery, useGetStrategyQuery, useValidateRuleQuery, useCreateStrategyMutation, useBacktestStrategyMutation } = strategiesApi;
