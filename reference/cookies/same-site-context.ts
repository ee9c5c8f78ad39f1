// Chromium's SameSite context of a request, from its initiator: what the
// cookie rules need to know about who asked.

import { getPublicSuffix } from 'tough-cookie';
import type { CookieContext } from '../net/hooks.ts';
import type { SameSiteContext } from './cookie-service.ts';

/** The registrable domain (eTLD+1) of a host, or the host itself for IPs and bare names. */
function siteOf(host: string): string {
  try {
    return getPublicSuffix(host) ?? host;
  } catch {
    // tough-cookie refuses special-use names (localhost, *.example): they are their own site.
    return host;
  }
}

function sameSite(a: URL, b: URL): boolean {
  return siteOf(a.hostname) === siteOf(b.hostname) && a.protocol === b.protocol;
}

/**
 * Browser-initiated requests (ses.fetch) are same-site to the site of the
 * URL they first asked for (Electron's net module sets site_for_cookies from
 * it, and a redirect keeps it): strict while they stay on that site,
 * cross-site after a redirect away from it. Same-site page requests are
 * same-site; cross-site top-level GETs are lax; everything else cross-site.
 */
export function sameSiteContext(url: URL, context: CookieContext): SameSiteContext {
  if (context.initiator === null) {
    let first: URL;
    try {
      first = new URL(context.siteForCookies ?? url.href);
    } catch {
      return 'none';
    }
    return sameSite(first, url) ? 'strict' : 'none';
  }
  let initiator: URL;
  try {
    initiator = new URL(context.initiator);
  } catch {
    return 'none';
  }
  if (sameSite(initiator, url)) return 'strict';
  return context.method === 'GET' ? 'lax' : 'none';
}
