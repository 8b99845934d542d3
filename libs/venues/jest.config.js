module.exports = { ...require('../../jest.preset.js'), displayName: 'venues', rootDir: __dirname };
