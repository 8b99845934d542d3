"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlatformHaltModule", {
    enumerable: true,
    get: function() {
        return PlatformHaltModule;
    }
});
const _common = require("@nestjs/common");
const _platformhaltcontroller = require("./platform-halt.controller");
const _platformhaltservice = require("./platform-halt.service");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
let PlatformHaltModule = class PlatformHaltModule {
};
PlatformHaltModule = _ts_decorate([
    (0, _common.Module)({
        controllers: [
            _platformhaltcontroller.PlatformHaltController
        ],
        providers: [
            _platformhaltservice.PlatformHaltService
        ]
    })
], PlatformHaltModule);

//# sourceMappingURL=platform-halt.module.js.map
