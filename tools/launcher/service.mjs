#!/usr/bin/env node
// `npm run start:service -- <name>`: starts one built service in the foreground with the same
// defaults as `npm start` (used to bring a stopped service back, or to run one on its own).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, startService } from './processes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const service = process.argv[2];
if (!SERVICES.includes(service)) {
  console.error(`Name a service: ${SERVICES.join(', ')}`);
  process.exit(1);
}
const child = startService(root, service, {
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  DATA_DIR: process.env.DATA_DIR ?? resolve(root, '.data'),
  WEB_DIST: process.env.WEB_DIST ?? resolve(root, 'dist/apps/web'),
}, (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
