// Benchmark: per-call cost of the reference's proxy resolution against peers
// measured in the same run on the same inputs, printed as ratios, with each
// peer's agreement with Chromium's answers on those inputs.
//
//   fixed rules + 20 bypass rules (the env-style subset every peer reads:
//   http_proxy, https_proxy, no_proxy) vs proxy-from-env, undici's
//   EnvHttpProxyAgent routing and global-agent's NO_PROXY matching;
//   a PAC script vs pac-resolver (also a QuickJS sandbox).
//
// Chromium's answers come from the installed Chromium (system mode with the
// same environment; the same PAC script) when there is one, else from the
// reference, which the differential specs hold to Chromium.
//
// The reference runs PAC scripts on a thread of their own, as Chromium runs
// them in its proxy resolver service (a script that loops or hoards memory
// cannot stall the app); pac-resolver runs them on the caller's thread. So
// the PAC table also times a bare worker round trip carrying the same
// messages: the floor any off-thread resolver pays per call on this machine.
//
// Run: npm run bench:proxy   (BENCH_URLS=<n> to change the input size)

import fc from 'fast-check';
import { createRequire } from 'node:module';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import { EnvHttpProxyAgent } from 'undici';
import { Worker } from 'node:worker_threads';
import { findChromium } from '../harness/chromium/find-chromium.ts';
import { resolvePacWithChromium, resolveSystemWithChromium } from '../harness/chromium/proxy-oracle.ts';
import { ProxyConfigService } from '../reference/proxy/proxy-config-service.ts';
import { clearRequestUrlCache } from '../reference/proxy/request-url.ts';

const require = createRequire(import.meta.url);
const isUrlMatchingNoProxy = (
  require('global-agent/dist/utilities/isUrlMatchingNoProxy.js') as { default: (url: string, noProxy: string) => boolean }
).default;
const symbols = require('undici/lib/core/symbols.js') as Record<string, symbol>;
const { getProxyForUrl } = require('proxy-from-env') as { getProxyForUrl(url: string): string };

const PROXY = 'http://proxy.test:3128';
const PROXY_ANSWER = 'PROXY proxy.test:3128';
const NO_PROXY = [
  'internal.test',
  '.corp.test',
  'intranet',
  '10.0.0.0/8',
  '192.168.1.5',
  'localhost',
  '127.0.0.1',
  '.svc.cluster.local',
  'build.ci.test',
  '*.dev.test',
  'api.example.test:8443',
  'metrics.test',
  '.lan',
  'git.test',
  'registry.test',
  '*.cache.test',
  '10.20.30.40',
  'docs.test',
  'wiki.corp2.test',
  '.k8s.test',
].join(',');
const ENV = { http_proxy: PROXY, https_proxy: PROXY, no_proxy: NO_PROXY };

const PAC = `function FindProxyForURL(url, host) {
  if (isPlainHostName(host)) return "DIRECT";
  if (dnsDomainIs(host, ".internal.test") || dnsDomainIs(host, ".corp.test")) return "DIRECT";
  if (shExpMatch(host, "*.dev.test") || shExpMatch(host, "*.cache.test")) return "DIRECT";
  if (/^\\d+\\.\\d+\\.\\d+\\.\\d+$/.test(host) && (isInNet(host, "10.0.0.0", "255.0.0.0") || isInNet(host, "192.168.0.0", "255.255.0.0"))) return "DIRECT";
  if (shExpMatch(url, "https://*")) return "PROXY secure-proxy.test:3128; DIRECT";
  if (localHostOrDomainIs(host, "intranet.test")) return "DIRECT";
  if (dnsDomainLevels(host) > 3) return "PROXY deep-proxy.test:8080";
  return "PROXY proxy.test:3128; SOCKS5 socks.test:1080; DIRECT";
}`;

/** Deterministic URLs over hosts that hit and miss the bypass list. */
function inputUrls(count: number): string[] {
  const host = fc.oneof(
    fc.constantFrom(
      'internal.test',
      'a.internal.test',
      'x.corp.test',
      'intranet',
      'localhost',
      '127.0.0.1',
      '10.1.2.3',
      '192.168.1.5',
      '10.20.30.40',
      'api.example.test',
    ),
    fc.constantFrom(
      'www.example.test',
      'cdn.example.test',
      'svc.svc.cluster.local',
      'app.dev.test',
      'a.b.c.d.test',
      'objects.cache.test',
      'wiki.corp2.test',
      'host.lan',
      'pod.k8s.test',
    ),
    fc.stringMatching(/^[a-z]{3,10}\.(test|example|org)$/),
  );
  const url = fc
    .record({
      scheme: fc.constantFrom('http', 'https'),
      host,
      port: fc.constantFrom('', '', ':8080', ':8443'),
      path: fc.constantFrom('/', '/a', '/a/b?c=d'),
    })
    .map((u) => new URL(`${u.scheme}://${u.host}${u.port}${u.path}`).href);
  return fc.sample(fc.uniqueArray(url, { minLength: count, maxLength: count }), { seed: 20251123, numRuns: 1 })[0]!;
}

