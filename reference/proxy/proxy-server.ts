// One entry of a proxy list, as net::ProxyServer / net::ProxyChain hold it:
// DIRECT or a scheme with a canonical host and port. Parsed from the URI form
// of proxy rules (`socks5://host:port`, default scheme HTTP) and from PAC
// results (`PROXY host:port`), and written back in Chromium's PAC form.

import { canonicalizeHost, parseAuthority, parsePort, PORT_INVALID, PORT_UNSPECIFIED } from '../net/authority.ts';
import { trimAsciiWhitespace } from '../net/ip-address.ts';

export type ProxyScheme = 'http' | 'https' | 'socks4' | 'socks5' | 'quic';

export type ProxyServer =
  | { readonly scheme: 'direct' }
  | {
      readonly scheme: ProxyScheme;
      /** Canonical host without IPv6 brackets. */
      readonly host: string;
      readonly port: number;
    };

export type ProxyEndpoint = Exclude<ProxyServer, { scheme: 'direct' }>;

export const DIRECT: ProxyServer = Object.freeze({ scheme: 'direct' });

export interface ProxyParseOptions {
  /** Chromium before ~M119 accepted `quic://` in rules and `QUIC` in PAC results. */
  quic: boolean;
}

const DEFAULT_PORT: Record<ProxyScheme, number> = { http: 80, https: 443, socks4: 1080, socks5: 1080, quic: 443 };

/** HttpUtil::TrimLWS: only spaces and tabs. */
export function trimLws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** ProxyServer::FromSchemeHostAndPort. */
function fromSchemeHostAndPort(scheme: ProxyScheme, rawHost: string, portText: string): ProxyServer | null {
  const port = parsePort(portText);
  if (port === PORT_INVALID) return null;
  let host = trimAsciiWhitespace(rawHost);
  // IPv6 literals get the brackets URL canonicalization expects.
  if (host.length && !host.startsWith('[') && host.includes(':')) host = `[${host}]`;
  const canonical = canonicalizeHost(host);
  if (!canonical) return null;
  const unbracketed = canonical.startsWith('[') && canonical.endsWith(']') ? canonical.slice(1, -1) : canonical;
  return { scheme, host: unbracketed, port: port === PORT_UNSPECIFIED ? DEFAULT_PORT[scheme] : port };
}

/** ProxySchemeHostAndPortToProxyServer. */
function fromHostAndPort(scheme: ProxyScheme, hostAndPortText: string): ProxyServer | null {
  const hostAndPort = trimLws(hostAndPortText);
  const authority = parseAuthority(hostAndPort);
  if (authority.username !== undefined || authority.password !== undefined || !authority.hostname) return null;
  // "foo:" is refused, although URL parsing would allow it.
  if (authority.port !== undefined && authority.port.length === 0) return null;
  return fromSchemeHostAndPort(scheme, authority.hostname, authority.port ?? '');
}

function schemeFromUriScheme(name: string, options: ProxyParseOptions): ProxyScheme | null {
  switch (name.toLowerCase()) {
    case 'http':
      return 'http';
    case 'socks4':
      return 'socks4';
    case 'socks':
    case 'socks5':
      return 'socks5';
    case 'https':
      return 'https';
    case 'quic':
      return options.quic ? 'quic' : null;
    default:
      return null;
  }
}

/** ProxyUriToProxyChain: `[scheme://]host[:port]` or `direct://`; null when invalid. */
export function parseProxyUri(text: string, defaultScheme: ProxyScheme, options: ProxyParseOptions): ProxyServer | null {
  let uri = trimLws(text);
  const separator = uri.indexOf('://');
  if (separator >= 0 && uri.slice(0, separator).toLowerCase() === 'direct') {
    return uri.length === separator + 3 ? DIRECT : null;
  }
  let scheme: ProxyScheme | null = defaultScheme;
  const colon = uri.indexOf(':');
  if (colon >= 0 && uri.length - colon >= 3 && uri[colon + 1] === '/' && uri[colon + 2] === '/') {
    scheme = schemeFromUriScheme(uri.slice(0, colon), options);
    uri = uri.slice(colon + 3);
  }
  return scheme ? fromHostAndPort(scheme, uri) : null;
}

function schemeFromPacType(type: string, options: ProxyParseOptions): ProxyScheme | null {
  switch (type.toLowerCase()) {
    case 'proxy':
      return 'http';
    // SOCKS meant version 4 before "SOCKS4"/"SOCKS5" existed.
    case 'socks':
    case 'socks4':
      return 'socks4';
    case 'socks5':
      return 'socks5';
    case 'https':
      return 'https';
    case 'quic':
      return options.quic ? 'quic' : null;
    default:
      return null;
  }
}

/** PacResultElementToProxyChain: `DIRECT` or `<type> <host>[:<port>]`; null when invalid. */
export function parsePacElement(text: string, options: ProxyParseOptions): ProxyServer | null {
  const element = trimLws(text);
  let space = 0;
  while (space < element.length && element[space] !== ' ' && element[space] !== '\t') space++;
  const type = element.slice(0, space);
  const hostAndPort = element.slice(space);
  if (type.toLowerCase() === 'direct') return trimLws(hostAndPort).length === 0 ? DIRECT : null;
  const scheme = schemeFromPacType(type, options);
  return scheme ? fromHostAndPort(scheme, hostAndPort) : null;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

const PAC_TYPE: Record<ProxyScheme, string> = { http: 'PROXY', https: 'HTTPS', socks4: 'SOCKS', socks5: 'SOCKS5', quic: 'QUIC' };

/** ProxyServerToPacResultElement (SOCKS4 is written `SOCKS` for compatibility). */
export function formatPacElement(server: ProxyServer): string {
  if (server.scheme === 'direct') return 'DIRECT';
  return `${PAC_TYPE[server.scheme]} ${hostForUrl(server.host)}:${server.port}`;
}

/** ProxyServerToProxyUri / the `[...]` debug form the NetLog uses, without brackets. */
export function formatProxyUri(server: ProxyServer): string {
  if (server.scheme === 'direct') return 'direct://';
  const hostPort = `${hostForUrl(server.host)}:${server.port}`;
  return server.scheme === 'http' ? hostPort : `${server.scheme}://${hostPort}`;
}

export function sameProxy(a: ProxyServer, b: ProxyServer): boolean {
  if (a.scheme === 'direct' || b.scheme === 'direct') return a.scheme === b.scheme;
  return a.scheme === b.scheme && a.host === b.host && a.port === b.port;
}

/** A stable key for maps of proxies (the bad-proxy list). */
export function proxyKey(server: ProxyServer): string {
  return formatProxyUri(server);
}
