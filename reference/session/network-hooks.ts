// Connects the other areas of a session to its network stack: each entry
// installs one area's hook (proxy, cookies, webRequest, protocols) on a
// freshly built NetworkService. The network stack itself knows none of these
// areas.

import { getPublicSuffix } from 'tough-cookie';
import { cookieService, type SameSiteContext } from '../cookies/cookie-service.ts';
import type { CookieContext, NetworkHooks } from '../net/hooks.ts';
import type { NetworkService } from '../net/network-service.ts';
import { protocolService } from '../protocol/protocol-service.ts';
import { dispatcherPacGet } from '../proxy/pac/fetch-pac-script.ts';
import { proxyService } from '../proxy/proxy-members.ts';
import { systemHostResolver } from '../proxy/pac/host-resolution.ts';
import { createProxyHook } from '../proxy/traffic/network-hook.ts';
import { webRequestService } from '../web-request/web-request-service.ts';
import type { SessionServices } from './session-services.ts';

export type NetworkHookInstaller = (hooks: NetworkHooks, services: SessionServices, network: NetworkService) => void;

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

/**
 * Requests ask the session's ProxyConfigService for their route. PAC scripts
 * are fetched over the session's direct stack (never through a proxy, as
 * Chromium's PAC fetcher bypasses proxies) and their DNS questions answered
 * by the session's resolver, so host-resolver-rules and DoH apply to them.
 */
const installProxy: NetworkHookInstaller = (hooks, services, network) => {
  const service = services.use(proxyService);
  service.setPacHttpClient(dispatcherPacGet(network.dispatcher));
  service.setHostResolver({
    async lookup(host, family) {
      try {
        const options = family === 4 ? { queryType: 'A' as const } : {};
        return (await network.resolver.resolve(host, options)).endpoints.map((e) => e.address);
      } catch {
        return [];
      }
    },
    myAddresses: () => systemHostResolver.myAddresses(),
  });
  hooks.proxy = createProxyHook(service);
};

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

export const NETWORK_HOOK_INSTALLERS: readonly NetworkHookInstaller[] = [installProxy, installCookies, installWebRequest, installProtocols];
