// ses.serviceWorkers (Electron 9+): the session's one ServiceWorkers object.
// A page registers a worker; its script runs, its console calls reach the
// main process as 'console-message' with Chromium's levels, and while it
// runs getAllRunning() and getFromVersionID() describe it. A script that
// throws is reported and not registered.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf, thrown, until } from '../support/requests.ts';
import { workerRoutes, workerUrl } from './worker-routes.ts';

export const meta = defineSpec({
  members: [
    'ses.serviceWorkers',
    "serviceWorkers.on('console-message')",
    'serviceWorkers.getAllRunning',
    'serviceWorkers.getFromVersionID',
  ],
  eras: '>=e9',
  requires: ['service-workers', 'network'],
  level: 'must',
  basis: 'electron',
  summary:
    "ses.serviceWorkers reports a session's running service workers and their console messages, as Chromium's levels and sources give them.",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: workerRoutes() });

interface Info {
  scriptUrl: string;
  scope: string;
  renderProcessId: number;
}
interface Message {
  versionId: number;
  source: string;
  level: number;
  message: string;
  lineNumber: number;
  sourceUrl: string;
}
type ServiceWorkers = NodeJS.EventEmitter & {
  getAllRunning(): Record<string, Info>;
  getFromVersionID(id: unknown): Info;
};

let partitions = 0;
function fresh(): { session: unknown; workers: ServiceWorkers } {
  const session = t.session.fromPartition(`workers-${++partitions}`);
  return { session, workers: (session as { serviceWorkers: ServiceWorkers }).serviceWorkers };
}

function collect(workers: ServiceWorkers): Message[] {
  const seen: Message[] = [];
  workers.on('console-message', (_event: unknown, details: Message) => seen.push(details));
  return seen;
}

describe('ses.serviceWorkers', () => {
  it('is the same object on every read, and one per session', () => {
    const { session, workers } = fresh();
    expect((session as { serviceWorkers: unknown }).serviceWorkers).toBe(workers);
    expect(fresh().workers).not.toBe(workers);
  });

  it('has no running workers in a session that registered none', () => {
    expect(fresh().workers.getAllRunning()).toEqual({});
  });

  it('lists a registered worker as running, keyed by its version id', async () => {
    const { session, workers } = fresh();
    const scriptURL = workerUrl(server, '// an empty worker');
    const scope = `${server.url}running/`;
    const { versionId } = await t.driver.serviceWorkers.register({ session, scriptURL, scope });
    const running = workers.getAllRunning();
    expect(Object.keys(running)).toEqual([String(versionId)]);
    expect(running[String(versionId)]).toEqual({ scriptUrl: scriptURL, scope, renderProcessId: expect.any(Number) });
    expect(workers.getFromVersionID(versionId)).toEqual(running[String(versionId)]);
  });

  it("reports console calls with Chromium's level, the call's line and the script's URL", async () => {
    const { session, workers } = fresh();
    const seen = collect(workers);
    const src = [
      "console.log('log', 1)",
      "console.debug('debug')",
      "console.info('info')",
      "console.warn('warn')",
      "console.error('error')",
    ].join('\n');
    const scriptURL = workerUrl(server, src);
    const { versionId } = await t.driver.serviceWorkers.register({ session, scriptURL, scope: `${server.url}console/` });
    await until(() => seen.length === 5, 'five console messages');
    expect(seen).toEqual([
      { versionId, source: 'console-api', level: 1, message: 'log 1', lineNumber: 1, sourceUrl: scriptURL },
      { versionId, source: 'console-api', level: 0, message: 'debug', lineNumber: 2, sourceUrl: scriptURL },
      { versionId, source: 'console-api', level: 1, message: 'info', lineNumber: 3, sourceUrl: scriptURL },
      { versionId, source: 'console-api', level: 2, message: 'warn', lineNumber: 4, sourceUrl: scriptURL },
      { versionId, source: 'console-api', level: 3, message: 'error', lineNumber: 5, sourceUrl: scriptURL },
    ]);
  });

  it('reports messages of the install event too, and passes an event object first', async () => {
    const { session, workers } = fresh();
    const args: unknown[][] = [];
    workers.on('console-message', (...a: unknown[]) => args.push(a));
    const src = "self.addEventListener('install', () => console.log('installing'))";
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, src), scope: `${server.url}install/` });
    await until(() => args.length === 1, 'the install message');
    expect(typeof (args[0]![0] as { preventDefault?: unknown }).preventDefault).toBe('function');
    expect((args[0]![1] as Message).message).toBe('installing');
  });

  it('reports an uncaught exception as an error from javascript, and does not register the worker', async () => {
    const { session, workers } = fresh();
    const seen = collect(workers);
    const scriptURL = workerUrl(server, "// line 1\nthrow new TypeError('bad worker')");
    const scope = `${server.url}throws/`;
    const failure = await failureOf(t.driver.serviceWorkers.register({ session, scriptURL, scope }));
    expect(failure).toBe(
      `Failed to register a ServiceWorker for scope ('${scope}') with script ('${scriptURL}'): ServiceWorker script evaluation failed`,
    );
    await until(() => seen.length === 1, 'the exception');
    expect(seen[0]).toMatchObject({
      source: 'javascript',
      level: 3,
      message: 'Uncaught TypeError: bad worker',
      lineNumber: 2,
      sourceUrl: scriptURL,
    });
    expect(workers.getAllRunning()).toEqual({});
    expect(await t.driver.serviceWorkers.getRegistrations({ session, origin: server.origin })).toEqual([]);
  });

  it('stops a script that never finishes, and does not register it', async () => {
    const { session, workers } = fresh();
    const scope = `${server.url}loops/`;
    const failure = await failureOf(
      t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, 'while (true) {}'), scope }),
    );
    expect(failure).toContain('Timed out while trying to start the Service Worker.');
    expect(workers.getAllRunning()).toEqual({});
  });

  it('refuses a script with a MIME type that is not JavaScript', async () => {
    const { session } = fresh();
    const scriptURL = workerUrl(server, '1', { type: 'text/plain' });
    const scope = `${server.url}mime/`;
    expect(await failureOf(t.driver.serviceWorkers.register({ session, scriptURL, scope }))).toBe(
      `Failed to register a ServiceWorker for scope ('${scope}') with script ('${scriptURL}'): The script has an unsupported MIME type ('text/plain').`,
    );
  });

  it('lists workers that stopped no more, though they stay registered', async () => {
    const { session, workers } = fresh();
    const scope = `${server.url}stopped/`;
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope });
    await t.driver.serviceWorkers.stopAll({ session });
    expect(workers.getAllRunning()).toEqual({});
    expect(await t.driver.serviceWorkers.getRegistrations({ session, origin: server.origin })).toEqual([scope]);
  });
});

