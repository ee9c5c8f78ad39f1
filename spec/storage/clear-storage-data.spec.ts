// ses.clearStorageData([options]): which storages go (names matched without
// regard to case; unknown names add nothing), for which origin, and how the
// quota types gate IndexedDB and Cache Storage. What is cleared is really
// gone: pages read nothing back, and a persistent session finds nothing after
// a restart. The HTTP cache is not storage data.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { pageFetch } from '../support/requests.ts';
import { cachedUrl, cacheRoutes, requestsFor } from './cache-routes.ts';
import { ALL, remaining, seed, type StorageName } from './storage-support.ts';

export const meta = defineSpec({
  members: ['ses.clearStorageData'],
  eras: '*',
  requires: ['storage', 'network', 'restart'],
  level: 'must',
  basis: 'electron',
  summary:
    'clearStorageData() clears the storages it names (all by default) for one origin or all, as Electron converts its options; the cleared data is gone for good.',
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

const A = 'http://a.clear.test';
const B = 'http://b.clear.test';
let partitions = 0;

async function seeded(...origins: string[]): Promise<object> {
  const session = t.session.fromPartition(`clear-${++partitions}`);
  for (const origin of origins) await seed(t, session, origin);
  return session;
}

const clear = (session: object, ...options: unknown[]) => t.invoke(session, 'ses.clearStorageData', ...options);

describe('ses.clearStorageData', () => {
  it('clears every storage of every origin by default, and resolves undefined', async () => {
    const session = await seeded(A, B);
    expect(await remaining(t, session, A)).toEqual(ALL);
    expect(await clear(session, {})).toBeUndefined();
    expect(await remaining(t, session, A)).toEqual([]);
    expect(await remaining(t, session, B)).toEqual([]);
  });

  t.itInEras('>=e9', 'clears everything when called without arguments or with one that is not an object', async () => {
    for (const argument of [undefined, 'localstorage', 42, null]) {
      const session = await seeded(A);
      await (argument === undefined ? clear(session) : clear(session, argument));
      expect(await remaining(t, session, A)).toEqual([]);
    }
  });

  it('clears only the storages named, matching names without regard to case', async () => {
    const session = await seeded(A);
    await clear(session, { storages: ['LocalStorage', 'COOKIES'] });
    expect(await remaining(t, session, A)).toEqual(['indexdb', 'cachestorage']);
    await clear(session, { storages: ['IndexDB'] });
    expect(await remaining(t, session, A)).toEqual(['cachestorage']);
  });

  t.itInEras('>=e9', 'clears Cache Storage when named cachestorage', async () => {
    const session = await seeded(A);
    await clear(session, { storages: ['cachestorage'] });
    expect(await remaining(t, session, A)).toEqual(['cookies', 'localstorage', 'indexdb']);
  });

  t.itInEras('legacy', 'does not know the name cachestorage yet: naming only it clears nothing', async () => {
    const session = await seeded(A);
    await clear(session, { storages: ['cachestorage'] });
    expect(await remaining(t, session, A)).toEqual(ALL);
  });

  it('clears exactly the named storages for any mix of known names in any case and unknown ones', async () => {
    const known: StorageName[] = t.era === 'legacy' ? ['cookies', 'localstorage', 'indexdb'] : [...ALL];
    const name = fc.oneof(
      fc
        .constantFrom(...known)
        .chain((n) =>
          fc
            .array(fc.boolean(), { minLength: n.length, maxLength: n.length })
            .map((upper) => [...n].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('')),
        ),
      fc.constantFrom('indexeddb', 'local-storage', 'cookie', 'appcache2', ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(name, { maxLength: 4 }), async (names) => {
        const session = await seeded(A);
        await clear(session, { storages: names });
        const named = new Set(names.map((n) => n.toLowerCase()));
        expect(await remaining(t, session, A)).toEqual(ALL.filter((s) => !named.has(s)));
      }),
      { numRuns: 25 },
    );
  });

  it('clears nothing for a list of names it does not know, or an empty list', async () => {
    const session = await seeded(A);
    await clear(session, { storages: ['nonsense', 'indexeddb', 'local-storage'] });
    await clear(session, { storages: [] });
    expect(await remaining(t, session, A)).toEqual(ALL);
  });

  it('treats storages that are not a list of strings as absent: everything goes', async () => {
    const session = await seeded(A);
    await clear(session, { storages: 'cookies' });
    expect(await remaining(t, session, A)).toEqual([]);
    const other = await seeded(A);
    await clear(other, { storages: ['cookies', 7] });
    expect(await remaining(t, other, A)).toEqual([]);
  });

  it("limits clearing to one origin's storage, given as an origin or a URL of it", async () => {
    const session = await seeded(A, B);
    await clear(session, { origin: A });
    expect(await remaining(t, session, A)).toEqual([]);
    expect(await remaining(t, session, B)).toEqual(ALL);
    const other = await seeded(A, B);
    await clear(other, { origin: `${B}/some/page?x=1`, storages: ['localstorage'] });
    expect(await remaining(t, other, B)).toEqual(['cookies', 'indexdb', 'cachestorage']);
    expect(await remaining(t, other, A)).toEqual(ALL);
  });

  it("with an origin, removes the host's own cookies but not domain cookies", async () => {
    const session = t.session.fromPartition(`clear-${++partitions}`);
    const cookies = (session as { cookies: object }).cookies;
    const expirationDate = Math.floor(Date.now() / 1000) + 3600;
    await t.invoke(cookies, 'cookies.set', { url: `${A}/`, name: 'host', value: '1', expirationDate });
    await t.invoke(cookies, 'cookies.set', { url: `${A}/`, name: 'domain', value: '1', domain: 'clear.test', expirationDate });
    await clear(session, { origin: A, storages: ['cookies'] });
    const left = await t.invoke<{ name: string }[]>(cookies, 'cookies.get', {});
    expect(left.map((c) => c.name)).toEqual(['domain']);
  });

  it('clears IndexedDB and Cache Storage only when the quotas include temporary', async () => {
    const session = await seeded(A);
    await clear(session, { quotas: [] });
    expect(await remaining(t, session, A)).toEqual(['indexdb', 'cachestorage']);
    await clear(session, { quotas: ['Temporary'] });
    expect(await remaining(t, session, A)).toEqual([]);
  });

  it('is not about the HTTP cache: stored answers are still reused', async () => {
    const session = t.session.fromPartition(`clear-${++partitions}`);
    const url = cachedUrl(server, 'not-storage', { cc: 'max-age=600' });
    await pageFetch(t, session, url);
    await clear(session, {});
    expect((await pageFetch(t, session, url)).body).toBe('not-storage#1');
    expect(requestsFor(server, 'not-storage')).toHaveLength(1);
  });

  it('clears a persistent session for good: nothing comes back after a restart', async () => {
    const session = t.session.fromPartition('persist:clear-for-good');
    await seed(t, session, A);
    await seed(t, session, B);
    await clear(session, { origin: A });
    await t.target.restart();
    const again = t.session.fromPartition('persist:clear-for-good');
    expect(await remaining(t, again, A)).toEqual([]);
    expect(await remaining(t, again, B)).toEqual(ALL);
  });

  t.itInEras('legacy', 'calls its callback when done, with or without options', async () => {
    const session = (await seeded(A)) as { clearStorageData(...args: unknown[]): void };
    await new Promise<void>((resolve) => session.clearStorageData({ storages: ['localstorage'] }, resolve));
    expect(await remaining(t, session, A)).toEqual(['cookies', 'indexdb', 'cachestorage']);
    await new Promise<void>((resolve) => session.clearStorageData(resolve));
    expect(await remaining(t, session, A)).toEqual([]);
  });
});
