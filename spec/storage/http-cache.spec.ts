// The HTTP cache of a session, seen from a page's requests and the server's
// traffic: what Chromium reuses without asking (fresh by max-age, Expires or
// the Last-Modified heuristic; permanent redirects), what it validates with
// If-None-Match / If-Modified-Since and takes back on a 304, what it never
// stores (no-store) or never answers from (POST), how Vary and request
// headers change that, and webRequest's `fromCache`. ses.clearCache empties
// it between groups of requests.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { pageFetch, until } from '../support/requests.ts';
import { cachedUrl, cacheRoutes, requestsFor } from './cache-routes.ts';

export const meta = defineSpec({
  members: ['ses.clearCache', 'webRequest.onCompleted'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary:
    "A page's requests go through the session's HTTP cache with Chromium's rules: fresh answers are reused without a request, stale ones validated, no-store never kept.",
});

const t = useTarget(meta);
const server = useHttpServer({ routes: cacheRoutes() });

let partitions = 0;
/** A fresh in-memory session, so no test sees another's entries. */
const fresh = () => t.session.fromPartition(`http-cache-${++partitions}`);
/**
 * A fresh session whose clearCache reports back: Electron 1.x's memory
 * backend emptied itself without running the callback, so there it is one
 * on disk.
 */
const clearable = () => t.session.fromPartition(`${t.era === 'legacy' ? 'persist:' : ''}http-cache-${++partitions}`);

async function bodies(
  session: unknown,
  url: string,
  count: number,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push((await pageFetch(t, session, url, init)).body);
  return out;
}

describe('freshness', () => {
  it('reuses an answer fresh by max-age without asking the server', async () => {
    const url = cachedUrl(server, 'max-age', { cc: 'max-age=600' });
    expect(await bodies(fresh(), url, 3)).toEqual(['max-age#1', 'max-age#1', 'max-age#1']);
    expect(requestsFor(server, 'max-age')).toHaveLength(1);
  });

  it('reuses an answer fresh by an Expires date in the future', async () => {
    const url = cachedUrl(server, 'expires', { expires: 600 });
    expect(await bodies(fresh(), url, 2)).toEqual(['expires#1', 'expires#1']);
    expect(requestsFor(server, 'expires')).toHaveLength(1);
  });

  it('asks again when Expires is in the past, and when max-age overrides a future Expires with 0', async () => {
    const session = fresh();
    expect(await bodies(session, cachedUrl(server, 'expired', { expires: -600 }), 2)).toEqual(['expired#1', 'expired#2']);
    expect(await bodies(session, cachedUrl(server, 'max-age-wins', { expires: 600, cc: 'max-age=0' }), 2)).toEqual([
      'max-age-wins#1',
      'max-age-wins#2',
    ]);
  });

  it('keeps a 200 with an old Last-Modified fresh for a tenth of its age', async () => {
    const url = cachedUrl(server, 'heuristic', { lm: -10 * 24 * 3600 });
    expect(await bodies(fresh(), url, 2)).toEqual(['heuristic#1', 'heuristic#1']);
  });

  it('does not apply that heuristic to a 404, but honours max-age on one', async () => {
    const session = fresh();
    expect(await bodies(session, cachedUrl(server, 'not-found-heuristic', { lm: -10 * 24 * 3600, status: 404 }), 2)).toEqual([
      'not-found-heuristic#1',
      'not-found-heuristic#2',
    ]);
    expect(await bodies(session, cachedUrl(server, 'not-found-max-age', { cc: 'max-age=600', status: 404 }), 2)).toEqual([
      'not-found-max-age#1',
      'not-found-max-age#1',
    ]);
  });

  it('asks every time for an answer without caching headers', async () => {
    expect(await bodies(fresh(), cachedUrl(server, 'plain'), 3)).toEqual(['plain#1', 'plain#2', 'plain#3']);
  });

  it('treats no-cache and Pragma: no-cache in an answer as never fresh', async () => {
    const session = fresh();
    expect(await bodies(session, cachedUrl(server, 'no-cache', { cc: 'no-cache, max-age=600' }), 2)).toEqual([
      'no-cache#1',
      'no-cache#2',
    ]);
    expect(await bodies(session, cachedUrl(server, 'pragma', { cc: 'max-age=600', pragma: 'no-cache' }), 2)).toEqual([
      'pragma#1',
      'pragma#2',
    ]);
  });

  it('keeps a 301 without caching headers, so the redirect is followed without asking again', async () => {
    const session = fresh();
    const target = cachedUrl(server, 'moved-target', { cc: 'max-age=600' });
    const url = cachedUrl(server, 'moved', { status: 301, location: target });
    expect(await bodies(session, url, 2)).toEqual(['moved-target#1', 'moved-target#1']);
    expect(requestsFor(server, 'moved')).toHaveLength(1);
  });
});

describe('validation', () => {
  it('revalidates a stale answer with its ETag and serves the stored body on a 304', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'etag', { cc: 'max-age=0', etag: '"v1"' });
    expect(await bodies(session, url, 2)).toEqual(['etag#1', 'etag#1']);
    const [first, second] = requestsFor(server, 'etag');
    expect(first!.headers['if-none-match']).toBeUndefined();
    expect(second!.headers['if-none-match']).toBe('"v1"');
  });

  it('revalidates with If-Modified-Since when the answer had only Last-Modified', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'last-modified', { cc: 'no-cache', lm: -3600 });
    expect(await bodies(session, url, 2)).toEqual(['last-modified#1', 'last-modified#1']);
    const second = requestsFor(server, 'last-modified')[1]!;
    expect(Date.parse(second.headers['if-modified-since'] as string)).toBeGreaterThan(0);
    expect(second.headers['if-none-match']).toBeUndefined();
  });

  it("takes a 304's new max-age, so the next request is not sent", async () => {
    const session = fresh();
    // Stale at once, but its 304s make it fresh for ten minutes.
    const url = cachedUrl(server, 'refreshed', { cc: 'max-age=0', etag: '"r"', cc304: 'max-age=600' });
    expect(await bodies(session, url, 3)).toEqual(['refreshed#1', 'refreshed#1', 'refreshed#1']);
    expect(requestsFor(server, 'refreshed')).toHaveLength(2);
  });

  it('validates before reuse when the request says Cache-Control: max-age=0', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'force-validate', { cc: 'max-age=600', etag: '"f"' });
    await bodies(session, url, 1);
    expect((await pageFetch(t, session, url, { headers: { 'Cache-Control': 'max-age=0' } })).body).toBe('force-validate#1');
    expect(requestsFor(server, 'force-validate')[1]!.headers['if-none-match']).toBe('"f"');
  });

  it('fetches anew, and keeps the new answer, when the request says Cache-Control: no-cache', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'bypass', { cc: 'max-age=600' });
    await bodies(session, url, 1);
    expect((await pageFetch(t, session, url, { headers: { 'Cache-Control': 'no-cache' } })).body).toBe('bypass#2');
    expect((await pageFetch(t, session, url)).body).toBe('bypass#2');
    expect(requestsFor(server, 'bypass')).toHaveLength(2);
  });
});

