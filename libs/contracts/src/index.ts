// Browser-safe contracts: types and constants only. Decorated DTO classes live in ./dto.
export * from './services';
export * from './patterns';
export * from './events';
export * from './api';
export * from './envelope';
export * from './markets';
export * from './trading';
export * from './simulation';
