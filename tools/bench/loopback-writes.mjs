#!/usr/bin/env node
// Machine calibration for the market stream fan-out (docs/BENCHMARKS.md, "Market stream fan-out"):
// what one burst of small writes to --sockets loopback TCP sockets costs on this machine, with no
// Meridian code at all: one thread writes the same bytes to every socket (as the gateway's fan-out
// does, one write per client per burst), another thread of the same process reads them.
//
//   node tools/bench/loopback-writes.mjs [--sockets=500] [--bytes=1000] [--bursts=300] [--gap-ms=10]
//   (prints the result and writes tools/bench/results/loopback-writes-<time>.json)
//
// The burst time is a floor under the fan-out's own "writing a burst to every client" histogram:
// no application code can send to 500 clients faster than the kernel takes these writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (!isMainThread) {
  const { port, sockets } = workerData;
  let bytes = 0;
  for (let i = 0; i < sockets; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.setNoDelay(true);
    s.on('data', (d) => (bytes += d.length));
  }
  parentPort.on('message', () => parentPort.postMessage(bytes));
} else {
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
  const SOCKETS = opt('sockets', 500);
  const BYTES = opt('bytes', 1000);
  const BURSTS = opt('bursts', 300);
  const GAP_MS = opt('gap-ms', 10);
  const accepted = [];
  const server = net.createServer((s) => {
    s.setNoDelay(true);
    accepted.push(s);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const reader = new Worker(new URL(import.meta.url), { workerData: { port: server.address().port, sockets: SOCKETS } });
  while (accepted.length < SOCKETS) await new Promise((r) => setTimeout(r, 20));
  const payload = Buffer.alloc(BYTES, 0x41);
  const times = new Float64Array(BURSTS);
  const cpu0 = process.cpuUsage();
  for (let b = 0; b < BURSTS; b++) {
    const t0 = performance.now();
    for (const s of accepted) s.write(payload);
    times[b] = performance.now() - t0;
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  const cpu = process.cpuUsage(cpu0);
  reader.postMessage('bytes?');
  const received = await new Promise((r) => reader.once('message', r));
  times.sort();
  const q = (p) => Math.round(times[Math.min(BURSTS - 1, Math.ceil(p * BURSTS) - 1)] * 1000) / 1000;
  const result = {
    machine: `${os.cpus()[0]?.model}, ${os.cpus().length} cores, Node ${process.version}, ${os.type()} ${os.release()}`,
    sockets: SOCKETS,
    bytesPerWrite: BYTES,
    bursts: BURSTS,
    burstMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) },
    microsecondsPerWriteP50: Math.round((q(0.5) * 1000 * 10) / SOCKETS) / 10,
    processCpuSec: { user: cpu.user / 1e6, system: cpu.system / 1e6 },
    bytesReceived: received,
    bytesExpected: SOCKETS * BYTES * BURSTS,
  };
  console.log(JSON.stringify(result, null, 2));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const dir = join(root, 'tools/bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `loopback-writes-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark: 'loopback-writes', at: new Date().toISOString(), command: ['node', 'tools/bench/loopback-writes.mjs', ...argv].join(' '), ...result }, null, 2)}\n`);
  console.log(`Results: ${relative(root, file)}`);
  await reader.terminate();
  for (const s of accepted) s.destroy();
  server.close();
}
