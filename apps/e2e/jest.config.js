// End-to-end tests: the whole platform in this process (four Nest apps talking over the real
// Redis transport, each with its own schema in the real PostgreSQL). Run serially (--runInBand):
// transport patterns are shared, so two platforms at once would answer each other.
const preset = require('../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 60_000,
};