describe('what is not stored or not reused', () => {
  it('never stores an answer marked no-store', async () => {
    expect(await bodies(fresh(), cachedUrl(server, 'no-store', { cc: 'no-store, max-age=600' }), 2)).toEqual([
      'no-store#1',
      'no-store#2',
    ]);
  });

  it('does not answer a POST from the cache, and a successful POST drops the stored GET', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'posted', { cc: 'max-age=600' });
    await bodies(session, url, 2);
    expect(requestsFor(server, 'posted')).toHaveLength(1);
    expect((await pageFetch(t, session, url, { method: 'POST' })).body).toBe('posted#2');
    expect((await pageFetch(t, session, url)).body).toBe('posted#3');
  });

  it('answers a HEAD from a stored GET, and a successful DELETE drops the entry', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'head-delete', { cc: 'max-age=600' });
    await bodies(session, url, 1);
    const head = await pageFetch(t, session, url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(requestsFor(server, 'head-delete')).toHaveLength(1);
    await pageFetch(t, session, url, { method: 'DELETE' });
    expect((await pageFetch(t, session, url)).body).toBe('head-delete#3');
  });

  it('matches Vary against the request headers: the same value reuses, another asks again', async () => {
    const session = fresh();
    const url = cachedUrl(server, 'vary', { cc: 'max-age=600', vary: 'X-Variant' });
    expect((await pageFetch(t, session, url, { headers: { 'X-Variant': 'a' } })).body).toBe('vary#1');
    expect((await pageFetch(t, session, url, { headers: { 'X-Variant': 'a' } })).body).toBe('vary#1');
    expect((await pageFetch(t, session, url, { headers: { 'X-Variant': 'b' } })).body).toBe('vary#2');
    expect(requestsFor(server, 'vary')).toHaveLength(2);
  });

  it('does not replay Set-Cookie from a stored answer', async () => {
    const session = fresh();
    const cookies = (session as unknown as { cookies: object }).cookies;
    const url = cachedUrl(server, 'cookie', { cc: 'max-age=600', cookie: 'replayed=1; Max-Age=600' });
    await bodies(session, url, 1);
    await t.invoke(cookies, 'cookies.remove', server.url, 'replayed');
    expect((await pageFetch(t, session, url)).body).toBe('cookie#1');
    expect(await t.invoke<unknown[]>(cookies, 'cookies.get', { name: 'replayed' })).toEqual([]);
  });

  it('keeps each session to its own cache', async () => {
    const url = cachedUrl(server, 'per-session', { cc: 'max-age=600' });
    expect((await pageFetch(t, fresh(), url)).body).toBe('per-session#1');
    expect((await pageFetch(t, fresh(), url)).body).toBe('per-session#2');
  });
});

