// Throughput of ses.fetch against raw undici fetch on the same loopback
// server, for 1 KiB and 1 MiB bodies, printed as a ratio measured in the
// same run (rounds alternate between the two so drift hits both alike).
// Target: ses.fetch >= 0.9x raw undici.
//
//   npx tsx bench/net/fetch.ts [--rounds 7] [--json]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, fetch as undiciFetch } from 'undici';
import { startHttpServer } from '../../fixtures/servers/index.ts';
import { createReferenceElectron } from '../../reference/instance.ts';
import { median } from '../median.ts';

interface Case {
  name: string;
  path: string;
  size: number;
  requests: number;
  concurrency: number;
}

const CASES: Case[] = [
  { name: '1 KiB', path: '/blob?kib=1', size: 1024, requests: 2000, concurrency: 8 },
  { name: '1 MiB', path: '/blob?kib=1024', size: 1024 * 1024, requests: 200, concurrency: 4 },
];

const argv = process.argv.slice(2);
const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 7;
const asJson = argv.includes('--json');

const blobs = new Map<number, Buffer>([1, 1024].map((kib) => [kib, Buffer.alloc(kib * 1024, 97)]));

type Fetcher = (url: string) => Promise<Response>;

async function run(fetcher: Fetcher, url: string, c: Case): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < c.requests) {
      next++;
      const res = await fetcher(url);
      const body = await res.arrayBuffer();
      if (body.byteLength !== c.size) throw new Error(`short body: ${body.byteLength}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: c.concurrency }, worker));
  return c.requests / ((performance.now() - start) / 1000);
}

const server = await startHttpServer({
  routes: {
    '/blob': (req, res) => {
      const kib = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('kib'));
      const blob = blobs.get(kib)!;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(blob.length) });
      res.end(blob);
    },
  },
});
const userData = mkdtempSync(path.join(os.tmpdir(), 'bench-net-'));
const electron = createReferenceElectron({ era: 'current', userData });
await electron.app.whenReady();
const ses = electron.session.fromPartition('bench') as unknown as { fetch: Fetcher };
const agent = new Agent({ connections: 8 });
const fetchers: Record<'ses.fetch' | 'undici.fetch', Fetcher> = {
  'ses.fetch': (url) => ses.fetch(url),
  'undici.fetch': (url) => undiciFetch(url, { dispatcher: agent }) as unknown as Promise<Response>,
};

const results: { case: string; ses: number; undici: number; ratio: number }[] = [];
try {
  for (const c of CASES) {
    const url = `${server.origin}${c.path}`;
    // Warm both paths (connections, JIT) before measuring.
    await run(fetchers['ses.fetch'], url, { ...c, requests: Math.ceil(c.requests / 4) });
    await run(fetchers['undici.fetch'], url, { ...c, requests: Math.ceil(c.requests / 4) });
    const ours: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < rounds; i++) {
      if (i % 2 === 0) {
        ours.push(await run(fetchers['ses.fetch'], url, c));
        peer.push(await run(fetchers['undici.fetch'], url, c));
      } else {
        peer.push(await run(fetchers['undici.fetch'], url, c));
        ours.push(await run(fetchers['ses.fetch'], url, c));
      }
    }
    const row = { case: c.name, ses: median(ours), undici: median(peer), ratio: median(ours) / median(peer) };
    results.push(row);
  }
} finally {
  await agent.close();
  await electron.quit();
  await server.close();
  rmSync(userData, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify({ rounds, results }, null, 2));
} else {
  console.log(`ses.fetch vs undici.fetch, loopback HTTP/1.1, median of ${rounds} alternating rounds`);
  for (const r of results) {
    console.log(
      `${r.case.padEnd(6)}  ses.fetch ${r.ses.toFixed(0).padStart(6)} req/s   undici ${r.undici.toFixed(0).padStart(6)} req/s   ratio ${r.ratio.toFixed(2)}x`,
    );
  }
}
