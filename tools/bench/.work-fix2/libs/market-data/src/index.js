"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./instruments"), exports);
_export_star(require("./ticks"), exports);
_export_star(require("./prng"), exports);
_export_star(require("./synthetic-feed"), exports);
_export_star(require("./candles"), exports);
_export_star(require("./correlation"), exports);
_export_star(require("./windowed-extremes"), exports);
_export_star(require("./price-alerts"), exports);
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
