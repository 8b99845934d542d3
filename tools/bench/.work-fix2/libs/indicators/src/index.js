"use strict";
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
    get AtrStream () {
        return _atr.AtrStream;
    },
    get BollingerStream () {
        return _bollinger.BollingerStream;
    },
    get DonchianStream () {
        return _donchian.DonchianStream;
    },
    get EmaStream () {
        return _ema.EmaStream;
    },
    get MacdStream () {
        return _macd.MacdStream;
    },
    get RingBuffer () {
        return _ringbuffer.RingBuffer;
    },
    get RocStream () {
        return _roc.RocStream;
    },
    get RollingExtremum () {
        return _monotonicdeque.RollingExtremum;
    },
    get RollingVariance () {
        return _rollingvariance.RollingVariance;
    },
    get RsiStream () {
        return _rsi.RsiStream;
    },
    get RunMaxStream () {
        return _rollingextrema.RunMaxStream;
    },
    get RunMinStream () {
        return _rollingextrema.RunMinStream;
    },
    get RunSdStream () {
        return _runsd.RunSdStream;
    },
    get SmaStream () {
        return _sma.SmaStream;
    },
    get StochasticStream () {
        return _stochastic.StochasticStream;
    },
    get WmaStream () {
        return _wma.WmaStream;
    },
    get atr () {
        return _atr.atr;
    },
    get bollinger () {
        return _bollinger.bollinger;
    },
    get donchian () {
        return _donchian.donchian;
    },
    get ema () {
        return _ema.ema;
    },
    get emaRatio () {
        return _ema.emaRatio;
    },
    get macd () {
        return _macd.macd;
    },
    get roc () {
        return _roc.roc;
    },
    get rsi () {
        return _rsi.rsi;
    },
    get runMax () {
        return _rollingextrema.runMax;
    },
    get runMin () {
        return _rollingextrema.runMin;
    },
    get runSD () {
        return _runsd.runSD;
    },
    get sma () {
        return _sma.sma;
    },
    get stochastic () {
        return _stochastic.stochastic;
    },
    get typicalPrice () {
        return _bollinger.typicalPrice;
    },
    get typicalPriceOf () {
        return _bollinger.typicalPriceOf;
    },
    get wma () {
        return _wma.wma;
    }
});
_export_star(require("./types"), exports);
const _ringbuffer = require("./ring-buffer");
const _monotonicdeque = require("./monotonic-deque");
const _rollingvariance = require("./rolling-variance");
const _sma = require("./sma");
const _ema = require("./ema");
const _wma = require("./wma");
const _rsi = require("./rsi");
const _macd = require("./macd");
const _bollinger = require("./bollinger");
const _atr = require("./atr");
const _stochastic = require("./stochastic");
const _roc = require("./roc");
const _runsd = require("./run-sd");
const _rollingextrema = require("./rolling-extrema");
const _donchian = require("./donchian");
function _export_star(from, to) {
    Object.keys(from).forEach(function(k) {
        if (k !== "default" && !Object.prototype.hasOwnProperty.call(to, k)) {
            Object.defineProperty(to, k, {
                enumerable: true,
                get: function() {
                    return from[k];
                }
            });
        }
    });
    return from;
}

//# sourceMappingURL=index.js.map
