"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get IdParam () {
        return IdParam;
    },
    get pageOffset () {
        return pageOffset;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _servicekit = require("../../../../libs/service-kit/src");
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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let IdParam = class IdParam {
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Length)(1, 64),
    (0, _classvalidator.Matches)(/^[A-Za-z0-9-]+$/, {
        message: 'id must contain only letters, digits and dashes'
    }),
    _ts_metadata("design:type", String)
], IdParam.prototype, "id", void 0);
function pageOffset(offset) {
    if (offset !== undefined && !Number.isSafeInteger(offset)) {
        throw new _servicekit.InvalidInputException([
            {
                field: 'offset',
                rules: {
                    max: `offset must not be greater than ${Number.MAX_SAFE_INTEGER}`
                }
            }
        ]);
    }
    return offset ?? 0;
}

//# sourceMappingURL=params.js.map
