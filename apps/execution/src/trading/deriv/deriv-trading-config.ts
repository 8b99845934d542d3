import { z } from 'zod';
import { parseEnv } from '@meridian/service-kit';
import { DERIV_REST_BASE_URL } from '@meridian/venues';

/**
 * Settings of the Deriv bridge (see README.md beside this file). Trading on Deriv is opt-in: with
 * no DERIV_API_TOKEN the bridge stays off, every account trades on the paper venue, and the
 * service says so in one log line. With a token, the rest must be complete or the service refuses
 * to start with one sentence naming the variable.
 */
/** An unset variable and an empty one mean the same: not configured. */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const derivTradingEnv = z
  .object({
    DERIV_API_TOKEN: blankAsUnset(z.string().trim()),
    DERIV_ACCOUNT_ID: blankAsUnset(z.string().trim().regex(/^[A-Za-z0-9_-]{3,40}$/, 'must be a Deriv options account id such as DOT90004580')),
    DERIV_APP_ID: z.string().regex(/^\d{1,10}$/, 'must be a numeric Deriv app id').optional(),
    DERIV_REST_URL: z.string().regex(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL').default(DERIV_REST_BASE_URL),
    DERIV_TRADING_OWNER_ID: z.string().trim().min(1).max(200).default('deriv:admins'),
    DERIV_MULTIPLIER: z.coerce.number().int().min(1).max(10_000).default(100),
    DERIV_CURRENCY: z.string().regex(/^[A-Za-z]{3,10}$/, 'must be a currency code such as USD').default('USD'),
  })
  .superRefine((e, ctx) => {
    if (!e.DERIV_API_TOKEN) return;
    if (!e.DERIV_ACCOUNT_ID) ctx.addIssue({ code: 'custom', path: ['DERIV_ACCOUNT_ID'], message: 'is required with DERIV_API_TOKEN (the options account to trade, e.g. a demo DOT… account)' });
    if (!e.DERIV_APP_ID) ctx.addIssue({ code: 'custom', path: ['DERIV_APP_ID'], message: 'is required with DERIV_API_TOKEN (sent as Deriv-App-ID to the OTP endpoint)' });
  });

export interface DerivTradingConfig {
  apiToken: string;
  /** Deriv's options trading account (demo or real). */
  derivAccountId: string;
  appId: string;
  restBaseUrl: string;
  /** ownerId of the platform account that mirrors the Deriv account. */
  ownerId: string;
  /** Multiplier of every contract opened (exposure = stake × multiplier). */
  multiplier: number;
  currency: string;
}

export const DERIV_TRADING_CONFIG = Symbol('DERIV_TRADING_CONFIG');

/** The bridge's settings, or null when no DERIV_API_TOKEN is configured (paper trading only). */
export function loadDerivTradingConfig(env: NodeJS.ProcessEnv): DerivTradingConfig | null {
  const e = parseEnv(derivTradingEnv, env);
  if (!e.DERIV_API_TOKEN) return null;
  return {
    apiToken: e.DERIV_API_TOKEN,
    derivAccountId: e.DERIV_ACCOUNT_ID as string,
    appId: e.DERIV_APP_ID as string,
    restBaseUrl: e.DERIV_REST_URL,
    ownerId: e.DERIV_TRADING_OWNER_ID,
    multiplier: e.DERIV_MULTIPLIER,
    currency: e.DERIV_CURRENCY.toUpperCase(),
  };
}
