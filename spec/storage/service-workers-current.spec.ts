// The members ServiceWorkers gained by Electron 39: 'running-status-changed'
// as workers start and stop, getInfoFromVersionID (getFromVersionID's
// replacement), getWorkerFromVersionID (a ServiceWorkerMain for a live
// version, the same object each time) and startWorkerForScope.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf, thrown, until } from '../support/requests.ts';
import { workerRoutes, workerUrl } from './worker-routes.ts';

export const meta = defineSpec({
  members: [
    "serviceWorkers.on('running-status-changed')",
    'serviceWorkers.getInfoFromVersionID',
    'serviceWorkers.getFromVersionID',
    'serviceWorkers.getWorkerFromVersionID',
    'serviceWorkers.startWorkerForScope',
  ],
  eras: 'current',
  requires: ['service-workers', 'network'],
  level: 'should',
  basis: 'electron',
  summary:
    'Running status events, version info and ServiceWorkerMain handles of a session’s service workers, and starting a registered one.',
});

const t = useTarget(meta);
const server = useHttpServer({ routes: workerRoutes() });

interface MainLike {
  versionId: number;
  scope: string;
  scriptURL: string;
  isDestroyed(): boolean;
}
type Workers = NodeJS.EventEmitter & {
  getAllRunning(): Record<string, unknown>;
  getInfoFromVersionID(id: unknown): unknown;
  getFromVersionID(id: unknown): unknown;
  getWorkerFromVersionID(id: unknown): MainLike | undefined;
  startWorkerForScope(scope: unknown): Promise<MainLike>;
};

let partitions = 0;
function fresh(persist = false): { session: object; workers: Workers } {
  const session = t.session.fromPartition(`${persist ? 'persist:' : ''}workers-now-${++partitions}`);
  return { session, workers: (session as { serviceWorkers: Workers }).serviceWorkers };
}

describe("serviceWorkers.on('running-status-changed')", () => {
  it('reports starting and running as a worker starts, stopping and stopped as it stops', async () => {
    const { session, workers } = fresh();
    const seen: unknown[] = [];
    workers.on('running-status-changed', (details: unknown) => seen.push(details));
    const { versionId } = await t.driver.serviceWorkers.register({
      session,
      scriptURL: workerUrl(server, ''),
      scope: `${server.url}status/`,
    });
    await t.driver.serviceWorkers.stopAll({ session });
    await until(() => seen.length === 4, 'four status changes');
    expect(seen).toEqual(['starting', 'running', 'stopping', 'stopped'].map((runningStatus) => ({ versionId, runningStatus })));
  });
});

describe('serviceWorkers.getInfoFromVersionID and getFromVersionID', () => {
  it('describe a running version alike', async () => {
    const { session, workers } = fresh();
    const scriptURL = workerUrl(server, '');
    const scope = `${server.url}info/`;
    const { versionId } = await t.driver.serviceWorkers.register({ session, scriptURL, scope });
    const info = workers.getInfoFromVersionID(versionId);
    expect(info).toEqual({ scriptUrl: scriptURL, scope, renderProcessId: expect.any(Number) });
    expect(workers.getFromVersionID(versionId)).toEqual(info);
  });

  it('throw for a version that is not running', () => {
    const { workers } = fresh();
    expect(thrown(() => workers.getInfoFromVersionID(987654))!.message).toBe(
      'Could not find service worker with that version_id',
    );
  });
});

describe('serviceWorkers.getWorkerFromVersionID', () => {
  it('gives the same ServiceWorkerMain for a live version, and nothing for an unknown one', async () => {
    const { session, workers } = fresh();
    const scriptURL = workerUrl(server, '');
    const scope = `${server.url}main/`;
    const { versionId } = await t.driver.serviceWorkers.register({ session, scriptURL, scope });
    const main = workers.getWorkerFromVersionID(versionId)!;
    expect(main).toBe(workers.getWorkerFromVersionID(versionId));
    expect({ versionId: main.versionId, scope: main.scope, scriptURL: main.scriptURL, destroyed: main.isDestroyed() }).toEqual({
      versionId,
      scope,
      scriptURL,
      destroyed: false,
    });
    expect(workers.getWorkerFromVersionID(424242)).toBeUndefined();
  });

  it('destroys the ServiceWorkerMain when its registration is cleared', async () => {
    const { session, workers } = fresh();
    const { versionId } = await t.driver.serviceWorkers.register({
      session,
      scriptURL: workerUrl(server, ''),
      scope: `${server.url}destroyed/`,
    });
    const main = workers.getWorkerFromVersionID(versionId)!;
    await t.invoke(session, 'ses.clearStorageData', { storages: ['serviceworkers'] });
    expect(main.isDestroyed()).toBe(true);
  });
});

describe('serviceWorkers.startWorkerForScope', () => {
  it('starts the registered worker of a scope that is not running, and resolves its ServiceWorkerMain', async () => {
    const { session, workers } = fresh();
    const scope = `${server.url}start/`;
    const { versionId } = await t.driver.serviceWorkers.register({
      session,
      scriptURL: workerUrl(server, "console.log('started')"),
      scope,
    });
    await t.driver.serviceWorkers.stopAll({ session });
    const messages: string[] = [];
    workers.on('console-message', (_e: unknown, d: { message: string }) => messages.push(d.message));
    const main = await workers.startWorkerForScope(scope);
    expect(main.versionId).toBe(versionId);
    expect(Object.keys(workers.getAllRunning())).toEqual([String(versionId)]);
    await until(() => messages.length === 1, 'the script running again');
    expect(messages).toEqual(['started']);
  });

  it('rejects for a scope with no registration', async () => {
    const { workers } = fresh();
    expect(await failureOf(workers.startWorkerForScope(`${server.url}nothing-here/`))).toBe('Failed to start service worker.');
  });
});
