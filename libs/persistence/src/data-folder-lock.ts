import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * PGlite does not stop a second process from opening the same data folder (it silently loses
 * the other's writes), so each folder is guarded by a lock file holding the owner's pid.
 */
export class DataFolderLock {
  private held = false;

  constructor(readonly lockPath: string) {}

  acquire(): void {
    mkdirSync(dirname(this.lockPath), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockPath, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.held = true;
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = Number(readFileSync(this.lockPath, 'utf8').trim());
        if (owner && owner !== process.pid && isAlive(owner)) {
          throw new Error(
            `Another process (pid ${owner}) has the embedded database at ${dirname(this.lockPath)} open; stop it, or set DATABASE_URL to use a PostgreSQL server.`,
          );
        }
        rmSync(this.lockPath, { force: true }); // stale lock from a process that died
      }
    }
    throw new Error(`Could not take the lock ${this.lockPath}`);
  }

  release(): void {
    if (!this.held) return;
    rmSync(this.lockPath, { force: true });
    this.held = false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
