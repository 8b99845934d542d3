/** Throws a RangeError unless `value` is an integer >= `min` (periods, lags). */ "use strict";
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
    get assertPeriod () {
        return assertPeriod;
    },
    get assertSameLength () {
        return assertSameLength;
    },
    get firstValid () {
        return firstValid;
    },
    get interiorNaN () {
        return interiorNaN;
    },
    get nanArray () {
        return nanArray;
    }
});
function assertPeriod(name, value, min = 1) {
    if (!Number.isInteger(value) || value < min) {
        throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
    }
}
function assertSameLength(columns) {
    let length = -1;
    let first = '';
    for (const [name, column] of Object.entries(columns)){
        if (length < 0) {
            length = column.length;
            first = name;
        } else if (column.length !== length) {
            throw new RangeError(`${name} has length ${column.length} but ${first} has length ${length}`);
        }
    }
    return Math.max(length, 0);
}
function interiorNaN(where, index) {
    return new RangeError(`${where}: NaN at index ${index} after the first value (only leading NaN are allowed)`);
}
function firstValid(x) {
    const n = x.length;
    let i = 0;
    while(i < n && Number.isNaN(x[i]))i++;
    return i;
}
function nanArray(length) {
    return new Float64Array(length).fill(NaN);
}

//# sourceMappingURL=validate.js.map
