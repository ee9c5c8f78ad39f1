// Connects the other areas of a session to its network stack: each entry
// installs one area's hook (cookies, webRequest, protocols; proxy as it
// lands) on a freshly built NetworkService. The network stack itself knows
// none of these areas.

import { getPublicSuffix } from 'tough-cookie';
import { cookieService, type SameSiteContext } from '../cookies/cookie-service.ts';
import type { CookieContext, NetworkHooks } from '../net/hooks.ts';
import { protocolService } from '../protocol/protocol-service.ts';
import { webRequestService } from '../web-request/web-request-service.ts';
import type { SessionServices } from './session-services.ts';

export type NetworkHookInstaller = (hooks: NetworkHooks, services: SessionServices) => void;

/** The registrable domain (eTLD+1) of a host, or the host itself for IPs and bare names. */
function siteOf(host: string): string {
  return getPublicSuffix(host) ?? host;
}

/**
 * Chromium's SameSite context: browser-initiated requests (ses.fetch) and
 * same-site page requests are same-site; cross-site top-level GETs are lax;
 * everything else cross-site.
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

const installCookies: NetworkHookInstaller = (hooks, services) => {
  const cookies = () => services.use(cookieService);
  hooks.cookies = {
    cookieHeader: async (url, context) => {
      if (context.credentials === 'omit') return null;
      const header = await cookies().cookieHeaderFor(url.href, { sameSiteContext: sameSiteContext(url, context) });
      return header || null;
    },
    storeResponseCookies: async (url, setCookies, context) => {
      if (context.credentials === 'omit' || !setCookies.length) return;
      await cookies().storeFromResponse(url.href, setCookies, { sameSiteContext: sameSiteContext(url, context) });
    },
  };
};

const installWebRequest: NetworkHookInstaller = (hooks, services) => {
  hooks.webRequest = services.use(webRequestService).hook;
};

const installProtocols: NetworkHookInstaller = (hooks, services) => {
  hooks.protocols = services.use(protocolService).hook;
};

export const NETWORK_HOOK_INSTALLERS: readonly NetworkHookInstaller[] = [installCookies, installWebRequest, installProtocols];
