"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./config"), exports);
_export_star(require("./tokens"), exports);
_export_star(require("./validation"), exports);
_export_star(require("./rpc"), exports);
_export_star(require("./halt-state.service"), exports);
_export_star(require("./service-runtime"), exports);
_export_star(require("./system.controller"), exports);
_export_star(require("./service-kit.module"), exports);
_export_star(require("./bootstrap"), exports);
_export_star(require("./service-run"), exports);
_export_star(require("./jobs"), exports);
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
