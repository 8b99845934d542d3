"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _servicekit = require("../../../libs/service-kit/src");
const _intelligencedefinition = require("./intelligence.definition");
void (0, _servicekit.runService)(_intelligencedefinition.intelligenceDefinition);

//# sourceMappingURL=main.js.map
