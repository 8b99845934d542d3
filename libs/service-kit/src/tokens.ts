/** Injection tokens of the service kit. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');
export const REDIS = Symbol('REDIS');
export const DATABASE = Symbol('DATABASE');
export const LOGGER = Symbol('LOGGER');
export const METRICS = Symbol('METRICS');
