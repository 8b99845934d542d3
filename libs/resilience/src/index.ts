export * from './circuit-breaker';
export * from './backoff';
