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
    get CurrentPrincipal () {
        return CurrentPrincipal;
    },
    get PUBLIC_KEY () {
        return PUBLIC_KEY;
    },
    get Public () {
        return Public;
    },
    get ROLE_KEY () {
        return ROLE_KEY;
    },
    get RequireRole () {
        return RequireRole;
    },
    get principalLabel () {
        return principalLabel;
    }
});
const _common = require("@nestjs/common");
const PUBLIC_KEY = 'meridian:public';
const ROLE_KEY = 'meridian:role';
const Public = ()=>(0, _common.SetMetadata)(PUBLIC_KEY, true);
const RequireRole = (role)=>(0, _common.SetMetadata)(ROLE_KEY, role);
const CurrentPrincipal = (0, _common.createParamDecorator)((_data, ctx)=>{
    const req = ctx.switchToHttp().getRequest();
    if (!req.principal) throw new Error('CurrentPrincipal used on a public route');
    return req.principal;
});
function principalLabel(p) {
    return p.kind === 'user' ? p.email ?? p.userId : `api-key:${p.id}`;
}

//# sourceMappingURL=access.decorators.js.map
