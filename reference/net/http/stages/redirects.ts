// Redirects, followed as Chromium's URLRequest follows them: up to 20 per
// request; the caller's redirect mode 'error' or 'manual' fails instead; a
// network answer may only send the request to http(s) (a protocol handler
// anywhere a request can go); 303 turns any method but HEAD into GET, and
// 301/302 turn POST into GET, without the body and its headers; another
// origin gets no Authorization. The redirect's body is read to its end
// before the next hop.
//
// A webRequest listener's redirectURL comes up as a 307 of the loader's own
// (webRequestRedirect): it is counted and told to onBeforeRedirect like any
// other, but followed whatever the redirect mode, and the request keeps its
// method, headers and credentials.

import { netError } from '../../net-error.ts';
import { discard, drain } from '../body-streams.ts';
import { headerValues, originOf, withoutHeaders } from '../header-lines.ts';
import type { LoaderStage } from './stage.ts';
import { notifyRedirect } from './web-request-events.ts';

const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

export const redirects: LoaderStage = {
  name: 'redirects',
  async run(exchange, next) {
    for (;;) {
      const response = await next();
      const location = headerValues(response.headers, 'location')[0];
      if (!REDIRECTS.has(response.status) || location === undefined) return response;
      const fail = (error: Error): Error => {
        discard(response.body);
        return error;
      };
      const fromServer = !response.webRequestRedirect;
      if (fromServer && exchange.options.redirect === 'error') throw fail(exchange.options.redirectErrors.error());
      if (fromServer && exchange.options.redirect === 'manual') throw fail(exchange.options.redirectErrors.manual());
      let target: URL;
      try {
        target = new URL(location, exchange.url);
      } catch {
        throw fail(netError('ERR_INVALID_REDIRECT'));
      }
      if (fromServer && exchange.loadedBy === 'network' && target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw fail(netError('ERR_UNSAFE_REDIRECT'));
      }
      if (++exchange.redirects > MAX_REDIRECTS) throw fail(netError('ERR_TOO_MANY_REDIRECTS'));
      exchange.ctx.netLog.event('URL_REQUEST_REDIRECTED', exchange.source, () => ({ location: target.href }));
      notifyRedirect(exchange, response, target);
      await drain(response.body);
      const { status } = response;
      if ((status === 303 && exchange.method !== 'HEAD') || ((status === 301 || status === 302) && exchange.method === 'POST')) {
        exchange.method = 'GET';
        exchange.body = null;
        exchange.headers = withoutHeaders(exchange.headers, BODY_HEADERS);
      }
      if (fromServer && originOf(target) !== originOf(exchange.url)) {
        exchange.headers = withoutHeaders(exchange.headers, ['authorization']);
        exchange.identity = undefined;
      }
      exchange.url = target;
      exchange.urlChain.push(target);
    }
  },
};
