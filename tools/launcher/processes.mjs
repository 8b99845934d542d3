// Shared by the launcher and the single-service starter: how each process is started and how
// its JSON log lines are shown to a person.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import net from 'node:net';
import { existsSync } from 'node:fs';

export const SERVICES = ['intelligence', 'execution', 'simulation', 'gateway'];
const COLORS = { gateway: 36, intelligence: 35, execution: 33, simulation: 32, redis: 90 };
const LEVEL_COLORS = { trace: 90, debug: 90, info: 0, warn: 33, error: 31, fatal: 41 };
const tty = process.stdout.isTTY;
const paint = (code, text) => (tty && code ? `\x1b[${code}m${text}\x1b[0m` : text);

export function entryPoint(root, service) {
  return join(root, 'dist', 'apps', service, 'src', 'main.js');
}

/** Prints "hh:mm:ss service level message" for pino lines; other lines as they are. */
export function prettyLine(service, line) {
  const tag = paint(COLORS[service], service.padEnd(12));
  try {
    const rec = JSON.parse(line);
    if (!rec || typeof rec !== 'object' || !rec.msg) throw new Error('not a log record');
    const time = String(rec.time ?? '').slice(11, 19);
    const level = String(rec.level ?? 'info');
    const extra = rec.err?.message ? ` (${rec.err.message})` : '';
    return `${paint(90, time)} ${tag} ${paint(LEVEL_COLORS[level], level.padEnd(5))} ${rec.msg}${extra}`;
  } catch {
    return `${' '.repeat(8)} ${tag} ${line}`;
  }
}

export function startService(root, service, env, onExit) {
  const child = spawn(process.execPath, ['--enable-source-maps', entryPoint(root, service)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim()) console.log(prettyLine(service, line));
    });
  }
  child.on('exit', (code, signal) => onExit?.(code, signal));
  return child;
}

/** True when something answers PING on the Redis URL. */
export function redisAnswers(url, timeoutMs = 1000) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname || '127.0.0.1', port: Number(u.port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(/^(\+PONG|-NOAUTH)/.test(d.toString())));
  });
}

export function onPath(cmd) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, cmd)));
}
