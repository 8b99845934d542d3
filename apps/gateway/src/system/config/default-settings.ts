import type { RuntimeSettings } from '@meridian/contracts';

/** Version 1 of the runtime settings, written at first start. */
export const DEFAULT_SETTINGS: RuntimeSettings = {
  alerts: { latencyP95Ms: 250, errorRatePct: 5, minRequests: 20 },
  rateLimit: { perMinute: 1200 },
  retention: { logsDays: 7, metricsDays: 30, alertsDays: 90 },
  transport: { timeoutMs: 800 },
};
