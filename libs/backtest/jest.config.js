module.exports = { ...require('../../jest.preset.js'), displayName: 'backtest', rootDir: __dirname };
