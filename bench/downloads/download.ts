// Throughput of a 64 MiB download to disk through a session (ses.downloadURL
// to a save path, 'done' when the file is renamed into place) against a raw
// undici stream piped to a file, on the same loopback server, as a ratio
// measured in the same run (each round runs them in another order, so drift
// hits all alike).
// Target: the session >= 0.9x the raw stream.
// The session fsyncs the file before renaming it into place, as Chromium's
// BaseFile flushes a download's file when it closes it; the raw stream does
// not. A third column, the same stream fsynced before it counts as done, is
// measured in the same rounds to show what that durability costs.
//
//   npx tsx bench/downloads/download.ts [--rounds 5] [--mib 64] [--json]

import { createWriteStream, fsyncSync, mkdtempSync, openSync, closeSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';
import { downloadRoutes, startHttpServer } from '../../fixtures/servers/index.ts';
import { createReferenceElectron } from '../../reference/instance.ts';
import { median } from '../median.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(argv[argv.indexOf(name) + 1]) || fallback;
const rounds = option('--rounds', 5);
const size = option('--mib', 64) * 1024 * 1024;
const asJson = argv.includes('--json');

// The download specs' own route: the body is built once (up to 64 MiB) and served from memory.
const server = await startHttpServer({ routes: downloadRoutes().routes });
const url = `${server.origin}/file?n=${size}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-downloads-'));
const electron = createReferenceElectron({ era: 'current', userData: path.join(dir, 'userData') });
await electron.app.whenReady();

type Item = { setSavePath(p: string): void; once(event: 'done', listener: (e: unknown, state: string) => void): void };
const ses = electron.session.fromPartition('bench') as unknown as {
  downloadURL(url: string): void;
  once(event: 'will-download', listener: (e: unknown, item: Item) => void): void;
};
const agent = new Agent({ connections: 1 });
let files = 0;

function check(file: string): void {
  const { size: written } = statSync(file);
  if (written !== size) throw new Error(`${file}: ${written} bytes, expected ${size}`);
  rmSync(file);
}

async function viaSession(): Promise<number> {
  const file = path.join(dir, `session-${++files}.bin`);
  const start = performance.now();
  const state = await new Promise<string>((resolve) => {
    ses.once('will-download', (_e, item) => {
      item.setSavePath(file);
      item.once('done', (_d, s) => resolve(s));
    });
    ses.downloadURL(url);
  });
  const seconds = (performance.now() - start) / 1000;
  if (state !== 'completed') throw new Error(`download ${state}`);
  check(file);
  return size / 1024 / 1024 / seconds;
}

async function viaUndici(durable = false): Promise<number> {
  const file = path.join(dir, `undici-${++files}.bin`);
  const start = performance.now();
  const { body } = await request(url, { dispatcher: agent });
  const fd = openSync(file, 'w');
  await pipeline(body as Readable, createWriteStream(file, { fd, autoClose: false }));
  if (durable) fsyncSync(fd);
  closeSync(fd);
  const seconds = (performance.now() - start) / 1000;
  check(file);
  return size / 1024 / 1024 / seconds;
}

const ours: number[] = [];
const peer: number[] = [];
const durablePeer: number[] = [];
try {
  await viaSession();
  await viaUndici();
  const variants = [
    async () => ours.push(await viaSession()),
    async () => peer.push(await viaUndici()),
    async () => durablePeer.push(await viaUndici(true)),
  ];
  for (let i = 0; i < rounds; i++) {
    // Each round runs the three in another order.
    for (let k = 0; k < variants.length; k++) await variants[(i + k) % variants.length]!();
  }
} finally {
  await agent.close();
  await electron.quit();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const result = {
  mib: size / 1024 / 1024,
  rounds,
  session: median(ours),
  undici: median(peer),
  ratio: median(ours) / median(peer),
  undiciFsync: median(durablePeer),
  ratioFsync: median(ours) / median(durablePeer),
};
if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`download of ${result.mib} MiB to disk, loopback HTTP/1.1, median of ${rounds} rounds in rotating order`);
  console.log(
    `session ${result.session.toFixed(0).padStart(5)} MiB/s   undici stream ${result.undici.toFixed(0).padStart(5)} MiB/s   ratio ${result.ratio.toFixed(2)}x`,
  );
  console.log(
    `                       undici stream + fsync ${result.undiciFsync.toFixed(0).padStart(5)} MiB/s   ratio ${result.ratioFsync.toFixed(2)}x`,
  );
}