interface Contender {
  name: string;
  call: (url: string) => unknown;
  /** Runs before each timed pass (e.g. to empty a cache). */
  beforePass?: () => void;
}

async function pass(urls: string[], contender: Contender): Promise<number> {
  contender.beforePass?.();
  const start = process.hrtime.bigint();
  for (const url of urls) {
    const result = contender.call(url);
    if (result instanceof Promise) await result;
  }
  return Number(process.hrtime.bigint() - start) / urls.length;
}

/**
 * Median nanoseconds per call of each contender. Passes are interleaved
 * (every contender once per round) so load from elsewhere on the machine
 * falls on all of them alike.
 */
async function measure(urls: string[], contenders: Contender[], rounds = 9): Promise<Map<string, number>> {
  for (const c of contenders) await pass(urls, c); // warm up
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) samples.get(c.name)!.push(await pass(urls, c));
  }
  return new Map([...samples].map(([name, xs]) => [name, xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!]));
}

/** Lexical normalisation of a PAC-style answer, so formatting alone never counts as disagreement. */
function normalise(answer: string): string {
  return answer
    .split(';')
    .map((e) => e.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join(';');
}

function agreement(answers: string[], truth: (string | undefined)[]): string {
  let same = 0;
  let total = 0;
  answers.forEach((a, i) => {
    if (truth[i] === undefined) return;
    total++;
    if (normalise(a) === normalise(truth[i]!)) same++;
  });
  return total ? `${((100 * same) / total).toFixed(1)}%` : 'n/a';
}

interface Row {
  name: string;
  ns: number;
  answers: string[];
}

function print(title: string, reference: Row, peers: Row[], truth: (string | undefined)[], truthSource: string): void {
  console.log(`\n${title}`);
  console.log(
    `  ${'implementation'.padEnd(44)} ${'ns/call'.padStart(9)} ${'× reference'.padStart(12)}  agrees with ${truthSource}`,
  );
  for (const row of [reference, ...peers]) {
    const ratio = row === reference ? '1.0' : (row.ns / reference.ns).toFixed(1);
    console.log(
      `  ${row.name.padEnd(44)} ${row.ns.toFixed(0).padStart(9)} ${ratio.padStart(12)}  ${agreement(row.answers, truth)}`,
    );
  }
}

/** A worker that answers each message at once, with a reply shaped like the PAC thread's. */
function echoWorker(): { call: (url: string) => Promise<unknown>; close: () => Promise<number> } {
  const worker = new Worker(
    `require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(
      { id: m.id, outcome: { kind: 'value', value: 'DIRECT' }, missing: [], alerts: [], elapsedMs: 0, clean: true }))`,
    { eval: true },
  );
  const waiting = new Map<number, (answer: unknown) => void>();
  worker.on('message', (m: { id: number }) => waiting.get(m.id)?.(m));
  let id = 0;
  return {
    call: (url) =>
      new Promise((resolve) => {
        waiting.set(++id, resolve);
        worker.postMessage({ id, op: 'find', sandbox: 1, url, host: new URL(url).hostname, answers: [], timeoutMs: 1000 });
      }),
    close: () => worker.terminate(),
  };
}

async function main(): Promise<void> {
  const urls = inputUrls(Number(process.env.BENCH_URLS ?? 1000));
  const chromium = findChromium();
  const truthSource = chromium ? 'Chromium' : 'the reference (no Chromium here)';

  // --- fixed rules: the same environment, read by each implementation ---
  Object.assign(process.env, ENV);
  const service = new ProxyConfigService({ era: 'current', env: ENV });
  const referenceAnswers = urls.map((u) => service.resolveSync(u)!.toPacString());
  const systemTruth = chromium ? await resolveSystemWithChromium(ENV, urls, { executable: chromium }) : referenceAnswers;

  const agent = new EnvHttpProxyAgent({ httpProxy: PROXY, httpsProxy: PROXY, noProxy: NO_PROXY });
  // Routing only: the three inner dispatchers answer with their own name instead of sending.
  const route = agent as unknown as Record<symbol, { dispatch: () => string }> &
    Record<symbol, (opts: object, handler: object) => string>;
  route[symbols.kNoProxyAgent!]!.dispatch = () => 'DIRECT';
  route[symbols.kHttpProxyAgent!]!.dispatch = () => PROXY_ANSWER;
  route[symbols.kHttpsProxyAgent!]!.dispatch = () => PROXY_ANSWER;
  const dispatch = route[symbols.kDispatch!]!.bind(agent);
  // undici is handed an origin string by its callers; prepare them outside the timing.
  const origins = new Map(urls.map((u) => [u, { origin: new URL(u).origin }]));
  const route_ = (u: string) => dispatch(origins.get(u)!, {});

  const cold = () => {
    clearRequestUrlCache();
    service.clearDecisionCache();
  };
  const contenders: Contender[] = [
    { name: 'reference: ProxyConfigService (uncached)', call: (u) => service.resolveSync(u)!.toPacString(), beforePass: cold },
    { name: 'reference: ProxyConfigService (warm caches)', call: (u) => service.resolveSync(u)!.toPacString() },
    { name: 'reference: ses.resolveProxy path (promise)', call: (u) => service.lookUpPacString(u), beforePass: cold },
    { name: 'proxy-from-env getProxyForUrl', call: (u) => getProxyForUrl(u) },
    { name: 'undici EnvHttpProxyAgent routing', call: route_ },
    { name: 'global-agent isUrlMatchingNoProxy', call: (u) => isUrlMatchingNoProxy(u, NO_PROXY) },
  ];
  const times = await measure(urls, contenders);
  const answersOf: Record<string, string[]> = {
    'proxy-from-env getProxyForUrl': urls.map((u) => (getProxyForUrl(u) ? PROXY_ANSWER : 'DIRECT')),
    'undici EnvHttpProxyAgent routing': urls.map(route_),
    'global-agent isUrlMatchingNoProxy': urls.map((u) => (isUrlMatchingNoProxy(u, NO_PROXY) ? 'DIRECT' : PROXY_ANSWER)),
  };
  const rows: Row[] = contenders.map((c) => ({
    name: c.name,
    ns: times.get(c.name)!,
    answers: answersOf[c.name] ?? referenceAnswers,
  }));
  const [core, ...others] = rows as [Row, ...Row[]];
  const peers = others.filter((r) => !r.name.startsWith('reference'));
  print(`fixed rules + 20 bypass rules, ${urls.length} URLs`, core, others, systemTruth, truthSource);
  const fastestPeer = Math.min(...peers.map((r) => r.ns));
  console.log(
    `  fastest peer / reference (uncached): ${(fastestPeer / core.ns).toFixed(1)}×, (warm): ${(fastestPeer / others[0]!.ns).toFixed(1)}× (target ≥ 10×)`,
  );

  // --- PAC script ---
  const pacService = new ProxyConfigService({ era: 'current', env: {} });
  pacService.setPreference({ mode: 'pac_script', pacUrl: `data:,${encodeURIComponent(PAC)}`, mandatory: true });
  const pacAnswers: string[] = [];
  for (const u of urls) pacAnswers.push(await pacService.lookUpPacString(u));
  const pacTruth = chromium ? await resolvePacWithChromium({ script: PAC, urls }, { executable: chromium }) : pacAnswers;
  const findProxyForURL = createPacResolver(await QuickJS.create(), PAC);
  const peerAnswers: string[] = [];
  for (const u of urls) peerAnswers.push(await findProxyForURL(u));
  const echo = echoWorker();
  const FLOOR = 'bare worker round trip (no script)';
  const pacTimes = await measure(
    urls,
    [
      { name: 'reference: PAC in QuickJS (quickjs-emscripten)', call: (u) => pacService.resolve(u) },
      { name: 'pac-resolver (QuickJS, quickjs-wasi)', call: (u) => findProxyForURL(u) },
      { name: FLOOR, call: echo.call },
    ],
    5,
  );
  await echo.close();
  const pacRow: Row = {
    name: 'reference: PAC in QuickJS (quickjs-emscripten)',
    ns: pacTimes.get('reference: PAC in QuickJS (quickjs-emscripten)')!,
    answers: pacAnswers,
  };
  const pacPeer: Row = {
    name: 'pac-resolver (QuickJS, quickjs-wasi)',
    ns: pacTimes.get('pac-resolver (QuickJS, quickjs-wasi)')!,
    answers: peerAnswers,
  };
  print(`PAC script, ${urls.length} URLs`, pacRow, [pacPeer], pacTruth, truthSource);
  const floor = pacTimes.get(FLOOR)!;
  console.log(`  ${FLOOR.padEnd(44)} ${floor.toFixed(0).padStart(9)} ${(floor / pacRow.ns).toFixed(1).padStart(12)}`);
  console.log(`  pac-resolver / reference: ${(pacPeer.ns / pacRow.ns).toFixed(1)}× (target ≥ 2×)`);
  console.log(
    `  the off-thread floor alone is ${(floor / pacPeer.ns).toFixed(1)}× pac-resolver's whole call; ` +
      `the reference's script time past that floor: ${(pacRow.ns - floor).toFixed(0)} ns/call`,
  );

  pacService.shutdown();
  await agent.close();
}

await main();
