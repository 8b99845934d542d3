export * from './sdk';
