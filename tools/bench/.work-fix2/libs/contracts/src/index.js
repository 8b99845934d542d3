// Browser-safe contracts: types and constants only. Decorated DTO classes live in ./dto.
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./services"), exports);
_export_star(require("./patterns"), exports);
_export_star(require("./events"), exports);
_export_star(require("./api"), exports);
_export_star(require("./envelope"), exports);
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
