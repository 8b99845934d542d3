export * from './database';
export * from './data-folder-lock';
export * from './numeric';
export * from './prepared-query';