describe('ses.clearCache', () => {
  it('resolves once the cache is empty: the next request reaches the server', async () => {
    const session = clearable();
    const url = cachedUrl(server, 'cleared', { cc: 'max-age=600' });
    await bodies(session, url, 2);
    expect(await t.invoke(session, 'ses.clearCache')).toBeUndefined();
    expect((await pageFetch(t, session, url)).body).toBe('cleared#2');
  });

  it('clears only the session it is called on', async () => {
    const mine = clearable();
    const other = clearable();
    const url = cachedUrl(server, 'cleared-mine', { cc: 'max-age=600' });
    await bodies(mine, url, 1);
    await bodies(other, url, 1);
    await t.invoke(mine, 'ses.clearCache');
    expect((await pageFetch(t, other, url)).body).toBe('cleared-mine#2');
    expect((await pageFetch(t, mine, url)).body).toBe('cleared-mine#3');
  });
});

describe("webRequest's fromCache", () => {
  it('is false for an answer from the server and true for one from the cache, validated or not', async () => {
    const session = fresh();
    const webRequest = (
      session as unknown as { webRequest: { onCompleted(l: (d: { url: string; fromCache: boolean }) => void): void } }
    ).webRequest;
    const seen: { url: string; fromCache: boolean }[] = [];
    webRequest.onCompleted((details) => seen.push(details));
    const fresh600 = cachedUrl(server, 'from-cache', { cc: 'max-age=600' });
    const validated = cachedUrl(server, 'from-cache-304', { cc: 'max-age=0', etag: '"x"' });
    await bodies(session, fresh600, 2);
    await bodies(session, validated, 2);
    await until(() => seen.length === 4, 'four onCompleted events');
    expect(seen.map((d) => d.fromCache)).toEqual([false, true, false, true]);
  });
});
