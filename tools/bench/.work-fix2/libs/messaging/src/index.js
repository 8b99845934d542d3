"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./redis-options"), exports);
_export_star(require("./rpc-errors"), exports);
_export_star(require("./service-client"), exports);
_export_star(require("./queues"), exports);
_export_star(require("./halt-store"), exports);
_export_star(require("./namespaced-redis-transport"), exports);
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
