// Fixture routes for the HTTP cache specs, on the file's own loopback server.
// `/cached` answers with the caching headers its query asks for and honours
// conditional requests, so a spec can tell from the server's traffic log
// whether a request reached it and from the body which answer it got:
//
//   /cached?id=X             the resource X (each id counts its own answers)
//          &cc=...           Cache-Control
//          &cc304=...        Cache-Control of 304 answers (cc when absent)
//          &etag=...         ETag; If-None-Match with it gets a 304
//          &lm=-S            Last-Modified S seconds before X's first answer (fixed from then on, as a
//                            real resource's is); If-Modified-Since at or after it gets a 304
//          &expires=S        Expires S seconds from now (negative: in the past)
//          &pragma=...       Pragma
//          &vary=...         Vary
//          &status=N         the status of full answers (200 by default)
//          &cookie=C         Set-Cookie: C
//          &location=URL     Location (with status 301, a cacheable redirect)
//          &type=...         Content-Type (text/plain by default)
//          &size=N           a body of N pattern bytes instead of the usual text
//   full answers carry the body `X#n`, n counting the full answers for X.

import type { RouteHandler } from '../../fixtures/servers/routes.ts';
import type { FixtureServer } from '../../fixtures/servers/http-server.ts';
import type { SeenRequest } from '../../fixtures/servers/traffic-log.ts';

export function cacheRoutes(): Record<string, RouteHandler> {
  const served = new Map<string, number>();
  /** When each resource was first asked for: its Last-Modified does not move with the clock. */
  const firstAsked = new Map<string, number>();
  const cached: RouteHandler = (req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const id = q.get('id') ?? 'resource';
    const now = Date.now();
    const headers: Record<string, string> = { date: new Date(now).toUTCString() };
    if (q.get('cc') !== null) headers['cache-control'] = q.get('cc')!;
    if (q.get('pragma') !== null) headers.pragma = q.get('pragma')!;
    if (q.get('vary') !== null) headers.vary = q.get('vary')!;
    if (q.get('expires') !== null) headers.expires = new Date(now + Number(q.get('expires')) * 1000).toUTCString();
    const etag = q.get('etag');
    if (etag !== null) headers.etag = etag;
    const lmOffset = q.get('lm');
    if (!firstAsked.has(id)) firstAsked.set(id, now);
    const lastModified =
      lmOffset === null ? undefined : Math.floor((firstAsked.get(id)! + Number(lmOffset) * 1000) / 1000) * 1000;
    if (lastModified !== undefined) headers['last-modified'] = new Date(lastModified).toUTCString();
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const notModified =
      (etag !== null && ifNoneMatch === etag) ||
      (etag === null &&
        lastModified !== undefined &&
        typeof ifModifiedSince === 'string' &&
        Date.parse(ifModifiedSince) >= lastModified);
    if (notModified) {
      if (q.get('cc304') !== null) headers['cache-control'] = q.get('cc304')!;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (q.get('cookie') !== null) headers['set-cookie'] = q.get('cookie')!;
    if (q.get('location') !== null) headers.location = q.get('location')!;
    const n = (served.get(id) ?? 0) + 1;
    served.set(id, n);
    const size = q.get('size');
    const body = size !== null ? Buffer.alloc(Number(size), 'x') : Buffer.from(`${id}#${n}`);
    res.writeHead(Number(q.get('status') ?? 200), {
      ...headers,
      'content-type': q.get('type') ?? 'text/plain',
      'content-length': String(body.length),
    });
    res.end(body);
  };
  return { '/cached': cached };
}

/** The requests for `/cached?id=<id>...` the server saw. */
export function requestsFor(server: FixtureServer, id: string): SeenRequest[] {
  return server.log.requests.filter(
    (r) => r.url.startsWith('/cached?') && new URL(r.url, 'http://x').searchParams.get('id') === id,
  );
}

/** A `/cached` URL on `server` for resource `id` with the given caching query. */
export function cachedUrl(server: FixtureServer, id: string, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ id, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  return `${server.url}cached?${params}`;
}
