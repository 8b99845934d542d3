module.exports = { ...require('../../jest.preset.js'), displayName: 'trading', rootDir: __dirname };
