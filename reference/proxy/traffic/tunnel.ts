// Opening a byte stream to host:port through one proxy, as Chromium's
// connect jobs do: an HTTP CONNECT tunnel through an HTTP proxy (over TLS to
// the proxy for an HTTPS proxy), SOCKS4 with the name resolved locally
// (IPv4 only, as Chromium's SOCKS4 client does), or SOCKS5 with the name sent
// for the proxy to resolve. Failures carry Chromium's net error names. A
// CONNECT may carry the session's Proxy-Authorization; a 407 answer is a
// ProxyAuthRequired that hands the proxy's challenges to whoever can answer
// them (the network stack's proxy-auth stage).

import net from 'node:net';
import { SocksClient } from 'socks';
import type { ProxyEndpoint } from '../proxy-server.ts';

/** How the session reaches a proxy (its own resolver, TCP, and TLS verification). */
export interface ProxyConnector {
  connect(options: { host: string; port: number; tls: boolean; servername?: string }): Promise<net.Socket>;
  /** IPv4 addresses of a host name, for SOCKS4. */
  resolveIPv4(host: string): Promise<string[]>;
}

/** A proxy-side failure, named as Chromium names it. */
export class ProxyConnectionError extends Error {
  override readonly name = 'ProxyConnectionError';
  constructor(
    readonly netError: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`net::${netError}: ${message}`, options);
  }
}

/**
 * The proxy answered CONNECT with 407. The stack answers the challenges and
 * opens the tunnel again, or gives the 407 head to the caller (whose body
 * it never reads: ERR_TUNNEL_CONNECTION_FAILED, as Chromium blocks it).
 */
export class ProxyAuthRequired extends ProxyConnectionError {
  constructor(
    readonly proxy: ProxyEndpoint,
    readonly statusText: string,
    /** The 407's header lines, names as the proxy sent them. */
    readonly headerLines: [string, string][],
  ) {
    super('ERR_PROXY_AUTH_REQUESTED', `proxy ${bracketed(proxy.host)}:${proxy.port} asks for authentication`);
  }

  /** The Proxy-Authenticate values, in order. */
  get challenges(): string[] {
    return this.headerLines.filter(([name]) => name.toLowerCase() === 'proxy-authenticate').map(([, value]) => value);
  }
}

