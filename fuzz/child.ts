// A fuzz child process: `tsx fuzz/child.ts --era e12 --seed 7 --runs 20
// --actions 12 [--path 3]`. It keeps itself on loopback (guard.ts) before
// anything else loads, starts the fixture servers, then lets fast-check
// generate runs of actions for the era and performs each against a fresh
// reference app (trial.ts), watching the process for uncaught exceptions,
// unhandled rejections and event-loop stalls. It prints one result line;
// the parent (run.ts) sees crashes and hangs from outside.

import { installLoopbackGuard } from './guard.ts';

installLoopbackGuard();

const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
const os = await import('node:os');
const path = await import('node:path');
const { parseArgs } = await import('node:util');
const fc = (await import('fast-check')).default;
const { startHttpServer, testPki } = await import('../fixtures/servers/index.ts');
const { REFERENCE_DRIVER_COMMANDS } = await import('../reference/testing.ts');
const { isEraId } = await import('../contract/eras/eras.ts');
const { actionArb } = await import('./actions.ts');
const { isCallersOwn, errorSummary } = await import('./error-form.ts');
const { Findings, RESULT_PREFIX } = await import('./findings.ts');
const { surfaceOf } = await import('./surface.ts');
const { runTrial } = await import('./trial.ts');
const { pacScripts } = await import('./pac-scripts.ts');
const { WORKER_SCRIPT_NAMES, workerScriptPath, workerScriptRoutes } = await import('./worker-scripts.ts');

const { values } = parseArgs({
  options: {
    era: { type: 'string' },
    seed: { type: 'string' },
    runs: { type: 'string', default: '10' },
    actions: { type: 'string', default: '12' },
    path: { type: 'string' },
    'bound-ms': { type: 'string', default: '15000' },
  },
});
const era = values.era ?? '';
if (!isEraId(era)) throw new Error(`--era: unknown era ${era}`);
const seed = Number(values.seed ?? Date.now() % 2 ** 31);
const started = Date.now();
const findings = new Findings(era, seed);

process.on('uncaughtException', (error) => {
  if (process.env.FUZZ_DEBUG) process.stderr.write(`uncaught: ${errorSummary(error)}\n`);
  if (isCallersOwn(error)) findings.callersOwn++;
  else findings.add('uncaught', errorSummary(error));
});
process.on('unhandledRejection', (reason) => {
  if (isCallersOwn(reason)) findings.callersOwn++;
  else findings.add('unhandled', errorSummary(reason));
});

// The event loop must keep turning: a gap over a second, while the process was not starved, is a stall.
let watching = false;
const { StallWatch } = await import('./stall-watch.ts');
const stalls = new StallWatch((gap, startedAt) => {
  const queued = gap.queuedMs !== undefined ? ` (${gap.queuedMs} ms of it waiting for a core)` : '';
  if (watching)
    findings.add(
      'stall',
      `the event loop stood still for ${gap.gapMs} ms${queued}`,
      findings.activeAt(performance.now() - (Date.now() - startedAt) + 1),
    );
});

const debug = process.env.FUZZ_DEBUG ? (m: string) => process.stderr.write(`[fuzz ${era}] ${m}\n`) : () => undefined;
debug('starting');
const sandbox = mkdtempSync(path.join(os.tmpdir(), `fuzz-${era}-`));
process.chdir(sandbox);
debug('pki');
const pki = await testPki();
debug('servers');
const [http, https, untrusted] = await Promise.all([
  startHttpServer({ routes: workerScriptRoutes() }),
  startHttpServer({ tls: 'valid' }),
  startHttpServer({ tls: 'self-signed' }),
]);
debug('servers up');
writeFileSync(path.join(sandbox, 'file.txt'), 'a file');
const urls = [
  `${http.url}echo`,
  `${http.url}hang`,
  `${http.url}redirect?to=fz-scheme://x/`,
  `${http.url}loop`,
  `${http.url}basic`,
  `${http.url}gzip`,
  `${http.url}set-cookie?c=a%3Db`,
  `${http.url}stream`,
  `${http.url}bytes?n=100000`,
  https.urlFor('/echo', 'a.fixture.test'),
  https.urlFor('/hang', 'b.fixture.test'),
  untrusted.urlFor('/echo', 'c.fixture.test'),
  'fz-scheme://host/path?q',
  'http://unmapped.example/',
  `file://${path.join(sandbox, 'file.txt')}`,
  'file:///dev/zero',
  'data:text/plain,fuzz',
  'about:blank',
  'http://127.0.0.1:6000/',
  `http://[::1]:${http.port}/echo`,
  'not a url',
];
const scripts = pacScripts();
// The worker scripts' URLs follow the others in the pool: only a stimulus's scriptURL draws them (stimuli.ts).
const workerUrls = WORKER_SCRIPT_NAMES.map((name) => http.url.replace(/\/$/, '') + workerScriptPath(name));

const env = {
  era,
  sandbox,
  urls: [...urls, ...workerUrls],
  pacScripts: scripts,
  caPem: pki.caPem,
  boundMs: Number(values['bound-ms']),
};
const driverCommands = Object.keys(REFERENCE_DRIVER_COMMANDS);

/** Where each owner of a member lives on an app: the module, a session, or one of its objects. */
function reachOn(app: { session: unknown }) {
  return (owner: string, session: unknown): object | undefined => {
    if (owner === 'module') return app.session as object;
    if (owner === 'session') return session as object;
    try {
      const value = (session as Record<string, unknown>)[owner];
      return typeof value === 'object' && value !== null ? value : undefined;
    } catch {
      return undefined;
    }
  };
}

// The members of the era, found on a probe app.
const { createReferenceElectron } = await import('../reference/instance.ts');
const probe = createReferenceElectron({ era, userData: mkdtempSync(path.join(sandbox, 'probe-')) });
debug('probe');
await probe.app.whenReady();
debug('probe ready');
const surface = surfaceOf(era, (owner) => reachOn(probe)(owner, probe.session.defaultSession));
const members = new Map(surface.map((m) => [m.name, m]));
const surfaceOfApp = (app: { session: unknown }) => ({ reach: reachOn(app), members });
debug('surface found');
await probe.quit();
debug('probe quit');

debug(`${surface.length} members`);
const runArb = fc.array(
  actionArb({
    era,
    surface,
    driverCommands,
    urls: urls.length,
    pacScripts: scripts.length,
    workerScripts: workerUrls.length,
  }),
  {
    minLength: 1,
    maxLength: Number(values.actions),
  },
);
// fast-check generates the runs from the seed; --path picks one of them to replay.
const runs = fc.sample(runArb, { seed, numRuns: Number(values.runs) });
for (const [index, actions] of runs.entries()) {
  if (values.path !== undefined && String(index) !== values.path) continue;
  findings.context.path = String(index);
  debug(`run ${index}`);
  stalls.reset();
  watching = true;
  await runTrial(env, surfaceOfApp, actions, findings);
  watching = false;
}

stalls.stop();
await Promise.all([http.close(), https.close(), untrusted.close()]);
rmSync(sandbox, { recursive: true, force: true });
process.stdout.write(
  `${RESULT_PREFIX}${JSON.stringify({ era, seed, runs: Number(values.runs), calls: findings.calls, callbacks: findings.callbacks, callersOwn: findings.callersOwn, findings: findings.list, durationMs: Date.now() - started, members: surface.length, descheduled: stalls.descheduled })}\n`,
);
process.exit(0);
