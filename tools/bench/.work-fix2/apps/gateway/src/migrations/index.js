"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "gatewayMigrations", {
    enumerable: true,
    get: function() {
        return gatewayMigrations;
    }
});
const _1764100001000gatewayfoundation = require("./1764100001000-gateway-foundation");
const gatewayMigrations = [
    _1764100001000gatewayfoundation.GatewayFoundation1764100001000
];

//# sourceMappingURL=index.js.map
