// The proxy area's side of the network stack's proxy hook
// (`ProxyResolverHook` in net/hooks.ts): every request of a session asks the session's
// ProxyConfigService where to go, and gets one ProxyDispatcher per proxy.
// Typed structurally so the stack can plug it in without this module
// importing the stack.
//
// Chromium's rules the stack must keep when it walks the list: an error from
// `resolve` fails the request with that net error (a mandatory PAC script
// that failed, or a list with no usable proxy); only connection-level
// failures (canFallOverToNextProxy) move on to the next entry; the entries
// a request skipped are remembered as bad only once it succeeds
// (`reportSuccess`).

import type net from 'node:net';
import { canFallOverToNextProxy } from '../bad-proxies.ts';
import type { ProxyConfigService } from '../proxy-config-service.ts';
import type { ProxyEndpoint } from '../proxy-server.ts';
import { ProxyDispatcher, systemProxyConnector } from './proxy-dispatcher.ts';
import { ProxyConnectionError } from './tunnel.ts';

/** What the stack lends a proxy dispatcher (DirectStack in net/hooks.ts). */
export interface DirectStackLike {
  connect(options: { host: string; port: number; tls: boolean; servername?: string }): Promise<net.Socket>;
  /** TLS to the destination inside a tunnel, verified as the session verifies. */
  secure?(socket: net.Socket, options: { host: string; port: number; alpn?: readonly string[] }): Promise<net.Socket>;
  /** The session's IPv4 lookups, for SOCKS4. */
  resolveIPv4?(host: string): Promise<string[]>;
  /** The session's cached credentials for `proxy`, as a Proxy-Authorization value for one request. */
  proxyAuthorization?(proxy: ProxyEndpoint, method: string, uri: string): string | undefined;
}

export type RouteEntry = { scheme: 'direct' } | (ProxyEndpoint & { scheme: 'http' | 'https' | 'socks4' | 'socks5' });

export interface ProxyHookOptions {
  /** IPv4 lookups for SOCKS4 when the stack lends none. */
  resolveIPv4?(host: string): Promise<string[]>;
  /** Extra CAs trusted for destinations reached through tunnels. */
  destinationCa?: string[];
}

export function createProxyHook(service: ProxyConfigService, options: ProxyHookOptions = {}) {
  return {
    async resolve(url: URL): Promise<RouteEntry[]> {
      const resolution = await service.resolve(url.href);
      if (!resolution.ok) throw new ProxyConnectionError(resolution.error, `no proxy decision for ${url.href}`);
      // The stack cannot speak QUIC to a proxy; Chromium drops such entries the same way.
      const entries = resolution.list.entries.filter((e): e is RouteEntry => e.scheme !== 'quic');
      if (!entries.length) throw new ProxyConnectionError('ERR_NO_SUPPORTED_PROXIES', `no usable proxy for ${url.href}`);
      return entries;
    },
    dispatcherFor(proxy: Exclude<RouteEntry, { scheme: 'direct' }>, direct: DirectStackLike): ProxyDispatcher {
      const resolveIPv4 = direct.resolveIPv4 ?? options.resolveIPv4 ?? systemProxyConnector().resolveIPv4;
      const secure = direct.secure;
      const authorization = direct.proxyAuthorization;
      return new ProxyDispatcher(
        proxy,
        { connect: (o) => direct.connect(o), resolveIPv4: (host) => resolveIPv4(host) },
        {
          ...(options.destinationCa ? { ca: options.destinationCa } : {}),
          ...(secure
            ? { secure: (socket: net.Socket, d: { host: string; port: number; alpn: readonly string[] }) => secure(socket, d) }
            : {}),
          ...(authorization ? { proxyAuthorization: (method: string, uri: string) => authorization(proxy, method, uri) } : {}),
        },
      );
    },
    reportSuccess(skipped: readonly { server: RouteEntry; netError: string }[]): void {
      for (const { server, netError } of skipped) {
        if (server.scheme !== 'direct' && canFallOverToNextProxy(netError)) service.badProxies.markBad(server, netError);
      }
    },
  };
}
