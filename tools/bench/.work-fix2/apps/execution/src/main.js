"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _servicekit = require("../../../libs/service-kit/src");
const _executiondefinition = require("./execution.definition");
void (0, _servicekit.runService)(_executiondefinition.executionDefinition);

//# sourceMappingURL=main.js.map
