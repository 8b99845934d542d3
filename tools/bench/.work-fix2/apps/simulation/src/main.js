"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _servicekit = require("../../../libs/service-kit/src");
const _simulationdefinition = require("./simulation.definition");
void (0, _servicekit.runService)(_simulationdefinition.simulationDefinition);

//# sourceMappingURL=main.js.map
