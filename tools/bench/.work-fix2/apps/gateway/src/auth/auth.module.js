"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AuthModule", {
    enumerable: true,
    get: function() {
        return AuthModule;
    }
});
const _common = require("@nestjs/common");
const _jwt = require("@nestjs/jwt");
const _apikeysservice = require("./api-keys.service");
const _authcontroller = require("./auth.controller");
const _authservice = require("./auth.service");
const _userscontroller = require("./users.controller");
const _usersservice = require("./users.service");
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
let AuthModule = class AuthModule {
    static forRoot(jwtSecret) {
        return {
            module: AuthModule,
            global: true,
            imports: [
                _jwt.JwtModule.register({
                    secretOrKeyProvider: (() => { const key = require('node:crypto').createSecretKey(Buffer.from(jwtSecret)); return () => key; })(),
                    signOptions: {
                        algorithm: 'HS256',
                        issuer: 'meridian'
                    },
                    verifyOptions: {
                        issuer: 'meridian'
                    }
                })
            ],
            controllers: [
                _authcontroller.AuthController,
                _userscontroller.UsersController
            ],
            providers: [
                _authservice.AuthService,
                _usersservice.UsersService,
                _apikeysservice.ApiKeysService
            ],
            exports: [
                _authservice.AuthService,
                _usersservice.UsersService
            ]
        };
    }
};
AuthModule = _ts_decorate([
    (0, _common.Module)({})
], AuthModule);

//# sourceMappingURL=auth.module.js.map
