"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "resolveJwtSecret", {
    enumerable: true,
    get: function() {
        return resolveJwtSecret;
    }
});
const _authentities = require("./auth.entities");
const _crypto = require("./crypto");
async function resolveJwtSecret(dataSource, configured) {
    if (configured) return {
        secret: configured,
        source: 'env'
    };
    const repo = dataSource.getRepository(_authentities.PlatformSecretEntity);
    await repo.createQueryBuilder().insert().values({
        name: 'jwt',
        value: (0, _crypto.randomToken)(48)
    }).orIgnore().execute();
    const row = await repo.findOneByOrFail({
        name: 'jwt'
    });
    return {
        secret: row.value,
        source: 'database'
    };
}

//# sourceMappingURL=jwt-secret.js.map
