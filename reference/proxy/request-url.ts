// The URL a proxy decision is made for, read the way GURL reads it: special
// schemes (http, https, ws, wss, ftp, file) have a canonical host and port;
// any other scheme has no host, and a string that does not parse is the empty,
// invalid URL (what Electron hands the network service for it). Also the
// sanitizing Chromium applies before a URL reaches a PAC script.

import { parseIPLiteral, type IpAddress } from './ip-address.ts';

export interface RequestUrl {
  readonly valid: boolean;
  /** Lower-case scheme without the colon; '' for the invalid URL. */
  readonly scheme: string;
  /** GURL::host(): IPv6 literals keep their brackets; '' when there is none. */
  readonly host: string;
  /** GURL::HostNoBrackets(). */
  readonly hostNoBrackets: string;
  /** The IP when the host is an IP literal. */
  readonly ip: IpAddress | null;
  /** GURL::EffectiveIntPort(): explicit port, else the scheme's default, else -1. */
  readonly effectivePort: number;
  /** The canonical spec. */
  readonly spec: string;
  /** The parsed WHATWG URL, for sanitizing; null when invalid or hostless. */
  readonly parsed: URL | null;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);

export const INVALID_URL: RequestUrl = Object.freeze({
  valid: false,
  scheme: '',
  host: '',
  hostNoBrackets: '',
  ip: null,
  effectivePort: -1,
  spec: '',
  parsed: null,
});

function fromParsed(url: URL): RequestUrl {
  const scheme = url.protocol.slice(0, -1);
  if (!SPECIAL_SCHEMES.has(scheme)) {
    return { valid: true, scheme, host: '', hostNoBrackets: '', ip: null, effectivePort: -1, spec: url.href, parsed: null };
  }
  const host = url.hostname;
  const hostNoBrackets = host.startsWith('[') ? host.slice(1, -1) : host;
  const ip = host === '' ? null : parseIPLiteral(hostNoBrackets);
  const effectivePort = url.port ? Number(url.port) : (DEFAULT_PORTS[scheme] ?? -1);
  return { valid: true, scheme, host, hostNoBrackets, ip, effectivePort, spec: url.href, parsed: url };
}

// Parsing dominates the cost of a fixed-rules decision, and applications
// resolve the same URLs again and again; a bounded cache keeps it cheap.
const CACHE_LIMIT = 2048;
const cache = new Map<string, RequestUrl>();

export function parseRequestUrl(text: string): RequestUrl {
  const hit = cache.get(text);
  if (hit) return hit;
  let result: RequestUrl;
  try {
    result = Object.freeze(fromParsed(new URL(text)));
  } catch {
    result = INVALID_URL;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** GURL::SchemeIsCryptographic. */
function isCryptographic(scheme: string): boolean {
  return scheme === 'https' || scheme === 'wss';
}

/**
 * The spec handed to a PAC script: no credentials and no fragment, and for
 * https/wss no path or query either, since the script is as trustworthy as
 * the network it came from.
 */
export function sanitizedSpecForPac(url: RequestUrl): string {
  if (!url.valid) return '';
  if (!url.parsed) return url.spec.replace(/#.*$/s, '');
  const copy = new URL(url.parsed.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  if (isCryptographic(url.scheme)) {
    copy.pathname = '/';
    copy.search = '';
  }
  return copy.href;
}
