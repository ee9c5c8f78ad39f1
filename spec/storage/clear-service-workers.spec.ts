// ses.clearStorageData and the service worker registrations pages made, in
// every era (Electron 1.x cleared them too, before ses.serviceWorkers
// existed): 'serviceworkers' in any case removes them, clearing everything
// does as well, and, registrations being quota-managed storage of the
// temporary type, quotas without 'temporary' keep them. Other names leave
// them alone.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { workerRoutes, workerUrl } from './worker-routes.ts';

export const meta = defineSpec({
  members: ['ses.clearStorageData'],
  eras: '*',
  requires: ['service-workers', 'network'],
  level: 'must',
  basis: 'electron',
  summary:
    "clearStorageData() removes a session's service worker registrations when it clears 'serviceworkers' with the temporary quota, and keeps them otherwise.",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: workerRoutes() });

let partitions = 0;

/** A new session with one registration for `scope` (a path under the fixture). */
async function registered(scope: string): Promise<{ session: object; scope: string }> {
  const session = t.session.fromPartition(`clear-workers-${++partitions}`);
  const url = `${server.url}${scope}/`;
  await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope: url });
  return { session, scope: url };
}

const scopes = (session: object) => t.driver.serviceWorkers.getRegistrations({ session, origin: server.origin });
const clear = (session: object, ...options: unknown[]) => t.invoke(session, 'ses.clearStorageData', ...options);

describe('ses.clearStorageData and service worker registrations', () => {
  it("removes them when the storages name 'serviceworkers', in any case", async () => {
    const { session, scope } = await registered('named');
    expect(await scopes(session)).toEqual([scope]);
    await clear(session, { storages: ['ServiceWorkers'] });
    expect(await scopes(session)).toEqual([]);
  });

  it('removes them when it clears everything', async () => {
    const { session } = await registered('everything');
    await clear(session, {});
    expect(await scopes(session)).toEqual([]);
  });

  it('keeps them when other storages are named', async () => {
    const { session, scope } = await registered('others');
    await clear(session, { storages: ['cookies', 'localstorage', 'indexdb', 'filesystem', 'shadercache', 'service-workers'] });
    expect(await scopes(session)).toEqual([scope]);
  });

  it("keeps them when the quotas leave out 'temporary'", async () => {
    const { session, scope } = await registered('quota');
    await clear(session, { storages: ['serviceworkers'], quotas: [] });
    expect(await scopes(session)).toEqual([scope]);
    await clear(session, { storages: ['serviceworkers'], quotas: ['TEMPORARY'] });
    expect(await scopes(session)).toEqual([]);
  });

  it('keeps those of other origins when an origin is given', async () => {
    const { session, scope } = await registered('origin');
    await clear(session, { origin: 'http://elsewhere.test', storages: ['serviceworkers'] });
    expect(await scopes(session)).toEqual([scope]);
    await clear(session, { origin: server.origin, storages: ['serviceworkers'] });
    expect(await scopes(session)).toEqual([]);
  });

  it('lets the page register again afterwards', async () => {
    const { session, scope } = await registered('again');
    await clear(session, { storages: ['serviceworkers'] });
    await t.driver.serviceWorkers.register({ session, scriptURL: workerUrl(server, ''), scope });
    expect(await scopes(session)).toEqual([scope]);
  });
});
