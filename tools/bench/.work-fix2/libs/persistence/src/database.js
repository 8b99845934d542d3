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
    get assertIdentifier () {
        return assertIdentifier;
    },
    get openDatabase () {
        return openDatabase;
    },
    get pingDatabase () {
        return pingDatabase;
    }
});
const _nodefs = require("node:fs");
const _nodepath = require("node:path");
const _pg = require("pg");
const _typeorm = require("typeorm");
const _datafolderlock = require("./data-folder-lock");
function _getRequireWildcardCache(nodeInterop) {
    if (typeof WeakMap !== "function") return null;
    var cacheBabelInterop = new WeakMap();
    var cacheNodeInterop = new WeakMap();
    return (_getRequireWildcardCache = function(nodeInterop) {
        return nodeInterop ? cacheNodeInterop : cacheBabelInterop;
    })(nodeInterop);
}
function _interop_require_wildcard(obj, nodeInterop) {
    if (!nodeInterop && obj && obj.__esModule) return obj;
    if (obj === null || typeof obj !== "object" && typeof obj !== "function") return {
        default: obj
    };
    var cache = _getRequireWildcardCache(nodeInterop);
    if (cache && cache.has(obj)) return cache.get(obj);
    var newObj = {
        __proto__: null
    };
    var hasPropertyDescriptor = Object.defineProperty && Object.getOwnPropertyDescriptor;
    for(var key in obj){
        if (key !== "default" && Object.prototype.hasOwnProperty.call(obj, key)) {
            var desc = hasPropertyDescriptor ? Object.getOwnPropertyDescriptor(obj, key) : null;
            if (desc && (desc.get || desc.set)) Object.defineProperty(newObj, key, desc);
            else newObj[key] = obj[key];
        }
    }
    newObj.default = obj;
    if (cache) cache.set(obj, newObj);
    return newObj;
}
async function openDatabase(opts) {
    assertIdentifier(opts.schema);
    const common = {
        type: 'postgres',
        schema: opts.schema,
        entities: opts.entities,
        migrations: opts.migrations,
        migrationsRun: false,
        migrationsTransactionMode: 'each',
        synchronize: false,
        installExtensions: false,
        uuidExtension: 'pgcrypto',
        logging: false
    };
    if (opts.databaseUrl) {
        await ensureSchema(opts.databaseUrl, opts.schema);
        const dataSource = new _typeorm.DataSource({
            ...common,
            url: opts.databaseUrl,
            poolSize: opts.poolSize ?? 10,
            extra: {
                options: `-c search_path=${opts.schema},public`,
                application_name: `meridian-${opts.service}`
            }
        });
        await dataSource.initialize();
        await migrateUnderLock(dataSource, opts.schema);
        const url = new URL(opts.databaseUrl);
        return {
            dataSource,
            backing: {
                part: 'postgres',
                kind: 'external',
                description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}, schema ${opts.schema}`
            },
            close: ()=>dataSource.destroy()
        };
    }
    const folder = (0, _nodepath.resolve)(opts.dataDir, opts.service);
    (0, _nodefs.mkdirSync)(folder, {
        recursive: true
    });
    const lock = new _datafolderlock.DataFolderLock((0, _nodepath.join)(folder, 'meridian.lock'));
    lock.acquire();
    try {
        // PGlite's node-postgres adapter ships CommonJS builds; loaded lazily so external mode never pays for WASM.
        const { PGlite } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("@electric-sql/pglite")));
        const { createPgConfig } = await Promise.resolve().then(()=>/*#__PURE__*/ _interop_require_wildcard(require("@electric-sql/pglite/node-postgres")));
        const pglite = new PGlite((0, _nodepath.join)(folder, 'pgdata'));
        await pglite.waitReady;
        await pglite.exec(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"; SET search_path TO "${opts.schema}", public;`);
        const dataSource = new _typeorm.DataSource({
            ...common,
            poolSize: 1,
            extra: createPgConfig(pglite)
        });
        await dataSource.initialize();
        // One process owns the folder (the lock file), so no other migrator can race this one.
        await dataSource.runMigrations({
            transaction: 'each'
        });
        return {
            dataSource,
            backing: {
                part: 'postgres',
                kind: 'embedded',
                description: `PGlite (embedded PostgreSQL) at ${folder}, schema ${opts.schema}`
            },
            close: async ()=>{
                await dataSource.destroy();
                await pglite.close();
                lock.release();
            }
        };
    } catch (err) {
        lock.release();
        throw err;
    }
}
/**
 * Several replicas of a service may start at once against one server; a session advisory lock
 * per schema makes them migrate one after the other (TypeORM itself does not lock).
 */ async function migrateUnderLock(dataSource, schema) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
        await runner.query('SELECT pg_advisory_lock(hashtext($1))', [
            `meridian-migrations:${schema}`
        ]);
        await dataSource.runMigrations({
            transaction: 'each'
        });
    } finally{
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [
            `meridian-migrations:${schema}`
        ]).catch(()=>undefined);
        await runner.release();
    }
}
async function ensureSchema(databaseUrl, schema) {
    const client = new _pg.Client({
        connectionString: databaseUrl
    });
    await client.connect();
    try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } catch (err) {
        // Two services starting at once may race on CREATE SCHEMA; the loser finds it there.
        if (err.code !== '23505' && err.code !== '42P06') throw err;
    } finally{
        await client.end();
    }
}
function assertIdentifier(name) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a valid schema name (lower-case letters, digits, _)`);
}
async function pingDatabase(dataSource) {
    const started = performance.now();
    await dataSource.query('SELECT 1');
    return performance.now() - started;
}

//# sourceMappingURL=database.js.map
