"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ApiKeysService", {
    enumerable: true,
    get: function() {
        return ApiKeysService;
    }
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _typeorm = require("typeorm");
const _contracts = require("../../../../libs/contracts/src");
const _authentities = require("./auth.entities");
const _crypto = require("./crypto");
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
const KEY_PATTERN = /^mrd_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** Verified keys are remembered briefly so a busy integrator costs no database read per request. */ const CACHE_TTL_MS = 10_000;
function toView(k) {
    return {
        id: k.id,
        name: k.name,
        role: k.role,
        prefix: `mrd_${k.id}_`,
        ownerId: k.ownerId,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        revokedAt: k.revokedAt?.toISOString() ?? null
    };
}
let ApiKeysService = class ApiKeysService {
    constructor(dataSource){
        this.dataSource = dataSource;
        this.cache = new Map();
    }
    get repo() {
        return this.dataSource.getRepository(_authentities.ApiKeyEntity);
    }
    async create(owner, name, role) {
        const granted = role ?? owner.role;
        if (!(0, _contracts.roleAtLeast)(owner.role, granted)) throw new _common.ForbiddenException(`A ${owner.role} cannot create a key with role ${granted}`);
        const id = (0, _nodecrypto.randomBytes)(8).toString('hex');
        const secret = (0, _crypto.randomToken)(32);
        const saved = await this.repo.save(this.repo.create({
            id,
            name,
            role: granted,
            ownerId: owner.userId,
            keyHash: (0, _crypto.sha256)(secret)
        }));
        return {
            ...toView(saved),
            key: `mrd_${id}_${secret}`
        };
    }
    async list(owner) {
        const where = owner.role === 'admin' ? {} : {
            ownerId: owner.userId
        };
        return (await this.repo.find({
            where,
            order: {
                createdAt: 'DESC'
            }
        })).map(toView);
    }
    async revoke(owner, id) {
        const key = await this.repo.findOneBy({
            id
        });
        if (!key || key.ownerId !== owner.userId && owner.role !== 'admin') throw new _common.NotFoundException(`No API key ${id}`);
        if (!key.revokedAt) await this.repo.update({
            id,
            revokedAt: (0, _typeorm.IsNull)()
        }, {
            revokedAt: new Date()
        });
        this.cache.delete(id);
    }
    /** Returns the key's principal, or null when the key is malformed, unknown or revoked. */ async verify(raw) {
        const m = KEY_PATTERN.exec(raw);
        if (!m) return null;
        const [, id, secret] = m;
        const hash = (0, _crypto.sha256)(secret);
        const cached = this.cache.get(id);
        if (cached && cached.until > Date.now()) return (0, _crypto.safeEqualHex)(cached.hash, hash) ? cached.principal : null;
        const key = await this.repo.findOneBy({
            id
        });
        if (!key || key.revokedAt || !(0, _crypto.safeEqualHex)(key.keyHash, hash)) {
            this.cache.delete(id);
            return null;
        }
        const principal = {
            kind: 'api-key',
            id: key.id,
            userId: key.ownerId,
            role: key.role
        };
        this.cache.set(id, {
            principal,
            hash: key.keyHash,
            until: Date.now() + CACHE_TTL_MS
        });
        void this.repo.update({
            id
        }, {
            lastUsedAt: new Date()
        }).catch(()=>undefined);
        return principal;
    }
};
ApiKeysService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource
    ])
], ApiKeysService);

//# sourceMappingURL=api-keys.service.js.map
