export * from './redis-options';
export * from './rpc-errors';
export * from './service-client';
export * from './queues';
export * from './halt-store';
export * from './namespaced-redis-transport';
export * from './publish-batcher';
export * from './coalescing-publisher';