function headLines(head: string): { statusText: string; lines: [string, string][] } {
  const [statusLine = '', ...rest] = head.split(/\r?\n/);
  const lines: [string, string][] = [];
  for (const line of rest) {
    const colon = line.indexOf(':');
    if (colon > 0) lines.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { statusText: /^HTTP\/\d\.\d \d{3} ?(.*)$/.exec(statusLine)?.[1] ?? '', lines };
}

function bracketed(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Why the proxy itself could not be reached: its certificate (the proxy's, not the site's), or anything else. */
export function proxyUnreachable(proxy: ProxyEndpoint, error: unknown): ProxyConnectionError {
  // Node names certificate problems (CERT_HAS_EXPIRED, ...); a session's stack gives Chromium's -2xx codes.
  const code = (error as { code?: string | number }).code ?? '';
  const tlsProblem =
    typeof code === 'number' ? code <= -200 && code > -300 : /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code);
  return new ProxyConnectionError(
    tlsProblem ? 'ERR_PROXY_CERTIFICATE_INVALID' : 'ERR_PROXY_CONNECTION_FAILED',
    `cannot reach proxy ${bracketed(proxy.host)}:${proxy.port}`,
    { cause: error },
  );
}

async function connectToProxy(proxy: ProxyEndpoint, connector: ProxyConnector): Promise<net.Socket> {
  try {
    return await connector.connect({ host: proxy.host, port: proxy.port, tls: proxy.scheme === 'https', servername: proxy.host });
  } catch (error) {
    throw proxyUnreachable(proxy, error);
  }
}

/** Sends CONNECT (with the session's Proxy-Authorization, if any) and waits for the proxy's answer head. */
function httpConnect(
  proxy: ProxyEndpoint,
  socket: net.Socket,
  host: string,
  port: number,
  authorization?: string,
): Promise<net.Socket> {
  const authority = `${bracketed(host)}:${port}`;
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const fail = (netError: string, message: string) => {
      cleanup();
      socket.destroy();
      reject(new ProxyConnectionError(netError, message));
    };
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 64 * 1024) fail('ERR_RESPONSE_HEADERS_TOO_BIG', 'tunnel response head too large');
        return;
      }
      cleanup();
      const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      const rest = head.subarray(end + 4);
      if (status === 407) {
        cleanup();
        socket.destroy();
        const { statusText, lines } = headLines(head.subarray(0, end).toString('latin1'));
        return reject(new ProxyAuthRequired(proxy, statusText, lines));
      }
      if (status !== 200) return fail('ERR_TUNNEL_CONNECTION_FAILED', `the proxy answered CONNECT with ${status}`);
      if (rest.length) socket.unshift(rest);
      resolve(socket);
    };
    const onClose = () => fail('ERR_TUNNEL_CONNECTION_FAILED', 'the proxy closed the connection during CONNECT');
    const onError = (error: Error) => fail('ERR_TUNNEL_CONNECTION_FAILED', error.message);
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
    const credentials = authorization ? `Proxy-Authorization: ${authorization}\r\n` : '';
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\nProxy-Connection: keep-alive\r\n${credentials}\r\n`);
  });
}

async function socksConnect(
  proxy: ProxyEndpoint,
  socket: net.Socket,
  host: string,
  port: number,
  connector: ProxyConnector,
): Promise<net.Socket> {
  let destination = host;
  if (proxy.scheme === 'socks4' && !net.isIPv4(host)) {
    if (net.isIPv6(host))
      throw new ProxyConnectionError('ERR_SOCKS_CONNECTION_FAILED', 'SOCKS4 cannot carry an IPv6 destination');
    const addresses = await connector.resolveIPv4(host);
    if (!addresses[0]) throw new ProxyConnectionError('ERR_NAME_NOT_RESOLVED', `${host} does not resolve to IPv4`);
    destination = addresses[0];
  }
  try {
    const { socket: tunnel } = await SocksClient.createConnection({
      proxy: { host: proxy.host, port: proxy.port, type: proxy.scheme === 'socks4' ? 4 : 5 },
      command: 'connect',
      destination: { host: destination, port },
      existing_socket: socket,
      timeout: 30_000,
    });
    return tunnel;
  } catch (error) {
    socket.destroy();
    const unreachable = /Host unreachable|rejected|Rejected/i.test(String((error as Error).message));
    throw new ProxyConnectionError(
      unreachable ? 'ERR_SOCKS_CONNECTION_HOST_UNREACHABLE' : 'ERR_SOCKS_CONNECTION_FAILED',
      String((error as Error).message),
      { cause: error },
    );
  }
}

/**
 * A connected stream to host:port through `proxy` (TLS to the destination is
 * the caller's). `authorization` gives the Proxy-Authorization for a CONNECT.
 */
export async function openTunnel(
  proxy: ProxyEndpoint,
  host: string,
  port: number,
  connector: ProxyConnector,
  authorization?: (method: string, uri: string) => string | undefined,
): Promise<net.Socket> {
  const socket = await connectToProxy(proxy, connector);
  if (proxy.scheme === 'socks4' || proxy.scheme === 'socks5') return socksConnect(proxy, socket, host, port, connector);
  if (proxy.scheme === 'quic') {
    socket.destroy();
    throw new ProxyConnectionError('ERR_NO_SUPPORTED_PROXIES', 'QUIC proxies are not supported');
  }
  return httpConnect(proxy, socket, host, port, authorization?.('CONNECT', `${bracketed(host)}:${port}`));
}
