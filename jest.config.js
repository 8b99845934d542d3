// Root Jest config: every project's specs, run by `npm test` through tools/test/run-tests.mjs.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js'],
};
