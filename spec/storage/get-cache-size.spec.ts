// ses.getCacheSize: the bytes the session's HTTP cache holds, grown by the
// answers it stores and back to nothing after clearCache. Sessions without a
// cache report 0. In 1.x the size came to a callback, a session without a
// cache passed net::ERR_FAILED (-2), and the size was read from the disk
// backend's statistics: the memory backend has none (its callback never
// ran), so the 1.x tests count persistent sessions.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { pageFetch, thrown } from '../support/requests.ts';
import { cachedUrl, cacheRoutes } from './cache-routes.ts';

export const meta = defineSpec({
  members: ['ses.getCacheSize', 'ses.clearCache'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    "getCacheSize() resolves the bytes the session's HTTP cache holds: 0 when empty, at least the bodies it stored, 0 again after clearCache().",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

let partitions = 0;
const size = (session: object) => t.invoke<number>(session, 'ses.getCacheSize');
/** A new session whose size the era reports: in-memory from Electron 9, on disk before. */
const sized = (name: string) => t.session.fromPartition(`${t.era === 'legacy' ? 'persist:' : ''}${name}-${++partitions}`);

describe('ses.getCacheSize', () => {
  it('resolves 0 for a session that cached nothing', async () => {
    expect(await size(sized('size-empty'))).toBe(0);
  });

  it('grows by at least the body of each answer the cache keeps, and only for cached answers', async () => {
    const session = sized('size-grows');
    await pageFetch(t, session, cachedUrl(server, 'size-a', { cc: 'max-age=600', size: 20000 }));
    const one = await size(session);
    expect(one).toBeGreaterThanOrEqual(20000);
    await pageFetch(t, session, cachedUrl(server, 'size-b', { cc: 'max-age=600', size: 30000 }));
    const two = await size(session);
    expect(two).toBeGreaterThanOrEqual(one + 30000);
    await pageFetch(t, session, cachedUrl(server, 'size-no-store', { cc: 'no-store', size: 50000 }));
    expect(await size(session)).toBe(two);
  });

  it('counts a persistent session too, and is 0 again after clearCache', async () => {
    const session = t.session.fromPartition(`persist:size-${++partitions}`);
    await pageFetch(t, session, cachedUrl(server, 'size-persist', { cc: 'max-age=600', size: 10000 }));
    expect(await size(session)).toBeGreaterThanOrEqual(10000);
    await t.invoke(session, 'ses.clearCache');
    expect(await size(session)).toBe(0);
  });

  t.itInEras('>=e9', 'reports 0 for a session made with { cache: false }, whatever it fetched', async () => {
    const session = t.session.fromPartition(`size-no-cache-${++partitions}`, { cache: false });
    await pageFetch(t, session, cachedUrl(server, 'size-disabled', { cc: 'max-age=600', size: 10000 }));
    expect(await size(session)).toBe(0);
  });

  t.itInEras('legacy', 'passes net::ERR_FAILED (-2) for a persistent session made with { cache: false }', async () => {
    const session = t.session.fromPartition(`persist:size-no-cache-${++partitions}`, { cache: false });
    await pageFetch(t, session, cachedUrl(server, 'size-disabled-disk', { cc: 'max-age=600', size: 10000 }));
    expect(await size(session)).toBe(-2);
  });

  t.itInEras('legacy', 'passes the size to its callback as a number', async () => {
    const session = sized('size-callback') as unknown as {
      getCacheSize(cb: (size: unknown) => void): void;
    };
    await pageFetch(t, session, cachedUrl(server, 'size-callback', { cc: 'max-age=600', size: 1000 }));
    const reported = await new Promise((resolve) => session.getCacheSize(resolve));
    expect(typeof reported).toBe('number');
    expect(reported).toBeGreaterThanOrEqual(1000);
  });

  t.itInEras('>=e9', 'returns a promise', async () => {
    const promise = (
      t.session.fromPartition(`size-promise-${++partitions}`) as unknown as { getCacheSize(): unknown }
    ).getCacheSize();
    expect(promise).toBeInstanceOf(Promise);
    expect(await promise).toBe(0);
  });

  t.itInEras(
    'legacy',
    'needs its callback, as clearCache does: without one, or with one that is not a function, it throws',
    () => {
      const session = sized('size-no-callback') as unknown as Record<'getCacheSize' | 'clearCache', (...a: unknown[]) => unknown>;
      for (const member of ['getCacheSize', 'clearCache'] as const) {
        const missing = thrown(() => session[member]());
        expect(missing).toBeInstanceOf(TypeError);
        expect(missing!.message).toBe('Insufficient number of arguments.');
        const notFunction = thrown(() => session[member]('size'));
        expect(notFunction).toBeInstanceOf(TypeError);
        expect(notFunction!.message).toBe('Error processing argument at index 0, conversion failure from size');
      }
    },
  );
});
