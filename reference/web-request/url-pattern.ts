// Chromium's extension match patterns (extensions/common/url_pattern.cc) as
// Electron's webRequest filters use them: every scheme is valid
// (URLPattern::SCHEME_ALL), `<all_urls>` matches any URL, `*` as a scheme
// means http or https, `*.` in the host matches subdomains (never of IP
// addresses), a port is `*` or a number for schemes that have ports, and in
// the path only `*` is special. Parse failures carry Chromium's messages.
// Which schemes are standard (`app://host/path` against `app:path`) is
// url::IsStandard's answer: Chromium's own list plus the schemes the app
// registered as standard (reference/app/url-schemes.ts), which then match by
// host like http but have no port.

import type { UrlSchemes } from '../app/url-schemes.ts';

/** The app's registered standard schemes, as url::IsStandard consults them. */
export type RegisteredSchemes = Pick<UrlSchemes, 'isStandard'>;

const NO_REGISTERED_SCHEMES: RegisteredSchemes = { isStandard: () => false };

/** Chromium's ParseResult messages, as GetParseResultString returns them. */
export const PARSE_ERRORS = {
  missingSchemeSeparator: 'Missing scheme separator.',
  invalidScheme: 'Invalid scheme.',
  wrongSchemeType: 'Wrong scheme type.',
  emptyHost: 'Host can not be empty.',
  invalidHostWildcard: 'Invalid host wildcard.',
  emptyPath: 'Empty path.',
  invalidPort: 'Invalid port.',
  invalidHost: 'Invalid host.',
} as const;

export type ParseError = (typeof PARSE_ERRORS)[keyof typeof PARSE_ERRORS];

/** url::IsStandard for the schemes Chromium and Electron themselves register as standard. */
const STANDARD_SCHEMES = new Set([
  'http',
  'https',
  'ws',
  'wss',
  'ftp',
  'file',
  'filesystem',
  'chrome',
  'chrome-extension',
  'chrome-untrusted',
  'devtools',
]);

const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };

function isStandardScheme(scheme: string, registered: RegisteredSchemes): boolean {
  // "*" gets the same treatment as a standard scheme; url::IsStandard ignores case.
  const lower = scheme.toLowerCase();
  return scheme === '*' || STANDARD_SCHEMES.has(lower) || registered.isStandard(lower);
}

function isValidPortForScheme(scheme: string, port: string): boolean {
  if (port === '*') return true;
  if (DEFAULT_PORTS[scheme.toLowerCase()] === undefined) return false;
  if (!/^[+-]?\d+$/.test(port)) return false;
  const value = Number(port);
  return value >= 0 && value < 65536;
}

/** net::CanonicalizeHost, through the WHATWG host parser; '' when the host is not valid. */
function canonicalHost(host: string): string {
  try {
    return new URL(`http://${host}/`).host;
  } catch {
    return '';
  }
}

function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}

