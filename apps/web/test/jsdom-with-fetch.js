// jsdom has no Fetch API, and RTK Query's fetchBaseQuery builds `new Request(...)`. We lend the
// environment Node's own fetch classes. AbortController/AbortSignal come from Node as well,
// because Node's Request rejects a jsdom AbortSignal.
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'fetch', 'Request', 'Response', 'Headers', 'FormData',
  'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'structuredClone',
];

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithFetchEnvironment;
