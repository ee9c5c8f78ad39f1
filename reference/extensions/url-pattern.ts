// URLPattern::Parse for manifest host permissions: whether a string is a
// match pattern under a scheme mask, and what it matches. Chromium's
// extensions/common/url_pattern.cc: "<all_urls>"; else a scheme taken
// verbatim (no case folding) that the mask must hold ("*" stands for http
// and https); "://" after a standard scheme, ":" after any other; for
// file, any host is ignored (and may be left out); for the rest a host of
// "*", "*.domain" or a name the URL parser canonicalizes, an optional port
// (a number only for schemes that have a default port, or "*"), and a path
// starting with "/".

export type ParseResult =
  | 'success'
  | 'missing-scheme-separator'
  | 'invalid-scheme'
  | 'wrong-scheme-separator'
  | 'empty-host'
  | 'invalid-host-wildcard'
  | 'empty-path'
  | 'invalid-port'
  | 'invalid-host';

export interface ParsedPattern {
  readonly result: ParseResult;
  readonly matchAllUrls: boolean;
  readonly scheme: string;
}

/** Schemes url::IsStandard knows in a content embedder ("*" counts as one). */
const STANDARD_SCHEMES = new Set([
  '*',
  'http',
  'https',
  'file',
  'ftp',
  'ws',
  'wss',
  'chrome',
  'chrome-extension',
  'chrome-untrusted',
]);
/** url::DefaultPortForScheme: only these take a numeric port. */
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };

function validPort(scheme: string, port: string): boolean {
  if (port === '*') return true;
  if (!Object.hasOwn(DEFAULT_PORTS, scheme)) return false;
  // base::StringToInt takes a sign.
  if (!/^[+-]?\d+$/.test(port)) return false;
  const value = Number(port);
  return value >= 0 && value < 65536;
}

/**
 * net::CanonicalizeHost, through the WHATWG URL parser: the canonical host,
 * or '' when it fails. Chromium escapes a space (raw or as %20) where WHATWG
 * refuses it, and decodes no punycode in an all-ASCII host (so an "xn--"
 * label that decodes to nothing is kept), so those are neutralized first.
 */
function canonicalHost(host: string): string {
  if (/[\t\n\r/?#\\@]/.test(host)) return '';
  let probe = host.replace(/ |%20/g, 'x');
  if (/^[\x21-\x7e]*$/.test(probe)) probe = probe.replace(/(^|\.)xn--/gi, '$1xx--');
  try {
    return new URL(`http://${probe}/`).hostname;
  } catch {
    return '';
  }
}

function failed(result: ParseResult, scheme = ''): ParsedPattern {
  return { result, matchAllUrls: false, scheme };
}

/** Parses `pattern` with the schemes `validSchemes` holds (the mask of the caller). */
export function parseUrlPattern(pattern: string, validSchemes: ReadonlySet<string>): ParsedPattern {
  if (pattern === '<all_urls>') return { result: 'success', matchAllUrls: true, scheme: '*' };
  let schemeEnd = pattern.indexOf('://');
  const standardSeparator = schemeEnd >= 0;
  if (!standardSeparator) schemeEnd = pattern.indexOf(':');
  if (schemeEnd < 0) return failed('missing-scheme-separator');
  const scheme = pattern.slice(0, schemeEnd);
  if (scheme !== '*' && !validSchemes.has(scheme)) return failed('invalid-scheme', scheme);
  const standard = STANDARD_SCHEMES.has(scheme);
  if (standard !== standardSeparator) return failed('wrong-scheme-separator', scheme);
  const hostStart = schemeEnd + (standard ? 3 : 1);
  if (hostStart >= pattern.length) return failed('empty-host', scheme);
  if (!standard || scheme === 'file') return { result: 'success', matchAllUrls: false, scheme };

  const hostEnd = pattern.indexOf('/', hostStart);
  if (hostEnd === hostStart) return failed('empty-host', scheme);
  if (hostEnd < 0) return failed('empty-path', scheme);
  const hostAndPort = pattern.slice(hostStart, hostEnd);
  let portSeparator = -1;
  if (!hostAndPort.startsWith('[')) {
    portSeparator = hostAndPort.indexOf(':');
  } else {
    const close = hostAndPort.indexOf(']');
    if (close < 0) return failed('invalid-host', scheme);
    if (close === 1) return failed('empty-host', scheme);
    if (close < hostAndPort.length - 1) {
      if (hostAndPort[close + 1] !== ':') return failed('invalid-host', scheme);
      portSeparator = close + 1;
    }
  }
  if (portSeparator >= 0 && !validPort(scheme, hostAndPort.slice(portSeparator + 1))) return failed('invalid-port', scheme);
  let host = portSeparator >= 0 ? hostAndPort.slice(0, portSeparator) : hostAndPort;
  if (host === '') return failed('empty-host', scheme);
  if (host === '*') host = '';
  else if (host.startsWith('*.')) {
    if (host.length === 2) return failed('empty-host', scheme);
    host = host.slice(2);
  }
  if (host.includes('*')) return failed('invalid-host-wildcard', scheme);
  if (host !== '' && (canonicalHost(host) === '' || host.includes('\0'))) return failed('invalid-host', scheme);
  return { result: 'success', matchAllUrls: false, scheme };
}
