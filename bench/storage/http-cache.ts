// The cost of the HTTP cache on a hit: ses.fetch of a resource the cache
// answers (Cache-Control: max-age) against the same resource marked no-store
// (every request goes to the loopback server), in one run, for 1 KiB and
// 1 MiB bodies, in an in-memory session (memory backend) and a persistent one
// (disk backend). Rounds alternate so drift hits both alike. A hit should be
// faster than the network; the ratio says by how much.
//
//   npx tsx bench/storage/http-cache.ts [--rounds 7] [--json]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHttpServer } from '../../fixtures/servers/index.ts';
import { createReferenceElectron } from '../../reference/instance.ts';
import { median } from '../median.ts';

interface Case {
  name: string;
  kib: number;
  requests: number;
  concurrency: number;
}

const CASES: Case[] = [
  { name: '1 KiB', kib: 1, requests: 2000, concurrency: 8 },
  { name: '1 MiB', kib: 1024, requests: 200, concurrency: 4 },
];

const argv = process.argv.slice(2);
const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 7;
const asJson = argv.includes('--json');

type Fetcher = (url: string) => Promise<Response>;

async function run(fetcher: Fetcher, url: string, c: Case): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < c.requests) {
      next++;
      const body = await (await fetcher(url)).arrayBuffer();
      if (body.byteLength !== c.kib * 1024) throw new Error(`short body: ${body.byteLength}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: c.concurrency }, worker));
  return c.requests / ((performance.now() - start) / 1000);
}

const blobs = new Map<number, Buffer>(CASES.map((c) => [c.kib, Buffer.alloc(c.kib * 1024, 97)]));
let served = 0;
const server = await startHttpServer({
  routes: {
    '/resource': (req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const blob = blobs.get(Number(q.get('kib')))!;
      served++;
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(blob.length),
        'cache-control': q.get('cc')!,
      });
      res.end(blob);
    },
  },
});
const userData = mkdtempSync(path.join(os.tmpdir(), 'bench-http-cache-'));
const electron = createReferenceElectron({ era: 'current', userData });
await electron.app.whenReady();

const results: { session: string; case: string; hit: number; network: number; ratio: number; requestsDuringHits: number }[] = [];
try {
  for (const partition of ['bench-memory', 'persist:bench-disk']) {
    const ses = electron.session.fromPartition(partition) as unknown as { fetch: Fetcher };
    const fetcher: Fetcher = (url) => ses.fetch(url);
    for (const c of CASES) {
      const hitUrl = `${server.origin}/resource?kib=${c.kib}&cc=max-age%3D3600`;
      const networkUrl = `${server.origin}/resource?kib=${c.kib}&cc=no-store`;
      await run(fetcher, hitUrl, { ...c, requests: Math.ceil(c.requests / 4) });
      await run(fetcher, networkUrl, { ...c, requests: Math.ceil(c.requests / 4) });
      const hits: number[] = [];
      const network: number[] = [];
      let requestsDuringHits = 0;
      for (let i = 0; i < rounds; i++) {
        const measureHits = async () => {
          const before = served;
          hits.push(await run(fetcher, hitUrl, c));
          requestsDuringHits += served - before;
        };
        const measureNetwork = async () => network.push(await run(fetcher, networkUrl, c));
        if (i % 2 === 0) {
          await measureHits();
          await measureNetwork();
        } else {
          await measureNetwork();
          await measureHits();
        }
      }
      results.push({
        session: partition.startsWith('persist:') ? 'disk' : 'memory',
        case: c.name,
        hit: median(hits),
        network: median(network),
        ratio: median(hits) / median(network),
        requestsDuringHits,
      });
    }
  }
} finally {
  await electron.quit();
  await server.close();
  rmSync(userData, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify({ rounds, results }, null, 2));
} else {
  console.log(
    `ses.fetch answered by the HTTP cache vs by the loopback server (no-store), median of ${rounds} alternating rounds`,
  );
  for (const r of results) {
    console.log(
      `${r.session.padEnd(6)} ${r.case.padEnd(6)}  hit ${r.hit.toFixed(0).padStart(6)} req/s   network ${r.network.toFixed(0).padStart(6)} req/s   hit/network ${r.ratio.toFixed(2)}x   requests during hits ${r.requestsDuringHits}`,
    );
  }
}
