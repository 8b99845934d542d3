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
    get CreateServiceRuns1764100000000 () {
        return CreateServiceRuns1764100000000;
    },
    get ServiceRunEntity () {
        return ServiceRunEntity;
    },
    get platformVersion () {
        return platformVersion;
    }
});
const _typeorm = require("typeorm");
const _nodefs = require("node:fs");
const _nodepath = require("node:path");
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
let ServiceRunEntity = class ServiceRunEntity {
};
_ts_decorate([
    (0, _typeorm.PrimaryGeneratedColumn)('uuid'),
    _ts_metadata("design:type", String)
], ServiceRunEntity.prototype, "id", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], ServiceRunEntity.prototype, "version", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'text'
    }),
    _ts_metadata("design:type", String)
], ServiceRunEntity.prototype, "host", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], ServiceRunEntity.prototype, "pid", void 0);
_ts_decorate([
    (0, _typeorm.Column)({
        name: 'started_at',
        type: 'timestamptz'
    }),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], ServiceRunEntity.prototype, "startedAt", void 0);
ServiceRunEntity = _ts_decorate([
    (0, _typeorm.Entity)('service_runs')
], ServiceRunEntity);
let CreateServiceRuns1764100000000 = class CreateServiceRuns1764100000000 {
    async up(q) {
        await q.query(`CREATE TABLE service_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version text NOT NULL,
      host text NOT NULL,
      pid integer NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now())`);
        await q.query('CREATE INDEX service_runs_started_at ON service_runs (started_at DESC)');
    }
    async down(q) {
        await q.query('DROP TABLE service_runs');
    }
    constructor(){
        this.name = 'CreateServiceRuns1764100000000';
    }
};
function platformVersion() {
    let dir = __dirname;
    for(let i = 0; i < 8; i++){
        try {
            const pkg = JSON.parse((0, _nodefs.readFileSync)((0, _nodepath.join)(dir, 'package.json'), 'utf8'));
            if (pkg.name === 'meridian' && pkg.version) return pkg.version;
        } catch  {
        // keep walking up
        }
        dir = (0, _nodepath.dirname)(dir);
    }
    return '0.0.0-unknown';
}

//# sourceMappingURL=service-run.js.map
