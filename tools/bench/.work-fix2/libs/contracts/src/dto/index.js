// Decorated DTO classes (class-validator + OpenAPI). Server-side only; the web app uses the
// interfaces of '@meridian/contracts' that these classes implement.
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./auth.dto"), exports);
_export_star(require("./system.dto"), exports);
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
