// Fixture routes for service worker specs: `/worker.js?src=CODE` serves CODE
// as a script (`&type=` overrides its text/javascript type, `&status=` its
// 200), so each test registers a worker whose script it wrote itself.

import type { RouteHandler } from '../../fixtures/servers/routes.ts';
import type { FixtureServer } from '../../fixtures/servers/http-server.ts';

export function workerRoutes(): Record<string, RouteHandler> {
  const script: RouteHandler = (req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    const body = Buffer.from(q.get('src') ?? '');
    const headers: Record<string, string> = { 'content-length': String(body.length), 'cache-control': 'no-cache' };
    if (q.get('type') !== '') headers['content-type'] = q.get('type') ?? 'text/javascript';
    res.writeHead(Number(q.get('status') ?? 200), headers);
    res.end(body);
  };
  return { '/worker.js': script };
}

/** The URL of a worker script with source `src`. */
export function workerUrl(server: FixtureServer, src: string, query: Record<string, string> = {}): string {
  return `${server.url}worker.js?${new URLSearchParams({ src, ...query })}`;
}
