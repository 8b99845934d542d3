"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "intelligenceDefinition", {
    enumerable: true,
    get: function() {
        return intelligenceDefinition;
    }
});
const _servicekit = require("../../../libs/service-kit/src");
const intelligenceDefinition = {
    service: 'intelligence',
    version: (0, _servicekit.platformVersion)(),
    entities: [],
    migrations: [],
    imports: []
};

//# sourceMappingURL=intelligence.definition.js.map
