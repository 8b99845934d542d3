export { Dec, ZERO, dec, decString, parseDecimal } from './decimal';
export * from './order-types';
export * from './order-state-machine';
export * from './events';
export * from './ledger';
export * from './trading-state';
export * from './risk-checks';
export * from './paper-matching';
