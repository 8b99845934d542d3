"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "simulationDefinition", {
    enumerable: true,
    get: function() {
        return simulationDefinition;
    }
});
const _servicekit = require("../../../libs/service-kit/src");
const simulationDefinition = {
    service: 'simulation',
    version: (0, _servicekit.platformVersion)(),
    entities: [],
    migrations: [],
    imports: []
};

//# sourceMappingURL=simulation.definition.js.map