describe("the worker's script", () => {
  type Details = { url: string; method: string; resourceType: string };
  function fetchedScripts(session: unknown): Details[] {
    const seen: Details[] = [];
    (
      session as { webRequest: { onBeforeRequest(l: (d: Details, cb: (r: object) => void) => void): void } }
    ).webRequest.onBeforeRequest((details, callback) => {
      seen.push(details);
      callback({});
    });
    return seen;
  }

  it("is fetched over the session's own network stack, with the header Service-Worker: script", async () => {
    const { session } = fresh();
    const seen = fetchedScripts(session);
    const scriptURL = workerUrl(server, '// fetched by the session');
    await t.driver.serviceWorkers.register({ session, scriptURL, scope: `${server.url}fetched/` });
    expect(seen.map((d) => [d.method, d.url])).toEqual([['GET', scriptURL]]);
    const path = scriptURL.slice(server.url.length - 1);
    const arrived = server.log.requests.filter((r) => r.url === path);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.headers['service-worker']).toBe('script');
  });

  // Electron 9 named webRequest's types from blink's ResourceType (kServiceWorker: "other"); 12 on from
  // extensions' WebRequestResourceType, where a service worker's script is a script.
  t.itInEras('e9', "is a resource of type 'other' for webRequest", async () => {
    const { session } = fresh();
    const seen = fetchedScripts(session);
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, '// e9'), scope: `${server.url}type-other/` });
    expect(seen.map((d) => d.resourceType)).toEqual(['other']);
  });

  t.itInEras('>=e12', "is a resource of type 'script' for webRequest", async () => {
    const { session } = fresh();
    const seen = fetchedScripts(session);
    await t.driver.serviceWorkers.register({
      session,
      scriptURL: workerUrl(server, '// e12'),
      scope: `${server.url}type-script/`,
    });
    expect(seen.map((d) => d.resourceType)).toEqual(['script']);
  });

  it("is not fetched when the session's webRequest cancels it, and nothing is registered", async () => {
    const { session } = fresh();
    (
      session as { webRequest: { onBeforeRequest(l: (d: Details, cb: (r: object) => void) => void): void } }
    ).webRequest.onBeforeRequest((_details, callback) => callback({ cancel: true }));
    const scriptURL = workerUrl(server, '// cancelled');
    const scope = `${server.url}cancelled/`;
    expect(await failureOf(t.driver.serviceWorkers.register({ session, scriptURL, scope }))).toBe(
      `Failed to register a ServiceWorker for scope ('${scope}') with script ('${scriptURL}'): An unknown error occurred when fetching the script.`,
    );
    expect(server.log.requests.filter((r) => r.url === scriptURL.slice(server.url.length - 1))).toEqual([]);
    expect(await t.driver.serviceWorkers.getRegistrations({ session, origin: server.origin })).toEqual([]);
  });
});

describe('serviceWorkers.getFromVersionID', () => {
  it('throws for a version id that is not running', async () => {
    const { workers } = fresh();
    const error = thrown(() => workers.getFromVersionID(123456));
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe('Could not find service worker with that version_id');
  });

  it('needs a number', () => {
    const { workers } = fresh();
    const error = thrown(() => workers.getFromVersionID('0'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
    expect(thrown(() => (workers.getFromVersionID as () => unknown)())!.message).toBe('Insufficient number of arguments.');
  });
});
