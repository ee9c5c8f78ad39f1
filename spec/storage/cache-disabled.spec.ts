// A session made with `{ cache: false }` has no HTTP cache: every request
// reaches the server, whatever the answer's caching headers, and nothing is
// counted. The option belongs to the partition: other sessions still cache.
// Electron 1.x only read it for sessions on disk: an in-memory partition
// always had its memory cache.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { pageFetch } from '../support/requests.ts';
import { cachedUrl, cacheRoutes, requestsFor } from './cache-routes.ts';

export const meta = defineSpec({
  members: ['session.fromPartition', 'ses.getCacheSize'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary: 'fromPartition(partition, { cache: false }) makes a session without an HTTP cache; without the option sessions cache.',
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

describe('fromPartition with { cache: false }', () => {
  t.itInEras('>=e9', 'sends every request to the server, even for answers fresh for minutes', async () => {
    const session = t.session.fromPartition('no-http-cache', { cache: false });
    const url = cachedUrl(server, 'uncached', { cc: 'max-age=600' });
    for (const n of [1, 2, 3]) expect((await pageFetch(t, session, url)).body).toBe(`uncached#${n}`);
    expect(requestsFor(server, 'uncached')).toHaveLength(3);
    expect(await t.invoke<number>(session, 'ses.getCacheSize')).toBe(0);
  });

  it('turns off the cache of a persistent partition as well', async () => {
    const session = t.session.fromPartition('persist:no-http-cache', { cache: false });
    const url = cachedUrl(server, 'uncached-persist', { cc: 'max-age=600' });
    await pageFetch(t, session, url);
    expect((await pageFetch(t, session, url)).body).toBe('uncached-persist#2');
  });

  it('leaves other partitions caching', async () => {
    const url = cachedUrl(server, 'others-cache', { cc: 'max-age=600' });
    await pageFetch(t, t.session.fromPartition('no-http-cache-2', { cache: false }), url);
    const caching = t.session.fromPartition('with-http-cache', { cache: true });
    expect((await pageFetch(t, caching, url)).body).toBe('others-cache#2');
    expect((await pageFetch(t, caching, url)).body).toBe('others-cache#2');
  });

  it('keeps the choice of the first call for a partition', async () => {
    const url = cachedUrl(server, 'first-choice', { cc: 'max-age=600' });
    const session = t.session.fromPartition('persist:cache-first-choice', { cache: false });
    expect(t.session.fromPartition('persist:cache-first-choice', { cache: true })).toBe(session);
    await pageFetch(t, session, url);
    expect((await pageFetch(t, session, url)).body).toBe('first-choice#2');
  });

  t.itInEras('legacy', 'keeps the memory cache of an in-memory partition whatever the option says', async () => {
    const session = t.session.fromPartition('no-http-cache-memory', { cache: false });
    const url = cachedUrl(server, 'memory-still-cached', { cc: 'max-age=600' });
    for (const _ of [1, 2, 3]) expect((await pageFetch(t, session, url)).body).toBe('memory-still-cached#1');
    expect(requestsFor(server, 'memory-still-cached')).toHaveLength(1);
  });
});
