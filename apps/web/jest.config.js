const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  // jsdom plus the Fetch API (see the file for why).
  testEnvironment: '<rootDir>/test/jsdom-with-fetch.js',
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '\\.css$': '<rootDir>/test/style-mock.js',
  },
};
