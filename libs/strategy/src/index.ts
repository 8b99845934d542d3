export * from './sdk';
export * from './builtins';
export * from './rules';
