// What webRequest listeners and protocol handlers cost: ses.fetch of a
// 1 KiB body with no listener, with pass-through listeners on the three
// blocking events, and from a protocol.handle scheme, each as a ratio to
// raw undici fetch of the same body measured in the same run (rounds
// alternate so drift hits all alike).
//
//   npx tsx bench/net/web-request.ts [--rounds 5] [--json]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, fetch as undiciFetch } from 'undici';
import { startHttpServer } from '../../fixtures/servers/index.ts';
import { createReferenceElectron } from '../../reference/instance.ts';
import { median } from '../median.ts';

const argv = process.argv.slice(2);
const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 5;
const asJson = argv.includes('--json');
const REQUESTS = 1500;
const CONCURRENCY = 8;
const BODY = Buffer.alloc(1024, 97);

type Fetcher = () => Promise<Response>;
type Listener = (details: unknown, callback: (response: object) => void) => void;
interface BenchSession {
  fetch(url: string): Promise<Response>;
  webRequest: Record<string, (listener: Listener | null) => void>;
  protocol: { handle(scheme: string, handler: () => Response): void };
}

async function run(fetcher: Fetcher): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const body = await (await fetcher()).arrayBuffer();
      if (body.byteLength !== BODY.length) throw new Error(`short body: ${body.byteLength}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return REQUESTS / ((performance.now() - start) / 1000);
}

const server = await startHttpServer({
  routes: {
    '/blob': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(BODY.length) });
      res.end(BODY);
    },
  },
});
const url = `${server.origin}/blob`;
const userData = mkdtempSync(path.join(os.tmpdir(), 'bench-web-request-'));
const electron = createReferenceElectron({ era: 'current', userData });
await electron.app.whenReady();
const plain = electron.session.fromPartition('bench-plain') as unknown as BenchSession;
const listened = electron.session.fromPartition('bench-listened') as unknown as BenchSession;
for (const event of ['onBeforeRequest', 'onBeforeSendHeaders', 'onHeadersReceived']) {
  listened.webRequest[event]!((_details, callback) => callback({}));
}
const handled = electron.session.fromPartition('bench-handled') as unknown as BenchSession;
handled.protocol.handle('bench', () => new Response(BODY));
const agent = new Agent({ connections: CONCURRENCY });

const fetchers: Record<string, Fetcher> = {
  'undici.fetch': () => undiciFetch(url, { dispatcher: agent }) as unknown as Promise<Response>,
  'ses.fetch': () => plain.fetch(url),
  'ses.fetch + 3 listeners': () => listened.fetch(url),
  'ses.fetch of protocol.handle': () => handled.fetch('bench://host/blob'),
};

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fetchers).map((name) => [name, []]));
try {
  for (const fetcher of Object.values(fetchers)) await run(fetcher);
  for (let i = 0; i < rounds; i++) {
    const order = Object.keys(fetchers);
    if (i % 2) order.reverse();
    for (const name of order) samples[name]!.push(await run(fetchers[name]!));
  }
} finally {
  await agent.close();
  await electron.quit();
  await server.close();
  rmSync(userData, { recursive: true, force: true });
}

const peer = median(samples['undici.fetch']!);
const results = Object.entries(samples).map(([name, values]) => ({ name, rate: median(values), ratio: median(values) / peer }));
if (asJson) {
  console.log(JSON.stringify({ rounds, requests: REQUESTS, results }, null, 2));
} else {
  console.log(
    `1 KiB bodies, ${REQUESTS} requests x ${CONCURRENCY} concurrent, median of ${rounds} alternating rounds (ratio to undici.fetch)`,
  );
  for (const r of results)
    console.log(`${r.name.padEnd(30)} ${r.rate.toFixed(0).padStart(6)} req/s   ratio ${r.ratio.toFixed(2)}x`);
}
