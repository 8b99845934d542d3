module.exports = { ...require('../../jest.preset.js'), displayName: 'strategy', rootDir: __dirname };
