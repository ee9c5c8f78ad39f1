// Service worker registrations as storage: a persistent session keeps them
// across a restart (their workers not running until needed), an in-memory
// one does not, and clearStorageData removes them with 'serviceworkers'
// (for one origin, or all), stopping their workers.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { workerRoutes, workerUrl } from './worker-routes.ts';

export const meta = defineSpec({
  members: ['ses.serviceWorkers', 'serviceWorkers.getAllRunning', 'ses.clearStorageData'],
  eras: '>=e9',
  requires: ['service-workers', 'network', 'restart'],
  level: 'must',
  basis: 'electron',
  summary:
    'Service worker registrations persist with a persistent session and are removed, with their running workers, by clearStorageData.',
});

const t = useTarget(meta);
const server = useHttpServer({ routes: workerRoutes() });
const other = useHttpServer({ routes: workerRoutes() });

type Workers = { getAllRunning(): Record<string, unknown> };
const workersOf = (session: unknown) => (session as { serviceWorkers: Workers }).serviceWorkers;
const scopes = (session: unknown, origin: string) => t.driver.serviceWorkers.getRegistrations({ session, origin });

describe('service worker registrations', () => {
  it('survive a restart of a persist: partition, with no worker running until one is needed', async () => {
    const session = t.session.fromPartition('persist:workers-kept');
    const scope = `${server.url}kept/`;
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope });
    await t.target.restart();
    const again = t.session.fromPartition('persist:workers-kept');
    expect(await scopes(again, server.origin)).toEqual([scope]);
    expect(workersOf(again).getAllRunning()).toEqual({});
  });

  it('are gone after a restart of an in-memory partition', async () => {
    const session = t.session.fromPartition('workers-memory');
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope: `${server.url}memory/` });
    await t.target.restart();
    expect(await scopes(t.session.fromPartition('workers-memory'), server.origin)).toEqual([]);
  });

  it("are removed by clearStorageData({ storages: ['serviceworkers'] }), stopping their workers", async () => {
    const session = t.session.fromPartition('persist:workers-cleared');
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope: `${server.url}cleared/` });
    expect(Object.keys(workersOf(session).getAllRunning())).toHaveLength(1);
    await t.invoke(session, 'ses.clearStorageData', { storages: ['serviceworkers'] });
    expect(await scopes(session, server.origin)).toEqual([]);
    expect(workersOf(session).getAllRunning()).toEqual({});
    await t.target.restart();
    expect(await scopes(t.session.fromPartition('persist:workers-cleared'), server.origin)).toEqual([]);
  });

  it('are removed for the given origin only', async () => {
    const session = t.session.fromPartition('workers-by-origin');
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope: `${server.url}mine/` });
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(other, ''), scope: `${other.url}theirs/` });
    await t.invoke(session, 'ses.clearStorageData', { origin: server.origin, storages: ['serviceWorkers'] });
    expect(await scopes(session, server.origin)).toEqual([]);
    expect(await scopes(session, other.origin)).toEqual([`${other.url}theirs/`]);
  });

  it('stay when other storages are cleared', async () => {
    const session = t.session.fromPartition('workers-untouched');
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope: `${server.url}untouched/` });
    await t.invoke(session, 'ses.clearStorageData', { storages: ['localstorage', 'cookies', 'indexdb'] });
    expect(await scopes(session, server.origin)).toEqual([`${server.url}untouched/`]);
  });
});
