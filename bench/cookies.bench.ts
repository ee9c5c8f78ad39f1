// Cookie throughput of the reference against a peer measured in the same
// run: tough-cookie's own CookieJar over its MemoryCookieStore, doing the
// same work (storing Set-Cookie headers, building Cookie headers). The
// reference does more per cookie (Chromium's change causes, limits, events,
// persistence bookkeeping), so the ratios say what that costs.
//
//   npx tsx bench/cookies.bench.ts [cookies-per-round]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CookieJar, MemoryCookieStore } from 'tough-cookie';
import { cookieService } from '../reference/cookies/cookie-service.ts';
import { createReferenceElectron } from '../reference/instance.ts';
import { servicesOf } from '../reference/session/binding.ts';

const COOKIES = Number(process.argv[2] ?? 2000);
// Sites stay under Chromium's 180 cookies per site, so both sides keep every cookie.
const SITES = Math.ceil(COOKIES / 150);
const ROUNDS = 5;

const urlFor = (i: number) => `https://www.site${i % SITES}.com/p${i % 7}/`;
const headerFor = (i: number) => `c${i}=${'v'.repeat(32)}; Path=/p${i % 7}; Max-Age=3600; SameSite=Lax`;

interface Subject {
  store(url: string, header: string): Promise<unknown>;
  header(url: string): Promise<string>;
}

async function timeMs(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function measure(make: () => Promise<Subject>): Promise<{ store: number; header: number }> {
  const best = { store: Infinity, header: Infinity };
  for (let round = 0; round < ROUNDS; round++) {
    const subject = await make();
    best.store = Math.min(
      best.store,
      await timeMs(async () => {
        for (let i = 0; i < COOKIES; i++) await subject.store(urlFor(i), headerFor(i));
      }),
    );
    best.header = Math.min(
      best.header,
      await timeMs(async () => {
        for (let i = 0; i < COOKIES; i++) await subject.header(urlFor(i));
      }),
    );
  }
  return best;
}

const userData = mkdtempSync(path.join(os.tmpdir(), 'cookies-bench-'));
const electron = createReferenceElectron({ era: 'current', userData });
await electron.app.whenReady();
let partitions = 0;

const peer = await measure(async () => {
  const jar = new CookieJar(new MemoryCookieStore(), { looseMode: true });
  return {
    store: (url, header) => jar.setCookie(header, url, { ignoreError: true }),
    header: (url) => jar.getCookieString(url),
  };
});

const reference = await measure(async () => {
  const session = electron.session.fromPartition(`persist:bench-${++partitions}`);
  const service = servicesOf(session).use(cookieService);
  return {
    store: (url, header) => service.storeFromResponse(url, [header]),
    header: (url) => service.cookieHeaderFor(url),
  };
});

await electron.quit();
rmSync(userData, { recursive: true, force: true });

const row = (name: string, ours: number, theirs: number) =>
  `${name.padEnd(22)} reference ${ours.toFixed(1).padStart(8)} ms   tough-cookie ${theirs.toFixed(1).padStart(8)} ms   ratio ${(ours / theirs).toFixed(2)}`;
console.log(`cookies: ${COOKIES} over ${SITES} sites, best of ${ROUNDS} rounds`);
console.log(row('store Set-Cookie', reference.store, peer.store));
console.log(row('build Cookie header', reference.header, peer.header));
