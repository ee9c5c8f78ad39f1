// The `[user[:pass]@]host[:port]` splitting and port parsing of Chromium's URL
// parser (url::ParseAuthority, url::ParsePort, net::ParseHostAndPort) and its
// host canonicalization, which proxy specifications and bypass rules reuse.

import { parseIPv6 } from './ip-address.ts';

/** A slice of the input: `undefined` when the component is absent (Chromium's invalid component). */
export interface Authority {
  username?: string;
  password?: string;
  hostname?: string;
  port?: string;
}

/** url::ParseAuthority: the last `@` splits user info from server info. */
export function parseAuthority(text: string): Authority {
  if (text.length === 0) return {};
  const at = text.lastIndexOf('@');
  if (at < 0) return parseServerInfo(text);
  const userInfo = text.slice(0, at);
  const colon = userInfo.indexOf(':');
  const user: Authority =
    colon < 0 ? { username: userInfo } : { username: userInfo.slice(0, colon), password: userInfo.slice(colon + 1) };
  return { ...user, ...parseServerInfo(text.slice(at + 1)) };
}

/** url::DoParseServerInfo: a colon after the last `]` (if any) starts the port. */
function parseServerInfo(text: string): Authority {
  if (text.length === 0) return {};
  let ipv6Terminator = text.startsWith('[') ? text.length : -1;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ']') ipv6Terminator = i;
    else if (text[i] === ':') colon = i;
  }
  if (colon > ipv6Terminator) {
    const hostname = text.slice(0, colon);
    return { ...(hostname ? { hostname } : {}), port: text.slice(colon + 1) };
  }
  return { hostname: text };
}

export const PORT_UNSPECIFIED = -1;
export const PORT_INVALID = -2;

/** url::ParsePort: leading zeros skipped, at most five digits, up to 65535. */
export function parsePort(text: string | undefined): number {
  if (!text) return PORT_UNSPECIFIED;
  const digits = text.replace(/^0+/, '');
  if (digits.length === 0) return 0;
  if (digits.length > 5 || !/^[0-9]+$/.test(digits)) return PORT_INVALID;
  const port = Number(digits);
  return port > 65535 ? PORT_INVALID : port;
}

/**
 * net::ParseHostAndPort: `host[:port]` with no user info, brackets removed
 * from a valid IPv6 literal; port -1 when absent. Null when malformed.
 */
export function parseHostAndPort(text: string): { host: string; port: number } | null {
  if (text.length === 0) return null;
  const authority = parseAuthority(text);
  if (authority.username !== undefined || authority.password !== undefined) return null;
  if (!authority.hostname) return null;
  let port = -1;
  if (authority.port !== undefined) {
    if (authority.port.length === 0) return null;
    port = parsePort(authority.port);
    if (port < 0) return null;
  }
  let host = authority.hostname;
  if (host.startsWith('[')) {
    if (!host.endsWith(']') || !parseIPv6(host.slice(1, -1))) return null;
    host = host.slice(1, -1);
  }
  return { host, port };
}

// Characters that end or are not allowed in a special URL's host (the URL
// standard's forbidden host code points, plus the delimiters of a URL).
const FORBIDDEN_HOST = /[\u0000-\u0020#%/:<>?@[\\\]^|\u007f]/u;

/**
 * url::CanonicalizeHost for a host of a special URL: IDNA, lower case, IPv4
 * and IPv6 canonical forms. Returns null when the host is invalid or empty.
 * `host` may be an IPv6 literal in brackets.
 */
export function canonicalizeHost(host: string): string | null {
  if (host.length === 0) return null;
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) return null;
    const address = parseIPv6(host.slice(1, -1));
    if (!address) return null;
    return new URL(`http://${host}/`).hostname;
  }
  // Percent-escapes are decoded by the URL parser; check the decoded text too.
  let decoded: string;
  try {
    decoded = decodeURIComponent(host);
  } catch {
    decoded = host;
  }
  if (FORBIDDEN_HOST.test(host.replace(/%/g, '')) || /[\u0000-\u0020#/:<>?@[\\\]^|\u007f]/u.test(decoded)) return null;
  try {
    const hostname = new URL(`http://${host}/`).hostname;
    return hostname.length ? hostname : null;
  } catch {
    return null;
  }
}
