// The HTTP cache's place in the URL loader: the innermost stage, right above
// the transport, where Chromium's HttpCache sits below webRequest, cookies
// and credentials. It sees the header lines that would go on the wire, so
// Vary matches what the server would have seen, and everything above it
// (onHeadersReceived, Set-Cookie, redirects, auth, decoding) handles a
// cached answer like any other, with webRequest's `fromCache` set. Only
// answers of the network are cached; the caller's fetch cache mode sets the
// load flags (LoadOptions.cache).

import type { Exchange, HopResponse, LoaderStage } from '../../net/http/stages/stage.ts';
import { rawHeadersOf } from '../../net/http/header-lines.ts';
import type { HttpCacheService } from './http-cache-service.ts';
import { flagsForCacheMode } from './load-flags.ts';

export function httpCacheStage(service: () => HttpCacheService): LoaderStage {
  return {
    name: 'http-cache',
    async run(exchange: Exchange, next) {
      // A WebSocket handshake is never cached.
      const cache = exchange.loadedBy === 'network' && !exchange.options.upgrade ? service().cache : null;
      if (!cache) return next();
      const answer = await cache.transact<HopResponse>(
        {
          url: exchange.url,
          method: exchange.method,
          headers: exchange.sent,
          hasBody: exchange.body !== null,
          flags: flagsForCacheMode(exchange.options.cache),
        },
        (headers) => {
          exchange.sent = headers;
          return next();
        },
      );
      if (!answer.fromCache) return answer.response;
      const { status, statusText, lines, body } = answer.response;
      return { status, statusText, lines, headers: rawHeadersOf(lines), body, fromCache: true };
    },
  };
}
