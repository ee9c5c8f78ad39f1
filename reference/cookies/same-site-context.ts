// Chromium's SameSite context of a request, from its initiator: what the
// cookie rules need to know about who asked.

import { getPublicSuffix } from 'tough-cookie';
import type { CookieContext } from '../net/hooks.ts';
import type { SameSiteContext } from './cookie-service.ts';

/** The registrable domain (eTLD+1) of a host, or the host itself for IPs and bare names. */
function siteOf(host: string): string {
  return getPublicSuffix(host) ?? host;
}

/**
 * Browser-initiated requests (ses.fetch) and same-site page requests are
 * same-site; cross-site top-level GETs are lax; everything else cross-site.
 */
export function sameSiteContext(url: URL, context: CookieContext): SameSiteContext {
  if (context.initiator === null) return 'strict';
  let initiator: URL;
  try {
    initiator = new URL(context.initiator);
  } catch {
    return 'none';
  }
  if (siteOf(initiator.hostname) === siteOf(url.hostname) && initiator.protocol === url.protocol) return 'strict';
  return context.method === 'GET' ? 'lax' : 'none';
}
