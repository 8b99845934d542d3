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
    get InvalidInputException () {
        return InvalidInputException;
    },
    get createValidationPipe () {
        return createValidationPipe;
    },
    get toFieldErrors () {
        return toFieldErrors;
    }
});
const _common = require("@nestjs/common");
function toFieldErrors(errors, parent = '') {
    const out = [];
    for (const e of errors){
        const path = parent ? /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}` : e.property;
        if (e.constraints) out.push({
            field: path,
            rules: e.constraints
        });
        if (e.children?.length) out.push(...toFieldErrors(e.children, path));
    }
    return out;
}
let InvalidInputException = class InvalidInputException extends _common.BadRequestException {
    constructor(fields){
        super({
            message: `Invalid input: ${fields.map((f)=>`${f.field} (${Object.keys(f.rules).join(', ')})`).join('; ')}`,
            details: fields
        }), this.fields = fields;
    }
};
function createValidationPipe() {
    return new _common.ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        transform: true,
        validateCustomDecorators: true,
        stopAtFirstError: false,
        exceptionFactory: (errors)=>new InvalidInputException(toFieldErrors(errors))
    });
}

//# sourceMappingURL=validation.js.map
