import type {
  MarketTimeframe,
  Page,
  RunCompare,
  RunDetail,
  RunSummary,
  StressScenarioView,
  StressTestResponse,
} from '@meridian/contracts';
import { baseApi } from '../../api/baseApi';
import { liveChannelsOf } from '../../live/liveChannels';
import { whileCached } from '../../live/whileCached';
import type { WithSession } from '../../session/sessionSlice';
import { applyRunEvent, applyRunToDetail, type RunsArgs } from './runPatches';

export type { RunsArgs } from './runPatches';

export type ParamValue = number | boolean | string;

/** The data fields every backtest shares (BacktestDataDto). */
export interface BacktestData {
  symbols: string[];
  timeframe?: MarketTimeframe;
  /** ISO 8601. */
  from?: string;
  to?: string;
  initialCash?: number;
  feesBps?: number;
  feeFixed?: number;
  slippageBps?: number;
}

export type WalkForwardObjective = 'sharpe' | 'totalReturn' | 'calmar' | 'sortino';

/** POST /api/simulation/backtest. */
export interface SimulationBacktestBody extends BacktestData {
  strategyId?: string;
  version?: number;
  rule?: Record<string, unknown>;
  params?: Record<string, ParamValue>;
  grid?: Record<string, ParamValue[]>;
  random?: { samples: number; seed?: number };
  walkForward?: { windows: number; inSampleBars: number; outOfSampleBars: number; objective?: WalkForwardObjective };
  lookaheadCheck?: boolean;
}

export type MonteCarloMethod = 'trade-resample' | 'block-bootstrap' | 'gbm' | 'history-bootstrap';

/** POST /api/simulation/monte-carlo. */
export interface MonteCarloBody {
  source: 'backtest' | 'portfolio';
  runId?: string;
  method: MonteCarloMethod;
  paths?: number;
  steps?: number;
  seed?: number;
  blockLength?: number;
  lossThresholds?: number[];
}

export interface ScenarioBody {
  name: string;
  definition: Record<string, unknown>;
}

/** POST /api/simulation/stress-test. */
export interface StressTestBody {
  source: 'portfolio' | 'backtest';
  runId?: string;
  scenarios?: ScenarioBody[];
  scenarioIds?: string[];
  standard?: boolean;
}

const userIdOf = (state: unknown) => (state as WithSession).session.user?.id ?? null;

export const simulationApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** A page of runs, newest first; run events of the `simulation` channel move their progress and status. */
    getRuns: build.query<Page<RunSummary>, RunsArgs>({
      query: (args) => ({ url: '/simulation/results', params: { ...args } }),
      providesTags: ['Runs'],
      onCacheEntryAdded: (arg, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('simulation', (event) => {
            if (event.kind !== 'run') return;
            const mine = event.ownerId === userIdOf(api.getState());
            api.updateCachedData((draft) => applyRunEvent(draft, event.run, arg, mine));
          }),
        ),
    }),
    /** One run in full. Events move its summary; once it completes, its results are read again. */
    getRun: build.query<RunDetail, string>({
      query: (id) => ({ url: '/simulation/results', params: { id } }),
      providesTags: (_result, _error, id) => [{ type: 'Run', id }],
      onCacheEntryAdded: (id, api) =>
        whileCached(api, () =>
          liveChannelsOf(api.extra)?.on('simulation', (event) => {
            if (event.kind !== 'run' || event.run.id !== id) return;
            let completed = false;
            api.updateCachedData((draft) => {
              completed = applyRunToDetail(draft, event.run);
            });
            if (completed) api.dispatch(baseApi.util.invalidateTags([{ type: 'Run', id }]));
          }),
        ),
    }),
    /** 2 to 10 runs in full, in the order asked. */
    compareRuns: build.query<RunCompare, string[]>({
      query: (ids) => ({ url: '/simulation/results', params: { ids: ids.join(',') } }),
      providesTags: (_result, _error, ids) => ids.map((id) => ({ type: 'Run' as const, id })),
    }),
    /** 202: the run is queued and has an id at once; the live channel reports its progress. */
    startRun: build.mutation<RunSummary, SimulationBacktestBody>({
      query: (body) => ({ url: '/simulation/backtest', method: 'POST', body }),
      invalidatesTags: ['Runs'],
    }),
    cancelRun: build.mutation<RunSummary, string>({
      query: (id) => ({ url: '/simulation/cancel', method: 'POST', body: { id } }),
      async onQueryStarted(id, { dispatch, getState, queryFulfilled }): Promise<void> {
        const { data } = await queryFulfilled.catch(() => ({ data: null }));
        if (!data) return;
        // The answer is the run's new state: put it in every cached list and its detail.
        const mine = data.createdBy === userIdOf(getState());
        for (const args of simulationApi.util.selectCachedArgsForQuery(getState() as never, 'getRuns')) {
          dispatch(simulationApi.util.updateQueryData('getRuns', args, (draft) => applyRunEvent(draft, data, args, mine)));
        }
        dispatch(simulationApi.util.updateQueryData('getRun', id, (draft) => void applyRunToDetail(draft, data)));
      },
    }),
    startMonteCarlo: build.mutation<RunSummary, MonteCarloBody>({
      query: (body) => ({ url: '/simulation/monte-carlo', method: 'POST', body }),
      invalidatesTags: ['Runs'],
    }),
    /** Answers at once (200): the scenarios' P&L on the portfolio or a backtest's final positions. */
    runStressTest: build.mutation<StressTestResponse, StressTestBody>({
      query: (body) => ({ url: '/simulation/stress-test', method: 'POST', body }),
    }),
    getScenarios: build.query<StressScenarioView[], void>({
      query: () => '/simulation/scenarios',
      providesTags: ['Scenarios'],
    }),
    saveScenario: build.mutation<StressScenarioView, ScenarioBody>({
      query: (body) => ({ url: '/simulation/scenarios', method: 'POST', body }),
      invalidatesTags: ['Scenarios'],
    }),
  }),
});

export const {
  useGetRunsQuery,
  useGetRunQuery,
  useCompareRunsQuery,
  useStartRunMutation,
  useCancelRunMutation,
  useStartMonteCarloMutation,
  useRunStressTestMutation,
  useGetScenariosQuery,
  useSaveScenarioMutation,
} = simulationApi;
