"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DataFolderLock", {
    enumerable: true,
    get: function() {
        return DataFolderLock;
    }
});
const _nodefs = require("node:fs");
const _nodepath = require("node:path");
let DataFolderLock = class DataFolderLock {
    constructor(lockPath){
        this.lockPath = lockPath;
        this.held = false;
    }
    acquire() {
        (0, _nodefs.mkdirSync)((0, _nodepath.dirname)(this.lockPath), {
            recursive: true
        });
        for(let attempt = 0; attempt < 2; attempt++){
            try {
                const fd = (0, _nodefs.openSync)(this.lockPath, 'wx');
                (0, _nodefs.writeSync)(fd, String(process.pid));
                (0, _nodefs.closeSync)(fd);
                this.held = true;
                return;
            } catch (err) {
                if (err.code !== 'EEXIST') throw err;
                const owner = Number((0, _nodefs.readFileSync)(this.lockPath, 'utf8').trim());
                if (owner && owner !== process.pid && isAlive(owner)) {
                    throw new Error(`Another process (pid ${owner}) has the embedded database at ${(0, _nodepath.dirname)(this.lockPath)} open; stop it, or set DATABASE_URL to use a PostgreSQL server.`);
                }
                (0, _nodefs.rmSync)(this.lockPath, {
                    force: true
                }); // stale lock from a process that died
            }
        }
        throw new Error(`Could not take the lock ${this.lockPath}`);
    }
    release() {
        if (!this.held) return;
        (0, _nodefs.rmSync)(this.lockPath, {
            force: true
        });
        this.held = false;
    }
};
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return err.code === 'EPERM';
    }
}

//# sourceMappingURL=data-folder-lock.js.map
