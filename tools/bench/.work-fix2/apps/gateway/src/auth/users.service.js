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
    get UsersService () {
        return UsersService;
    },
    get toUserView () {
        return toUserView;
    }
});
const _common = require("@nestjs/common");
const _typeorm = require("typeorm");
const _servicekit = require("../../../../libs/service-kit/src");
const _gatewayconfig = require("../core/gateway.config");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
function toUserView(u) {
    return {
        id: u.id,
        email: u.email,
        role: u.role,
        createdAt: u.createdAt.toISOString(),
        disabled: u.disabled
    };
}
let UsersService = class UsersService {
    constructor(dataSource, config, logger){
        this.dataSource = dataSource;
        this.config = config;
        this.logger = logger;
    }
    get repo() {
        return this.dataSource.getRepository(_authentities.UserEntity);
    }
    /** The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password printed once. */ async onApplicationBootstrap() {
        if (await this.repo.count() > 0) return;
        const generated = this.config.adminPassword ? null : (0, _crypto.generatePassword)();
        try {
            await this.create(this.config.adminEmail, this.config.adminPassword ?? generated, 'admin');
        } catch (err) {
            if (err instanceof _common.ConflictException) return; // another replica created it first
            throw err;
        }
        this.logger.warn({
            email: this.config.adminEmail
        }, 'created the first admin user');
        if (generated) {
            // Printed once, on stdout only (never in the shared log stream): it is not stored anywhere.
            process.stdout.write(`\n  First admin created: ${this.config.adminEmail}\n  Generated password (shown once): ${generated}\n  Set ADMIN_EMAIL/ADMIN_PASSWORD to choose them yourself.\n\n`);
        }
    }
    async create(email, password, role) {
        const existing = await this.repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', {
            email
        }).getOne();
        if (existing) throw new _common.ConflictException(`A user with e-mail ${email} already exists`);
        try {
            const saved = await this.repo.save(this.repo.create({
                email: email.toLowerCase(),
                passwordHash: await (0, _crypto.hashPassword)(password),
                role
            }));
            return toUserView(saved);
        } catch (err) {
            if (err.code === '23505') throw new _common.ConflictException(`A user with e-mail ${email} already exists`);
            throw err;
        }
    }
    findByEmail(email) {
        return this.repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', {
            email
        }).getOne();
    }
    async get(id) {
        const user = await this.repo.findOneBy({
            id
        });
        if (!user) throw new _common.NotFoundException(`No user ${id}`);
        return user;
    }
    async list(limit, offset) {
        const [rows, total] = await this.repo.findAndCount({
            order: {
                createdAt: 'ASC'
            },
            take: limit,
            skip: offset
        });
        return {
            items: rows.map(toUserView),
            total,
            limit,
            offset
        };
    }
};
UsersService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_gatewayconfig.GATEWAY_CONFIG)),
    _ts_param(2, (0, _common.Inject)(_servicekit.LOGGER)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _typeorm.DataSource === "undefined" ? Object : _typeorm.DataSource,
        typeof GatewayConfig === "undefined" ? Object : GatewayConfig,
        typeof Logger === "undefined" ? Object : Logger
    ])
], UsersService);

//# sourceMappingURL=users.service.js.map