/** base::MatchPattern over a path whose `?` and `\` Chromium escaped: only `*` is a wildcard. */
function pathMatcher(path: string): RegExp {
  const source = path
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${source}$`);
}

/** The parts of a URL Chromium matches against (GURL's view of it). */
interface UrlParts {
  scheme: string;
  host: string;
  port: number;
  pathForRequest: string;
}

function partsOf(url: URL, registered: RegisteredSchemes): UrlParts {
  const scheme = url.protocol.slice(0, -1);
  if (!isStandardScheme(scheme, registered)) {
    // A non-standard URL has no host in GURL: everything after the colon is its path.
    const afterColon = url.href.slice(url.protocol.length).replace(/#.*$/s, '');
    return { scheme, host: '', port: -1, pathForRequest: afterColon };
  }
  const port = url.port ? Number(url.port) : (DEFAULT_PORTS[scheme] ?? -1);
  return {
    scheme,
    host: scheme === 'file' ? '' : url.host.replace(/:\d+$/, ''),
    port,
    pathForRequest: `${url.pathname}${url.search}`,
  };
}

export class UrlPattern {
  readonly source: string;
  readonly #matchAll: boolean;
  readonly #scheme: string;
  readonly #host: string;
  readonly #subdomains: boolean;
  readonly #port: string;
  readonly #path: string;
  readonly #pathRegExp: RegExp;
  readonly #registered: RegisteredSchemes;

  private constructor(
    source: string,
    registered: RegisteredSchemes,
    parts: { matchAll: boolean; scheme: string; host: string; subdomains: boolean; port: string; path: string },
  ) {
    this.source = source;
    this.#registered = registered;
    this.#matchAll = parts.matchAll;
    this.#scheme = parts.scheme;
    this.#host = parts.host;
    this.#subdomains = parts.subdomains;
    this.#port = parts.port;
    this.#path = parts.path;
    this.#pathRegExp = pathMatcher(parts.path);
  }

  /**
   * URLPattern::Parse with SCHEME_ALL, where `registered` holds the app's
   * standard schemes (they stay the pattern's for matching); the error
   * message on failure.
   */
  static parse(pattern: string, registered: RegisteredSchemes = NO_REGISTERED_SCHEMES): UrlPattern | { error: ParseError } {
    if (pattern === '<all_urls>') {
      return new UrlPattern(pattern, registered, {
        matchAll: true,
        scheme: '*',
        host: '',
        subdomains: true,
        port: '*',
        path: '/*',
      });
    }
    let schemeEnd = pattern.indexOf('://');
    const standardSeparator = schemeEnd >= 0;
    if (!standardSeparator) schemeEnd = pattern.indexOf(':');
    if (schemeEnd < 0) return { error: PARSE_ERRORS.missingSchemeSeparator };
    const scheme = pattern.slice(0, schemeEnd);
    const standard = isStandardScheme(scheme, registered);
    if (standard !== standardSeparator) return { error: PARSE_ERRORS.wrongSchemeType };
    const hostStart = schemeEnd + (standard ? 3 : 1);
    if (hostStart >= pattern.length) return { error: PARSE_ERRORS.emptyHost };

    let host = '';
    let subdomains = false;
    let port = '*';
    let pathStart: number;
    if (!standard) {
      pathStart = hostStart;
    } else if (scheme === 'file') {
      const hostEnd = pattern.indexOf('/', hostStart);
      // file://foo* means file:///foo*; any host of a file pattern is ignored.
      pathStart = hostEnd < 0 ? hostStart - 1 : hostEnd;
    } else {
      const hostEnd = pattern.indexOf('/', hostStart);
      if (hostEnd === hostStart) return { error: PARSE_ERRORS.emptyHost };
      if (hostEnd < 0) return { error: PARSE_ERRORS.emptyPath };
      const hostAndPort = pattern.slice(hostStart, hostEnd);
      let portSeparator = -1;
      if (!hostAndPort.startsWith('[')) {
        portSeparator = hostAndPort.indexOf(':');
      } else {
        const ipv6End = hostAndPort.indexOf(']');
        if (ipv6End < 0) return { error: PARSE_ERRORS.invalidHost };
        if (ipv6End === 1) return { error: PARSE_ERRORS.emptyHost };
        if (ipv6End < hostAndPort.length - 1) {
          if (hostAndPort[ipv6End + 1] !== ':') return { error: PARSE_ERRORS.invalidHost };
          portSeparator = ipv6End + 1;
        }
      }
      if (portSeparator >= 0) {
        port = hostAndPort.slice(portSeparator + 1);
        if (!isValidPortForScheme(scheme, port)) return { error: PARSE_ERRORS.invalidPort };
      }
      host = portSeparator >= 0 ? hostAndPort.slice(0, portSeparator) : hostAndPort;
      if (host === '') return { error: PARSE_ERRORS.emptyHost };
      if (host === '*') {
        subdomains = true;
        host = '';
      } else if (host.startsWith('*.')) {
        if (host.length === 2) return { error: PARSE_ERRORS.emptyHost };
        subdomains = true;
        host = host.slice(2);
      }
      pathStart = hostEnd;
    }
    const path = pattern.slice(pathStart);
    if (host.includes('*')) return { error: PARSE_ERRORS.invalidHostWildcard };
    if (host !== '') {
      host = canonicalHost(host);
      if (host === '') return { error: PARSE_ERRORS.invalidHost };
    }
    return new UrlPattern(pattern, registered, { matchAll: false, scheme, host, subdomains, port, path });
  }

  /** URLPattern::MatchesURL. */
  matches(url: URL): boolean {
    const test = partsOf(url, this.#registered);
    // `*` stands for http and https only; <all_urls> keeps every scheme.
    if (this.#scheme === '*' && !this.#matchAll && test.scheme !== 'http' && test.scheme !== 'https') return false;
    if (this.#scheme !== '*' && test.scheme !== this.#scheme) return false;
    if (this.#matchAll) return true;
    if (this.#scheme !== 'file' && !this.#matchesHost(test.host)) return false;
    if (this.#port !== '*' && this.#port !== String(test.port)) return false;
    // Only the wildcard pattern matches URLs without a path.
    if (test.pathForRequest === '') return false;
    return this.#matchesPath(test.pathForRequest);
  }

  #matchesHost(testHost: string): boolean {
    const test = withoutTrailingDot(testHost);
    const pattern = withoutTrailingDot(this.#host);
    if (test === pattern) return true;
    if (this.#subdomains && pattern === '') return true;
    if (!this.#subdomains || isIpAddress(test)) return false;
    return test.length > pattern.length + 1 && test.endsWith(pattern) && test[test.length - pattern.length - 1] === '.';
  }

  #matchesPath(test: string): boolean {
    // 'http://host/foo/*' also matches 'http://host/foo'.
    if (this.#path === `${test}/*`) return true;
    return this.#pathRegExp.test(test);
  }
}
