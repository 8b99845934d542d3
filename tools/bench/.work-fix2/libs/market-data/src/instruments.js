/**
 * Catalogue of Deriv-style synthetic indices.
 *
 * Synthetic indices trade around the clock, every day of the year, so the annualisation used by the
 * generator is a calendar year of 365 × 24 × 3600 seconds (see {@link SECONDS_PER_YEAR}).
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
    get DERIV_DECIMALS () {
        return DERIV_DECIMALS;
    },
    get INSTRUMENTS () {
        return INSTRUMENTS;
    },
    get MS_PER_YEAR () {
        return MS_PER_YEAR;
    },
    get SECONDS_PER_YEAR () {
        return SECONDS_PER_YEAR;
    },
    get findInstrument () {
        return findInstrument;
    },
    get formatQuote () {
        return formatQuote;
    },
    get getInstrument () {
        return getInstrument;
    },
    get isKnownSymbol () {
        return isKnownSymbol;
    },
    get roundQuote () {
        return roundQuote;
    },
    get roundToDecimals () {
        return roundToDecimals;
    }
});
const _decimal = /*#__PURE__*/ _interop_require_default(require("decimal.js"));
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const SECONDS_PER_YEAR = 365 * 24 * 3600;
const MS_PER_YEAR = SECONDS_PER_YEAR * 1000;
const DERIV_DECIMALS = Object.freeze({
    R_10: 3,
    R_25: 3,
    R_50: 4,
    R_75: 4,
    R_100: 2,
    '1HZ10V': 2,
    '1HZ25V': 2,
    '1HZ50V': 2,
    '1HZ75V': 2,
    '1HZ100V': 2,
    stpRNG: 1
});
function pipSizeOf(decimals) {
    // 1 / 10^d is the closest double to 10^-d (10^d is exact for d <= 22).
    return 1 / 10 ** decimals;
}
function volatilityIndex(symbol, displayName, volatilityPct, tickIntervalMs, startPrice) {
    const decimals = DERIV_DECIMALS[symbol];
    return Object.freeze({
        symbol,
        displayName,
        type: 'volatility_index',
        decimals,
        pipSize: pipSizeOf(decimals),
        tickIntervalMs,
        volatility: volatilityPct / 100,
        stepSize: 0,
        startPrice
    });
}
const STEP_INDEX = Object.freeze({
    symbol: 'stpRNG',
    displayName: 'Step Index',
    type: 'step_index',
    decimals: DERIV_DECIMALS['stpRNG'],
    pipSize: pipSizeOf(DERIV_DECIMALS['stpRNG']),
    tickIntervalMs: 1000,
    volatility: 0,
    stepSize: 0.1,
    startPrice: 8000
});
const INSTRUMENTS = Object.freeze([
    volatilityIndex('R_10', 'Volatility 10 Index', 10, 2000, 6000),
    volatilityIndex('R_25', 'Volatility 25 Index', 25, 2000, 2500),
    volatilityIndex('R_50', 'Volatility 50 Index', 50, 2000, 250),
    volatilityIndex('R_75', 'Volatility 75 Index', 75, 2000, 50000),
    volatilityIndex('R_100', 'Volatility 100 Index', 100, 2000, 1500),
    volatilityIndex('1HZ10V', 'Volatility 10 (1s) Index', 10, 1000, 9000),
    volatilityIndex('1HZ25V', 'Volatility 25 (1s) Index', 25, 1000, 5000),
    volatilityIndex('1HZ50V', 'Volatility 50 (1s) Index', 50, 1000, 2000),
    volatilityIndex('1HZ75V', 'Volatility 75 (1s) Index', 75, 1000, 4000),
    volatilityIndex('1HZ100V', 'Volatility 100 (1s) Index', 100, 1000, 1000),
    STEP_INDEX
]);
const BY_SYMBOL = new Map(INSTRUMENTS.map((i)=>[
        i.symbol,
        i
    ]));
function findInstrument(symbol) {
    return BY_SYMBOL.get(symbol);
}
function getInstrument(symbol) {
    const instrument = BY_SYMBOL.get(symbol);
    if (!instrument) throw new RangeError(`Unknown instrument symbol: ${symbol}`);
    return instrument;
}
function isKnownSymbol(symbol) {
    return BY_SYMBOL.has(symbol);
}
function roundToDecimals(value, decimals) {
    const factor = 10 ** decimals;
    const scaled = Math.abs(value) * factor;
    let units = Math.round(scaled);
    // Math.round rounds x.5 up, but a product like 1.005 * 100 = 100.49999999999999 can hide a tie:
    // decide ties on the shortest decimal representation instead.
    if (Math.abs(scaled - units) > 0.4999 && Math.abs(scaled - units) < 0.5) {
        units = new _decimal.default(Math.abs(value)).toDecimalPlaces(decimals, _decimal.default.ROUND_HALF_UP).times(factor).toNumber();
    }
    return Math.sign(value) * units / factor;
}
function roundQuote(instrument, value) {
    return roundToDecimals(value, instrument.decimals);
}
function formatQuote(instrument, value) {
    return roundQuote(instrument, value).toFixed(instrument.decimals);
}

//# sourceMappingURL=instruments.js.map
