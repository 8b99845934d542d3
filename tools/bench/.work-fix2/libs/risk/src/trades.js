/**
 * Trade statistics for backtests, from an array of closed-trade P&Ls (any currency unit, as
 * floats; convert decimals to numbers before calling). There is no PerformanceAnalytics
 * equivalent; names and signs follow the usual backtest report (cf. blotter's `tradeStats`):
 * a win is P&L > 0, a loss is P&L < 0, a scratch trade (P&L = 0) counts as a trade but as
 * neither. Losses are reported as negative numbers (`averageLoss`, `grossLoss`).
 * No trades, or an undefined ratio (no losses for the profit factor), → NaN.
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
    get averageLoss () {
        return averageLoss;
    },
    get averageWin () {
        return averageWin;
    },
    get expectancy () {
        return expectancy;
    },
    get profitFactor () {
        return profitFactor;
    },
    get tradeStatistics () {
        return tradeStatistics;
    },
    get winRate () {
        return winRate;
    }
});
const _stats = require("./stats");
function winRate(pnls) {
    if (pnls.length === 0) return NaN;
    let wins = 0;
    for(let i = 0; i < pnls.length; i++)if (pnls[i] > 0) wins++;
    return wins / pnls.length;
}
function sumWhere(pnls, keep) {
    let total = 0;
    let count = 0;
    for(let i = 0; i < pnls.length; i++){
        if (keep(pnls[i])) {
            total += pnls[i];
            count++;
        }
    }
    return {
        total,
        count
    };
}
const isWin = (x)=>x > 0;
const isLoss = (x)=>x < 0;
function profitFactor(pnls) {
    const loss = sumWhere(pnls, isLoss).total;
    return loss === 0 ? NaN : sumWhere(pnls, isWin).total / -loss;
}
function averageWin(pnls) {
    const w = sumWhere(pnls, isWin);
    return w.count === 0 ? NaN : w.total / w.count;
}
function averageLoss(pnls) {
    const l = sumWhere(pnls, isLoss);
    return l.count === 0 ? NaN : l.total / l.count;
}
function expectancy(pnls) {
    return (0, _stats.mean)(pnls);
}
function tradeStatistics(pnls) {
    const w = sumWhere(pnls, isWin);
    const l = sumWhere(pnls, isLoss);
    const avgWin = averageWin(pnls);
    const avgLoss = averageLoss(pnls);
    return {
        trades: pnls.length,
        wins: w.count,
        losses: l.count,
        winRate: winRate(pnls),
        grossProfit: w.total,
        grossLoss: l.total,
        profitFactor: profitFactor(pnls),
        averageWin: avgWin,
        averageLoss: avgLoss,
        payoffRatio: avgWin / -avgLoss,
        expectancy: expectancy(pnls)
    };
}

//# sourceMappingURL=trades.js.map
