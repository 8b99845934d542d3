export * from './request-context';
export * from './logger';
export * from './log-stream';
export * from './metrics';
export * from './windowed-quantiles';
