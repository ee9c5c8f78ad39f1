// The `[user[:pass]@]host[:port]` splitting and port parsing of Chromium's URL
// parser (url::ParseAuthority, url::ParsePort, net::ParseHostAndPort) and its
// host canonicalization, which proxy specifications, bypass rules and host resolver rules reuse.

import { domainToASCII } from 'node:url';
import { formatIp, parseIPv4, parseIPv6 } from './ip-address.ts';

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

// GURL's host character table for special URLs: letters are lower-cased,
// space and `*` are kept but percent-escaped (not yet URL-standard, see
// crbug.com/1416013), and the characters below are invalid.
const INVALID_HOST_CHARS = new Set(['#', '/', '<', '>', '?', '@', '\\', '^', '|', '\u007f']);

function escapeChar(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** DoSimpleHost over ASCII text: the canonical characters, or null if one is invalid. */
function simpleHost(text: string): string | null {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x20 || INVALID_HOST_CHARS.has(c)) return null;
    if (c === ' ' || c === '*') out += escapeChar(c);
    else out += code >= 0x41 && code <= 0x5a ? c.toLowerCase() : c;
  }
  return out;
}

/** Percent-decodes as UTF-8; null when an escape is malformed. */
function unescapeHost(text: string): string | null {
  if (/%(?![0-9a-fA-F]{2})/.test(text)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The URL standard's "ends in a number": the last label is decimal or 0x-hex. */
function endsInNumber(host: string): boolean {
  const labels = host.split('.');
  if (labels[labels.length - 1] === '' && labels.length > 1) labels.pop();
  const last = labels[labels.length - 1] ?? '';
  return /^[0-9]+$/.test(last) || /^0[xX][0-9a-fA-F]*$/.test(last);
}

/**
 * url::CanonicalizeHost for a special URL's host: percent-escapes decoded,
 * IDN to punycode, ASCII through GURL's table, IPv4 and IPv6 literals in
 * canonical form. Returns null when the host is invalid or empty. `host` may
 * be an IPv6 literal in brackets.
 */
export function canonicalizeHost(host: string): string | null {
  if (host.length === 0) return null;
  let text = host;
  if (/[%\u0080-\uffff]/.test(text)) {
    const unescaped = unescapeHost(text);
    if (unescaped === null) return null;
    text = unescaped;
    if (/[\u0080-\uffff]/.test(text)) {
      text = domainToASCII(text);
      if (!text) return null;
    }
  }
  const canonical = simpleHost(text);
  if (!canonical) return null;
  if (canonical.startsWith('[')) {
    if (!canonical.endsWith(']')) return null;
    const address = parseIPv6(canonical.slice(1, -1));
    return address ? `[${formatIp(address)}]` : null;
  }
  // Brackets or colons outside an IPv6 literal make the host invalid.
  if (/[[\]:]/.test(canonical)) return null;
  if (endsInNumber(canonical)) {
    const address = parseIPv4(canonical);
    return address ? formatIp(address) : null;
  }
  return canonical;
}
