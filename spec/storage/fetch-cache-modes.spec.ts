// ses.fetch's `cache` option, which Electron's net module turns into
// Chromium's load flags: 'no-store' neither reads nor writes the HTTP cache,
// 'reload' fetches anew and stores the answer, 'no-cache' validates a stored
// answer first, 'force-cache' takes a stored answer however stale, and
// 'only-if-cached' never goes to the network (net::ERR_CACHE_MISS instead).

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf } from '../support/requests.ts';
import { cachedUrl, cacheRoutes, requestsFor } from './cache-routes.ts';

export const meta = defineSpec({
  members: ['ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    "ses.fetch goes through the session's HTTP cache, and its cache option sets how, as Electron's net module maps fetch cache modes.",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

/** RequestInit with the fields Node's types leave out. */
type Init = RequestInit & { cache?: string; mode?: string };
type Fetching = { fetch(input: string, init?: Init): Promise<Response> };
let partitions = 0;
const fresh = () => t.session.fromPartition(`fetch-modes-${++partitions}`) as unknown as Fetching;
const text = async (session: Fetching, url: string, init?: Init) => (await session.fetch(url, init)).text();

describe('ses.fetch and the HTTP cache', () => {
  it('reuses a fresh stored answer by default', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'fetch-default', { cc: 'max-age=600' });
    expect([await text(session, url), await text(session, url)]).toEqual(['fetch-default#1', 'fetch-default#1']);
    expect(requestsFor(server, 'fetch-default')).toHaveLength(1);
  });

  it("'no-store' neither uses nor replaces the stored answer", async () => {
    const session = fresh();
    const url = cachedUrl(server, 'fetch-no-store', { cc: 'max-age=600' });
    await text(session, url);
    expect(await text(session, url, { cache: 'no-store' })).toBe('fetch-no-store#2');
    expect(await text(session, url)).toBe('fetch-no-store#1');
  });

  it("'reload' asks the server and stores what it answers", async () => {
    const session = fresh();
    const url = cachedUrl(server, 'fetch-reload', { cc: 'max-age=600' });
    await text(session, url);
    expect(await text(session, url, { cache: 'reload' })).toBe('fetch-reload#2');
    expect(await text(session, url)).toBe('fetch-reload#2');
  });

  it("'no-cache' validates a fresh stored answer before using it", async () => {
    const session = fresh();
    const url = cachedUrl(server, 'fetch-no-cache', { cc: 'max-age=600', etag: '"n"' });
    await text(session, url);
    expect(await text(session, url, { cache: 'no-cache' })).toBe('fetch-no-cache#1');
    expect(requestsFor(server, 'fetch-no-cache')[1]!.headers['if-none-match']).toBe('"n"');
  });

  it("'force-cache' takes a stale stored answer without asking", async () => {
    const session = fresh();
    const url = cachedUrl(server, 'fetch-force', { cc: 'max-age=0' });
    await text(session, url);
    expect(await text(session, url, { cache: 'force-cache' })).toBe('fetch-force#1');
    expect(requestsFor(server, 'fetch-force')).toHaveLength(1);
  });

  it("'only-if-cached' answers from the cache, stale or not, and fails with net::ERR_CACHE_MISS otherwise", async () => {
    const session = fresh();
    const url = cachedUrl(server, 'fetch-only-cached', { cc: 'max-age=0' });
    const init: Init = { cache: 'only-if-cached', mode: 'same-origin' };
    expect(await failureOf(session.fetch(url, init))).toBe('net::ERR_CACHE_MISS');
    expect(requestsFor(server, 'fetch-only-cached')).toHaveLength(0);
    await text(session, url);
    expect(await text(session, url, init)).toBe('fetch-only-cached#1');
    expect(requestsFor(server, 'fetch-only-cached')).toHaveLength(1);
  });
});
