// The URL a proxy decision is made for, read the way GURL reads it: special
// schemes (http, https, ws, wss, ftp, file) have a canonical host and port;
// a scheme the app registered as standard (app.urlSchemes, which Electron
// also registers in the network service) has a canonical host and no port;
// any other scheme has no host, and a string that does not parse is the empty,
// invalid URL (what Electron hands the network service for it). Also the
// sanitizing Chromium applies before a URL reaches a PAC script.
//
// Parsing dominates the cost of a fixed-rules decision, so plain URLs
// (`http://lower-case.host[:port]/...`) are read by a scanner that only
// accepts what the URL parser would leave unchanged; everything else goes to
// the WHATWG parser, and a bounded cache remembers recent answers.

import type { UrlSchemes } from '../app/url-schemes.ts';
import { parseIPLiteral, type IpAddress } from '../net/ip-address.ts';

/** The app's registered standard schemes and GURL's canonical form of their URLs. */
export type RegisteredSchemes = Pick<UrlSchemes, 'isStandard' | 'canonical'>;

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

function withHost(url: URL, scheme: string): RequestUrl {
  const host = url.hostname;
  const hostNoBrackets = host.startsWith('[') ? host.slice(1, -1) : host;
  const ip = host === '' ? null : parseIPLiteral(hostNoBrackets);
  const effectivePort = url.port ? Number(url.port) : (DEFAULT_PORTS[scheme] ?? -1);
  return { valid: true, scheme, host, hostNoBrackets, ip, effectivePort, spec: url.href, parsed: url };
}

function fromParsed(url: URL): RequestUrl {
  const scheme = url.protocol.slice(0, -1);
  if (!SPECIAL_SCHEMES.has(scheme)) {
    return { valid: true, scheme, host: '', hostNoBrackets: '', ip: null, effectivePort: -1, spec: url.href, parsed: null };
  }
  return withHost(url, scheme);
}

/**
 * A URL of a scheme the app registered as standard, read as GURL holds it
 * (host canonicalized as for http, no port); undefined for any other scheme.
 * Never cached: the answer depends on the app's registrations.
 */
function registeredStandard(text: string, registered: RegisteredSchemes): RequestUrl | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = text.slice(0, colon).trim().toLowerCase();
  if (SPECIAL_SCHEMES.has(scheme) || !registered.isStandard(scheme)) return undefined;
  let canonical: URL | null;
  try {
    canonical = registered.canonical(new URL(text));
  } catch {
    return INVALID_URL;
  }
  return canonical ? Object.freeze(withHost(canonical, scheme)) : INVALID_URL;
}

/** A URL the scanner read: spec and parsed URL are produced only when asked for. */
class ScannedUrl implements RequestUrl {
  /** Set on first use of `parsed`. */
  parsedLater: URL | undefined = undefined;

  constructor(
    readonly text: string,
    readonly scheme: string,
    readonly host: string,
    readonly effectivePort: number,
    readonly ip: IpAddress | null,
  ) {}

  get valid(): boolean {
    return true;
  }

  get hostNoBrackets(): string {
    return this.host;
  }

  get parsed(): URL {
    this.parsedLater ??= new URL(this.text);
    return this.parsedLater;
  }

  get spec(): string {
    return this.parsedLater ? this.parsedLater.href : (plainHref(this) ?? this.parsed.href);
  }
}

// A path and query the URL parser leaves as they are: no characters it
// escapes, no backslashes, no dot segments (written plainly or escaped).
const PLAIN_REST = /^[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*$/;
const DOT_SEGMENT = /\/(\.|%2e)(\.|%2e)?(\/|\?|$)/i;

/** The canonical href of a scanned URL without the URL parser, when its path and query are plain. */
function plainHref(url: ScannedUrl): string | undefined {
  const prefixLength = url.scheme.length + 3;
  let rest = url.text.slice(prefixLength + url.host.length);
  if (rest.startsWith(':')) rest = rest.replace(/^:\d+/, '');
  const hashAt = rest.indexOf('#');
  const fragment = hashAt < 0 ? '' : rest.slice(hashAt);
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  if (!PLAIN_REST.test(rest) || DOT_SEGMENT.test(rest) || fragment) return undefined;
  if (rest.includes('?') && rest.slice(rest.indexOf('?')).includes("'")) return undefined;
  const port = url.effectivePort === DEFAULT_PORTS[url.scheme] ? '' : `:${url.effectivePort}`;
  return `${url.scheme}://${url.host}${port}${rest.startsWith('/') ? rest : `/${rest}`}`;
}

type SchemePrefix = readonly [prefix: string, scheme: string];
const HTTP: SchemePrefix = ['http://', 'http'];
const HTTPS: SchemePrefix = ['https://', 'https'];
const WS: SchemePrefix = ['ws://', 'ws'];
const WSS: SchemePrefix = ['wss://', 'wss'];

/** Which lower-case special scheme the text starts with, compared code by code. */
function schemePrefix(text: string): SchemePrefix | undefined {
  const c0 = text.charCodeAt(0);
  if (c0 === 0x68 /* h */ && text.charCodeAt(1) === 0x74 && text.charCodeAt(2) === 0x74 && text.charCodeAt(3) === 0x70) {
    let i = 4;
    const secure = text.charCodeAt(4) === 0x73;
    if (secure) i++;
    if (text.charCodeAt(i) === 0x3a && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f)
      return secure ? HTTPS : HTTP;
    return undefined;
  }
  if (c0 === 0x77 /* w */ && text.charCodeAt(1) === 0x73) {
    let i = 2;
    const secure = text.charCodeAt(2) === 0x73;
    if (secure) i++;
    if (text.charCodeAt(i) === 0x3a && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f)
      return secure ? WSS : WS;
  }
  return undefined;
}

// Decimal octets without leading zeros: exactly what the URL parser writes back.
const CANONICAL_QUAD = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

function isHostChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e; // a-z 0-9 - .
}

