module.exports = { ...require('../../jest.preset.js'), displayName: 'montecarlo', rootDir: __dirname };
