// Unit and integration tests of every project, run in parallel by `npm test`
// (tools/test/run-tests.mjs). The end-to-end suite (apps/e2e) runs after them, serially.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/apps/gateway/jest.config.js',
    '<rootDir>/apps/execution/jest.config.js',
    '<rootDir>/apps/web/jest.config.js',
    '<rootDir>/tools/deploy/jest.config.js',
  ],
};
