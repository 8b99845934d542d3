/** Any numeric series: a Float64Array is the fast path, plain number arrays work too. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});

//# sourceMappingURL=types.js.map
