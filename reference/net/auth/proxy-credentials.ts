// Credentials for proxies in a session's auth cache. Chromium keeps them in
// the same HttpAuthCache as servers' under the proxy target, keyed by the
// proxy's scheme, host and port, for the path '/': once a proxy has been
// given an identity, every later request through it presents that identity
// first (preemptively), whatever the request's credentials mode, until the
// proxy refuses it or clearAuthCache() empties the cache.

import type { AuthCache, AuthEntry } from './auth-cache.ts';
import { basicAuthorization, digestAuthorization } from './challenge.ts';

export interface ProxyIdentityTarget {
  scheme: string;
  host: string;
  port: number;
}

/** The cache's key for a proxy: apart from any server's origin, as Chromium's target keeps them apart. */
export function proxyAuthKey(proxy: ProxyIdentityTarget): string {
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
  return `proxy ${proxy.scheme}://${host}:${proxy.port}`;
}

/** The identity the session holds for `proxy`, if any. */
export function proxyEntry(cache: AuthCache, proxy: ProxyIdentityTarget): AuthEntry | undefined {
  return cache.lookupPath(proxyAuthKey(proxy), '/');
}

/** The Proxy-Authorization value for one request through `proxy` (`uri` as its request line names the target). */
export function proxyAuthorization(
  cache: AuthCache,
  proxy: ProxyIdentityTarget,
  method: string,
  uri: string,
): string | undefined {
  const entry = proxyEntry(cache, proxy);
  if (!entry) return undefined;
  if (entry.scheme === 'digest')
    return entry.digest ? digestAuthorization(entry.digest, entry.credentials, method, uri) : undefined;
  return entry.scheme === 'basic' ? basicAuthorization(entry.credentials) : undefined;
}
