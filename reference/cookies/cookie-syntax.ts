// Chromium's character and shape rules for the parts of a cookie given
// through the API (net/cookies/parsed_cookie, canonical_cookie): what a name,
// value, domain or path may contain, the default and canonical path, and the
// __Secure- / __Host- name prefixes.

const TERMINATORS = /[\r\n\0]/;
const WHITESPACE = /^[ \t]+|[ \t]+$/g;

/** The part of `text` a cookie-line parser would read as a token (a name): up to `=`, `;` or a terminator, trimmed. */
export function parseTokenString(text: string): string {
  const end = text.search(/[=;\r\n\0]/);
  return (end < 0 ? text : text.slice(0, end)).replace(WHITESPACE, '');
}

/** The part of `text` a cookie-line parser would read as a value: up to `;` or a terminator, trimmed. */
export function parseValueString(text: string): string {
  const end = text.search(/[;\r\n\0]/);
  return (end < 0 ? text : text.slice(0, end)).replace(WHITESPACE, '');
}

/** ASCII control characters other than horizontal tab. */
export function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u0008\u000a-\u001f\u007f]/.test(text);
}

export function hasTerminator(text: string): boolean {
  return TERMINATORS.test(text);
}

export const MAX_NAME_VALUE_BYTES = 4096;
export const MAX_ATTRIBUTE_BYTES = 1024;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** RFC 6265 default-path of a URL path: its directory, or `/`. */
export function defaultPath(urlPath: string): string {
  if (!urlPath.startsWith('/')) return '/';
  const last = urlPath.lastIndexOf('/');
  return last === 0 ? '/' : urlPath.slice(0, last);
}

/** The path a cookie gets: the attribute if it is absolute, else the URL's default path. */
export function cookiePathFor(url: URL, attribute: string): string {
  return attribute.startsWith('/') ? attribute : defaultPath(url.pathname);
}

/** A path as URL canonicalization writes it (dot segments resolved, unsafe characters escaped). */
export function canonicalizePath(cookiePath: string): string {
  try {
    // Everything is path here: `?` and `#` are escaped rather than starting a query or fragment.
    return new URL(`http://host.invalid${cookiePath.replace(/\?/g, '%3F').replace(/#/g, '%23')}`).pathname;
  } catch {
    return cookiePath;
  }
}

export type CookiePrefix = 'secure' | 'host' | 'none';

export function cookiePrefix(name: string, caseInsensitive: boolean): CookiePrefix {
  const subject = caseInsensitive ? name.toLowerCase() : name;
  if (subject.startsWith(caseInsensitive ? '__secure-' : '__Secure-')) return 'secure';
  if (subject.startsWith(caseInsensitive ? '__host-' : '__Host-')) return 'host';
  return 'none';
}

/**
 * Whether a name's prefix is honoured: `__Secure-` needs Secure from a secure
 * URL, `__Host-` also needs no domain attribute (or the URL's own IP) and path `/`.
 */
export function prefixIsValid(
  prefix: CookiePrefix,
  secureUrl: boolean,
  secure: boolean,
  domainAttribute: string,
  ipHost: string | null,
  path: string,
): boolean {
  if (prefix === 'none') return true;
  if (!secure || !secureUrl) return false;
  if (prefix === 'secure') return true;
  return path === '/' && (domainAttribute === '' || (ipHost !== null && domainAttribute === ipHost));
}

/** A nameless cookie whose value looks like a prefixed name would smuggle a prefix in. */
export function hasHiddenPrefix(value: string): boolean {
  return /^__(secure|host)-/i.test(value);
}