/**
 * The common case without the URL parser: a lower-case special scheme, a
 * lower-case name (not ending in a number, so never an IPv4 form, and no
 * punycode to validate), an optional plain port. Null means "use the parser".
 */
function scan(text: string): RequestUrl | null {
  const prefix = schemePrefix(text);
  if (!prefix) return null;
  const start = prefix[0].length;
  let i = start;
  while (i < text.length && isHostChar(text.charCodeAt(i))) i++;
  if (i === start) return null;
  const host = text.slice(start, i);
  // A last label starting with a digit is read as IPv4 (or refused) by the URL
  // parser; only the canonical dotted quad is read here.
  const trimmed = host.endsWith('.') ? host.slice(0, -1) : host;
  const first = trimmed.charCodeAt(trimmed.lastIndexOf('.') + 1);
  let ip: IpAddress | null = null;
  if (first >= 0x30 && first <= 0x39) {
    const quad = CANONICAL_QUAD.exec(host);
    if (!quad) return null;
    const bytes = [Number(quad[1]), Number(quad[2]), Number(quad[3]), Number(quad[4])];
    if (bytes.some((b) => b > 255)) return null;
    ip = { bytes };
  }
  if (host.includes('xn--')) return null;
  let port = DEFAULT_PORTS[prefix[1]]!;
  if (text.charCodeAt(i) === 0x3a) {
    const portStart = ++i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i === portStart || i - portStart > 5) return null;
    port = Number(text.slice(portStart, i));
    if (port > 65535) return null;
  }
  if (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x2f && c !== 0x3f && c !== 0x23) return null; // / ? #
  }
  return new ScannedUrl(text, prefix[1], host, port, ip);
}

const CACHE_LIMIT = 2048;
const cache = new Map<string, RequestUrl>();

/** Empties the parse cache (benchmarks measure cold parsing with it). */
export function clearRequestUrlCache(): void {
  cache.clear();
}

/** `text` as GURL reads it; `registered`: the app's standard schemes (none when absent). */
export function parseRequestUrl(text: string, registered?: RegisteredSchemes): RequestUrl {
  // Scanning is cheaper than a cache lookup; only the URL parser's answers are cached.
  const quick = scan(text);
  if (quick) return quick;
  const custom = registered && registeredStandard(text, registered);
  if (custom) return custom;
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
  if (isCryptographic(url.scheme) && url.host) {
    // Credentials, path, query and fragment all go: only the origin stays.
    const port = url.effectivePort === DEFAULT_PORTS[url.scheme] ? '' : `:${url.effectivePort}`;
    return `${url.scheme}://${url.host}${port}/`;
  }
  if (url instanceof ScannedUrl && !url.parsedLater) {
    const href = plainHref(url);
    if (href) return href;
  }
  if (!url.parsed) return url.spec.replace(/#.*$/s, '');
  const parsed = url.parsed;
  if (!isCryptographic(url.scheme) && !parsed.username && !parsed.password) {
    // Nothing to remove but the fragment ('#' appears in a special URL's href only as its delimiter).
    const href = parsed.href;
    const hashAt = href.indexOf('#');
    return hashAt < 0 ? href : href.slice(0, hashAt);
  }
  const copy = new URL(parsed.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  if (isCryptographic(url.scheme)) {
    copy.pathname = '/';
    copy.search = '';
  }
  return copy.href;
}
