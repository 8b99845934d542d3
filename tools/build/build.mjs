#!/usr/bin/env node
// Compiles the Node services and their libraries with SWC into dist/ (same folder layout,
// path aliases rewritten to relative requires), then builds the web app with Vite.
// Type checking is separate (`npm run typecheck`), so a build takes seconds.
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist');
const only = process.argv.includes('--server-only') ? 'server' : process.argv.includes('--web-only') ? 'web' : 'all';
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));

function walk(dir, files = []) {
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, files);
    else if (/\.ts$/.test(name) && !/\.(spec|e2e)\.ts$/.test(name) && !name.endsWith('.d.ts')) files.push(p);
  }
  return files;
}

async function buildServer() {
  const started = Date.now();
  const sources = [
    ...['gateway', 'intelligence', 'execution', 'simulation'].flatMap((app) => walk(join(root, 'apps', app, 'src'))),
    ...readdirSync(join(root, 'libs')).flatMap((lib) => walk(join(root, 'libs', lib, 'src'))),
  ];
  // Only the server's output: the web app's build (dist/apps/web) stays.
  for (const app of ['gateway', 'intelligence', 'execution', 'simulation']) rmSync(join(out, 'apps', app), { recursive: true, force: true, maxRetries: 3 });
  rmSync(join(out, 'libs'), { recursive: true, force: true, maxRetries: 3 });
  await Promise.all(sources.map(async (file) => {
    const result = await swc.transformFile(file, {
      ...swcrc,
      swcrc: false,
      filename: file,
      sourceMaps: true,
      jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${result.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (result.map) writeFileSync(`${target}.map`, result.map);
  }));
  // The services find the platform version by walking up to a package.json named meridian.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(out, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'commonjs' }, null, 2));
  console.log(`server: ${sources.length} files compiled in ${Date.now() - started} ms`);
}

function buildWeb() {
  const config = join(root, 'apps/web/vite.config.ts');
  if (!existsSync(config)) return console.log('web: apps/web not present, skipped');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  console.log('web: built into dist/apps/web');
}

if (only !== 'web') await buildServer();
if (only !== 'server') buildWeb();
