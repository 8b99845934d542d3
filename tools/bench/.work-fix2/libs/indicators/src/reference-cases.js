// Test-only: runs one case of reference/ttr-reference.json through the batch form and the
// streaming form of the matching indicator.
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "runIndicator", {
    enumerable: true,
    get: function() {
        return runIndicator;
    }
});
const _atr = require("./atr");
const _bollinger = require("./bollinger");
const _donchian = require("./donchian");
const _ema = require("./ema");
const _macd = require("./macd");
const _rollingextrema = require("./rolling-extrema");
const _roc = require("./roc");
const _rsi = require("./rsi");
const _runsd = require("./run-sd");
const _sma = require("./sma");
const _stochastic = require("./stochastic");
const _wma = require("./wma");
function num(p, key) {
    const v = p[key];
    if (typeof v !== 'number') throw new Error(`param ${key} is not a number`);
    return v;
}
function bool(p, key) {
    const v = p[key];
    if (typeof v !== 'boolean') throw new Error(`param ${key} is not a boolean`);
    return v;
}
function bar(d, i) {
    return {
        high: d.high[i],
        low: d.low[i],
        close: d.close[i]
    };
}
/** Collects the streaming outputs of `step(i)` into arrays named like the batch outputs. */ function stream(length, names, step) {
    const out = {};
    for (const name of names)out[name] = new Float64Array(length);
    for(let i = 0; i < length; i++){
        const v = step(i);
        for (const name of names)out[name][i] = v[name];
    }
    return out;
}
function scalarStream(length, step) {
    return stream(length, [
        'value'
    ], (i)=>({
            value: step(i)
        }));
}
function runIndicator(indicator, p, d) {
    const n = d.close.length;
    const c = d.close;
    switch(indicator){
        case 'sma':
            {
                const s = new _sma.SmaStream(num(p, 'period'));
                return {
                    batch: {
                        value: (0, _sma.sma)(c, num(p, 'period'))
                    },
                    streaming: scalarStream(n, (i)=>s.update(c[i]))
                };
            }
        case 'ema':
            {
                const opts = {
                    wilder: bool(p, 'wilder')
                };
                const s = new _ema.EmaStream(num(p, 'period'), opts);
                return {
                    batch: {
                        value: (0, _ema.ema)(c, num(p, 'period'), opts)
                    },
                    streaming: scalarStream(n, (i)=>s.update(c[i]))
                };
            }
        case 'wma':
            {
                const s = new _wma.WmaStream(num(p, 'period'));
                return {
                    batch: {
                        value: (0, _wma.wma)(c, num(p, 'period'))
                    },
                    streaming: scalarStream(n, (i)=>s.update(c[i]))
                };
            }
        case 'rsi':
            {
                const s = new _rsi.RsiStream(num(p, 'period'));
                return {
                    batch: {
                        value: (0, _rsi.rsi)(c, num(p, 'period'))
                    },
                    streaming: scalarStream(n, (i)=>s.update(c[i]))
                };
            }
        case 'macd':
            {
                const opts = {
                    fast: num(p, 'fast'),
                    slow: num(p, 'slow'),
                    signal: num(p, 'signal'),
                    percent: bool(p, 'percent')
                };
                const s = new _macd.MacdStream(opts);
                const batch = (0, _macd.macd)(c, opts);
                return {
                    batch: {
                        macd: batch.macd,
                        signal: batch.signal,
                        histogram: batch.histogram
                    },
                    streaming: stream(n, [
                        'macd',
                        'signal',
                        'histogram'
                    ], (i)=>({
                            ...s.update(c[i])
                        }))
                };
            }
        case 'bollinger':
            {
                const opts = {
                    period: num(p, 'period'),
                    k: num(p, 'k')
                };
                const typical = p.input === 'typical';
                const price = typical ? (0, _bollinger.typicalPrice)(d) : c;
                const s = new _bollinger.BollingerStream(opts);
                const b = (0, _bollinger.bollinger)(price, opts);
                return {
                    batch: {
                        lower: b.lower,
                        middle: b.middle,
                        upper: b.upper,
                        pctB: b.pctB
                    },
                    streaming: stream(n, [
                        'lower',
                        'middle',
                        'upper',
                        'pctB'
                    ], (i)=>({
                            ...s.update(typical ? (0, _bollinger.typicalPriceOf)(bar(d, i)) : c[i])
                        }))
                };
            }
        case 'atr':
            {
                const s = new _atr.AtrStream(num(p, 'period'));
                const b = (0, _atr.atr)(d, num(p, 'period'));
                return {
                    batch: {
                        tr: b.tr,
                        atr: b.atr
                    },
                    streaming: stream(n, [
                        'tr',
                        'atr'
                    ], (i)=>({
                            ...s.update(bar(d, i))
                        }))
                };
            }
        case 'stochastic':
            {
                const opts = {
                    fastK: num(p, 'fastK'),
                    fastD: num(p, 'fastD'),
                    slowD: num(p, 'slowD'),
                    smooth: num(p, 'smooth'),
                    bounded: bool(p, 'bounded')
                };
                const s = new _stochastic.StochasticStream(opts);
                const b = (0, _stochastic.stochastic)(d, opts);
                return {
                    batch: {
                        fastK: b.fastK,
                        fastD: b.fastD,
                        slowD: b.slowD
                    },
                    streaming: stream(n, [
                        'fastK',
                        'fastD',
                        'slowD'
                    ], (i)=>({
                            ...s.update(bar(d, i))
                        }))
                };
            }
        case 'roc':
            {
                const opts = {
                    type: p.type
                };
                const s = new _roc.RocStream(num(p, 'period'), opts);
                return {
                    batch: {
                        value: (0, _roc.roc)(c, num(p, 'period'), opts)
                    },
                    streaming: scalarStream(n, (i)=>s.update(c[i]))
                };
            }
        case 'runSD':
            {
                const opts = {
                    sample: bool(p, 'sample')
                };
                const s = new _runsd.RunSdStream(num(p, 'period'), opts);
                return {
                    batch: {
                        value: (0, _runsd.runSD)(c, num(p, 'period'), opts)
                    },
                    streaming: scalarStream(n, (i)=>s.update(c[i]))
                };
            }
        case 'runMax':
            {
                const s = new _rollingextrema.RunMaxStream(num(p, 'period'));
                return {
                    batch: {
                        value: (0, _rollingextrema.runMax)(d.high, num(p, 'period'))
                    },
                    streaming: scalarStream(n, (i)=>s.update(d.high[i]))
                };
            }
        case 'runMin':
            {
                const s = new _rollingextrema.RunMinStream(num(p, 'period'));
                return {
                    batch: {
                        value: (0, _rollingextrema.runMin)(d.low, num(p, 'period'))
                    },
                    streaming: scalarStream(n, (i)=>s.update(d.low[i]))
                };
            }
        case 'donchian':
            {
                const opts = {
                    period: num(p, 'period'),
                    includeLag: bool(p, 'includeLag')
                };
                const s = new _donchian.DonchianStream(opts);
                const b = (0, _donchian.donchian)(d, opts);
                return {
                    batch: {
                        high: b.high,
                        mid: b.mid,
                        low: b.low
                    },
                    streaming: stream(n, [
                        'high',
                        'mid',
                        'low'
                    ], (i)=>({
                            ...s.update({
                                high: d.high[i],
                                low: d.low[i]
                            })
                        }))
                };
            }
        default:
            throw new Error(`unknown indicator ${indicator}`);
    }
}

//# sourceMappingURL=reference-cases.js.map
