"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "decimalTransformer", {
    enumerable: true,
    get: function() {
        return decimalTransformer;
    }
});
const _decimal = /*#__PURE__*/ _interop_require_default(require("decimal.js"));
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const decimalTransformer = {
    to: (value)=>value == null ? value : new _decimal.default(value).toString(),
    from: (value)=>value == null ? value : new _decimal.default(value)
};

//# sourceMappingURL=numeric.js.map
