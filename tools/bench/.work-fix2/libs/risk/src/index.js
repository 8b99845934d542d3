/**
 * @meridian/risk — portfolio risk and performance metrics on Float64Array, following R's
 * PerformanceAnalytics (PA) conventions: arithmetic (simple) returns, 252 periods a year
 * unless a scale is given, sample (n − 1) standard deviations except where PA uses the
 * population moment (Gaussian VaR/ES). See README.md for the function → PA map and signs.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get PERIODS_PER_YEAR () {
        return _returns.PERIODS_PER_YEAR;
    },
    get annualizedReturn () {
        return _returns.annualizedReturn;
    },
    get annualizedSharpeRatio () {
        return _ratios.annualizedSharpeRatio;
    },
    get annualizedVolatility () {
        return _returns.annualizedVolatility;
    },
    get averageLoss () {
        return _trades.averageLoss;
    },
    get averageTurnover () {
        return _exposure.averageTurnover;
    },
    get averageWin () {
        return _trades.averageWin;
    },
    get beta () {
        return _benchmark.beta;
    },
    get calculateReturns () {
        return _returns.calculateReturns;
    },
    get calmarRatio () {
        return _drawdown.calmarRatio;
    },
    get correlation () {
        return _stats.correlation;
    },
    get covariance () {
        return _stats.covariance;
    },
    get cumulativeReturn () {
        return _returns.cumulativeReturn;
    },
    get downsideDeviation () {
        return _ratios.downsideDeviation;
    },
    get drawdownDuration () {
        return _drawdown.drawdownDuration;
    },
    get drawdowns () {
        return _drawdown.drawdowns;
    },
    get dropNaN () {
        return _stats.dropNaN;
    },
    get expectancy () {
        return _trades.expectancy;
    },
    get findDrawdowns () {
        return _drawdown.findDrawdowns;
    },
    get gaussianES () {
        return _var.gaussianES;
    },
    get gaussianVaR () {
        return _var.gaussianVaR;
    },
    get grossExposure () {
        return _exposure.grossExposure;
    },
    get historicalES () {
        return _var.historicalES;
    },
    get historicalVaR () {
        return _var.historicalVaR;
    },
    get leverage () {
        return _exposure.leverage;
    },
    get maxDrawdown () {
        return _drawdown.maxDrawdown;
    },
    get mean () {
        return _stats.mean;
    },
    get netExposure () {
        return _exposure.netExposure;
    },
    get netLeverage () {
        return _exposure.netLeverage;
    },
    get normalDensity () {
        return _normal.normalDensity;
    },
    get normalQuantile () {
        return _normal.normalQuantile;
    },
    get populationStdDev () {
        return _stats.populationStdDev;
    },
    get positionWeights () {
        return _exposure.positionWeights;
    },
    get profitFactor () {
        return _trades.profitFactor;
    },
    get quantile () {
        return _stats.quantile;
    },
    get sharpeRatio () {
        return _ratios.sharpeRatio;
    },
    get sortinoRatio () {
        return _ratios.sortinoRatio;
    },
    get stdDev () {
        return _stats.stdDev;
    },
    get tailProbability () {
        return _var.tailProbability;
    },
    get timeInMarket () {
        return _exposure.timeInMarket;
    },
    get tradeStatistics () {
        return _trades.tradeStatistics;
    },
    get turnover () {
        return _exposure.turnover;
    },
    get variance () {
        return _stats.variance;
    },
    get winRate () {
        return _trades.winRate;
    }
});
const _stats = require("./stats");
const _normal = require("./normal");
const _returns = require("./returns");
const _var = require("./var");
const _benchmark = require("./benchmark");
const _drawdown = require("./drawdown");
const _ratios = require("./ratios");
const _trades = require("./trades");
const _exposure = require("./exposure");

//# sourceMappingURL=index.js.map
