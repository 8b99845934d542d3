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
    get generatePassword () {
        return generatePassword;
    },
    get hashPassword () {
        return hashPassword;
    },
    get randomToken () {
        return randomToken;
    },
    get safeEqualHex () {
        return safeEqualHex;
    },
    get sha256 () {
        return sha256;
    },
    get verifyPassword () {
        return verifyPassword;
    }
});
const _nodecrypto = require("node:crypto");
const scrypt = (password, salt, keylen, opts)=>new Promise((resolve, reject)=>(0, _nodecrypto.scrypt)(password, salt, keylen, opts, (err, key)=>err ? reject(err) : resolve(key)));
// scrypt (built into Node, memory-hard, runs on the thread pool): N=2^14, r=8, p=1 ≈ 16 MiB, ~50 ms.
const PARAMS = {
    N: 16384,
    r: 8,
    p: 1
};
async function hashPassword(password) {
    const salt = (0, _nodecrypto.randomBytes)(16);
    const key = await scrypt(password, salt, 32, {
        ...PARAMS,
        maxmem: 64 * 1024 * 1024
    });
    return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}
async function verifyPassword(password, stored) {
    const [kind, n, r, p, salt, hash] = stored.split('$');
    if (kind !== 'scrypt') return false;
    const expected = Buffer.from(hash, 'base64');
    const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: 64 * 1024 * 1024
    });
    return (0, _nodecrypto.timingSafeEqual)(key, expected);
}
function sha256(value) {
    return (0, _nodecrypto.createHash)('sha256').update(value).digest('hex');
}
function randomToken(bytes = 32) {
    return (0, _nodecrypto.randomBytes)(bytes).toString('base64url');
}
function safeEqualHex(a, b) {
    const x = Buffer.from(a, 'hex');
    const y = Buffer.from(b, 'hex');
    return x.length === y.length && (0, _nodecrypto.timingSafeEqual)(x, y);
}
function generatePassword() {
    return (0, _nodecrypto.randomBytes)(18).toString('base64url');
}

//# sourceMappingURL=crypto.js.map
