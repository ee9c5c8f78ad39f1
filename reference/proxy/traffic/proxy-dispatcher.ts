// An undici dispatcher that sends a session's requests through one proxy the
// way Chromium does: http:// URLs through an HTTP or HTTPS proxy go as
// absolute-form requests (`GET http://host/path`, with Proxy-Connection);
// everything else (https:// through any proxy, anything through SOCKS) goes
// through a tunnel, with TLS to the destination inside it. The network stack
// creates one per proxy (its `dispatcherFor` hook) and falls over to the next
// entry of the proxy list on the ProxyConnectionError this raises. Both ways
// carry the session's cached credentials for the proxy, when it has some
// (Proxy-Authorization on the forwarded request, or on the CONNECT).

import net from 'node:net';
import tls from 'node:tls';
import { Agent, Dispatcher, Pool } from 'undici';
import type { ProxyEndpoint } from '../proxy-server.ts';
import { openTunnel, ProxyConnectionError, proxyUnreachable, type ProxyConnector } from './tunnel.ts';

export interface DestinationTls {
  /** Extra CA certificates trusted for destinations (the system's roots stay trusted). */
  ca?: string[];
  /**
   * TLS to the destination over the tunnel; a session's stack passes its own
   * (its SSL config, trust store and certificate verifier). Node's TLS with
   * `ca` otherwise.
   */
  secure?(socket: net.Socket, destination: { host: string; port: number; alpn: readonly string[] }): Promise<net.Socket>;
  /** Told about every failure that lets Chromium fall over to the next proxy. */
  onProxyFailure?(proxy: ProxyEndpoint, netError: string): void;
  /** The Proxy-Authorization value for a request to the proxy (`uri` as the request line names it), if any. */
  proxyAuthorization?(method: string, uri: string): string | undefined;
}

interface ConnectOptions {
  hostname: string;
  protocol: string;
  port: string;
}
type ConnectCallback = (error: Error | null, socket: net.Socket | tls.TLSSocket | null) => void;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function secureOver(socket: net.Socket, host: string, destination: DestinationTls): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      ...(net.isIP(host) ? {} : { servername: host }),
      ALPNProtocols: ['http/1.1'],
      ...(destination.ca?.length ? { ca: [...tls.rootCertificates, ...destination.ca] } : {}),
    });
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', (error) => {
      secure.destroy();
      reject(error);
    });
  });
}

/** Adds a header to undici's request headers (flat array, array of pairs or object) unless present. */
function withHeader(
  headers: Dispatcher.DispatchOptions['headers'],
  name: string,
  value: string,
): Dispatcher.DispatchOptions['headers'] {
  if (!headers) return { [name]: value };
  if (Array.isArray(headers)) {
    const flat = (headers as unknown[]).flat() as string[];
    for (let i = 0; i < flat.length; i += 2) if (String(flat[i]).toLowerCase() === name) return flat;
    return [...flat, name, value];
  }
  const record = headers as Record<string, string | string[] | undefined>;
  if (Object.keys(record).some((k) => k.toLowerCase() === name)) return record;
  return { ...record, [name]: value };
}

export class ProxyDispatcher extends Dispatcher {
  readonly proxy: ProxyEndpoint;
  // TypeScript-private rather than #private: undici's compose() wraps the
  // dispatcher in a Proxy, and methods called through it must reach these.
  private readonly tunnels: Agent;
  private readonly forward: Pool | undefined;
  private readonly forwardOrigin: string;
  private readonly proxyAuthorization: DestinationTls['proxyAuthorization'];

  constructor(proxy: ProxyEndpoint, connector: ProxyConnector, destination: DestinationTls = {}) {
    super();
    this.proxy = proxy;
    this.proxyAuthorization = destination.proxyAuthorization?.bind(destination);
    const connectTunnel = (options: ConnectOptions, callback: ConnectCallback) => {
      const host = unbracket(options.hostname);
      const port = Number(options.port) || DEFAULT_PORTS[options.protocol] || 80;
      openTunnel(proxy, host, port, connector, this.proxyAuthorization)
        .catch((error: unknown) => {
          if (error instanceof ProxyConnectionError) destination.onProxyFailure?.(proxy, error.netError);
          throw error;
        })
        .then((socket): Promise<net.Socket> | net.Socket =>
          options.protocol === 'https:' || options.protocol === 'wss:'
            ? destination.secure
              ? destination.secure(socket, { host, port, alpn: ['http/1.1'] })
              : secureOver(socket, host, destination)
            : socket,
        )
        .then(
          (socket) => callback(null, socket),
          (error: Error) => callback(error, null),
        );
    };
    this.tunnels = new Agent({ connect: connectTunnel as never });
    const hostForUrl = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
    this.forwardOrigin = `${proxy.scheme === 'https' ? 'https' : 'http'}://${hostForUrl}:${proxy.port}`;
    if (proxy.scheme === 'http' || proxy.scheme === 'https') {
      const connectProxy = (_options: ConnectOptions, callback: ConnectCallback) => {
        connector.connect({ host: proxy.host, port: proxy.port, tls: proxy.scheme === 'https', servername: proxy.host }).then(
          (socket) => callback(null, socket),
          (error: Error) => {
            const failure = proxyUnreachable(proxy, error);
            destination.onProxyFailure?.(proxy, failure.netError);
            callback(failure, null);
          },
        );
      };
      this.forward = new Pool(this.forwardOrigin, { connect: connectProxy as never });
    }
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = new URL(String(options.origin));
    // A WebSocket handshake goes through a tunnel even to an http: origin, as Chromium sends it.
    if (this.forward && origin.protocol === 'http:' && !options.upgrade) {
      let headers = withHeader(options.headers, 'host', origin.host);
      headers = withHeader(headers, 'proxy-connection', 'keep-alive');
      const path = `${origin.origin}${options.path}`;
      const authorization = this.proxyAuthorization?.(String(options.method), path);
      if (authorization) headers = withHeader(headers, 'proxy-authorization', authorization);
      return this.forward.dispatch({ ...options, origin: this.forwardOrigin, path, headers }, handler);
    }
    return this.tunnels.dispatch(options, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const done = Promise.all([this.tunnels.close(), this.forward?.close()]).then(() => undefined);
    if (!callback) return done;
    void done.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const error = typeof first === 'function' ? null : (first ?? null);
    const callback = typeof first === 'function' ? first : second;
    const done = Promise.all([this.tunnels.destroy(error), this.forward?.destroy(error)]).then(() => undefined);
    if (!callback) return done;
    void done.then(callback);
  }
}

/** The connector the fixtures and tests use: plain Node sockets with the system's resolver. */
export function systemProxyConnector(options: { ca?: string[] } = {}): ProxyConnector {
  return {
    connect: ({ host, port, tls: useTls, servername }) =>
      new Promise((resolve, reject) => {
        const socket = useTls
          ? tls.connect({
              host,
              port,
              ...(servername && !net.isIP(servername) ? { servername } : {}),
              ...(options.ca?.length ? { ca: [...tls.rootCertificates, ...options.ca] } : {}),
            })
          : net.connect({ host, port });
        socket.once(useTls ? 'secureConnect' : 'connect', () => resolve(socket));
        socket.once('error', reject);
      }),
    resolveIPv4: async (host) => {
      const { lookup } = await import('node:dns/promises');
      try {
        return (await lookup(host, { all: true, family: 4 })).map((a) => a.address);
      } catch {
        return [];
      }
    },
  };
}
