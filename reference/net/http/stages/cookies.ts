// The session's cookies on every network hop, redirects included: the
// Cookie header on the way down, each answer's Set-Cookie headers stored on
// the way up (as onHeadersReceived left them, before the redirect is
// followed). Requests with credentials 'omit' neither send nor store. Each
// hop is judged against the site of the URL first asked for, so a redirect
// to another site is a cross-site request.
// Header bytes arrive as Latin-1 text; Chromium keeps a cookie's bytes as
// they are and they are UTF-8, so Set-Cookie values are read as UTF-8.

import type { CookieContext } from '../../hooks.ts';
import { headerValues } from '../header-lines.ts';
import type { LoaderStage } from './stage.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A header value whose characters are bytes, read as UTF-8 when it is valid UTF-8. */
function asUtf8(value: string): string {
  if (!/[\x80-\xff]/.test(value) || /[^\x00-\xff]/.test(value)) return value;
  try {
    return UTF8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

export const cookies: LoaderStage = {
  name: 'cookies',
  async run(exchange, next) {
    const { ctx, options, url } = exchange;
    if (exchange.loadedBy !== 'network' || options.credentials === 'omit') return next();
    // The context of the request as it was made, on every hop; redirects keep the first URL's site for cookies.
    const context: CookieContext = {
      credentials: options.credentials,
      method: options.method,
      initiator: options.initiator,
      siteForCookies: exchange.urlChain[0]!.href,
    };
    const cookie = await ctx.hooks.cookies.cookieHeader(url, context);
    if (cookie) exchange.sent.push(['Cookie', cookie]);
    const response = await next();
    const setCookies = headerValues(response.headers, 'set-cookie').map(asUtf8);
    if (setCookies.length) await ctx.hooks.cookies.storeResponseCookies(url, setCookies, context);
    return response;
  },
};
