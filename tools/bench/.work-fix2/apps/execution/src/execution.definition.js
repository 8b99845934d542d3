"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "executionDefinition", {
    enumerable: true,
    get: function() {
        return executionDefinition;
    }
});
const _servicekit = require("../../../libs/service-kit/src");
const _haltevententity = require("./platform-halt/halt-event.entity");
const _platformhaltmodule = require("./platform-halt/platform-halt.module");
const _1764100000100createhaltevents = require("./migrations/1764100000100-create-halt-events");
const executionDefinition = {
    service: 'execution',
    version: (0, _servicekit.platformVersion)(),
    entities: [
        _haltevententity.HaltEventEntity
    ],
    migrations: [
        _1764100000100createhaltevents.CreateHaltEvents1764100000100
    ],
    imports: [
        _platformhaltmodule.PlatformHaltModule
    ]
};

//# sourceMappingURL=execution.definition.js.map
