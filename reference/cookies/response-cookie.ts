// A cookie from a Set-Cookie header, made the way Chromium's
// CanonicalCookie::Create makes it and CookieMonster then admits it: the same
// domain, prefix, size and Secure rules cookies.set applies (cookie-domain,
// cookie-syntax, checkStorable), on the line as ParsedCookie reads it.
// Differences from the API path are Chromium's own: a Path attribute that is
// empty or relative means the default path, taken from the request path as
// sent (percent-encoded, not canonicalized); Max-Age (an integer, with an
// optional sign) wins over Expires, and an unparsable one falls back to
// Expires; an insecure URL may neither overwrite nor shadow a Secure cookie;
// a __Host- cookie names its path `/` in a Path attribute.

import { parseDate, type Cookie } from 'tough-cookie';
import { checkStorable } from './cookie-details.ts';
import { cookieDomainFor, hostOf, isDomainMatch, isIpAddress } from './cookie-domain.ts';
import type { CookieEra, ElectronSameSite } from './cookie-era.ts';
import { chromiumDomain, newCookie, parsePriority } from './cookie-record.ts';
import { cookiePrefix, defaultPath, hasHiddenPrefix, prefixIsValid } from './cookie-syntax.ts';
import { isSecureSource } from './cookie-url.ts';
import { parseSetCookie } from './set-cookie-line.ts';

export type ResponseSameSiteContext = 'strict' | 'lax' | 'none' | undefined;

const SAME_SITE: Record<string, ElectronSameSite> = { strict: 'strict', lax: 'lax', none: 'no_restriction' };

/** Expiry in microseconds, null for a session cookie. */
function expiryOf(attributes: Map<string, string>, nowMs: number): number | null {
  const maxAge = attributes.get('max-age');
  if (maxAge !== undefined && /^[+-]?\d+$/.test(maxAge)) {
    const seconds = Number(maxAge);
    return seconds <= 0 ? 0 : nowMs * 1000 + seconds * 1e6;
  }
  const expires = attributes.get('expires');
  if (expires) {
    const date = parseDate(expires);
    if (date) return Math.max(0, date.getTime()) * 1000;
  }
  return null;
}

/** CanonicalCookie::Create for one header value; undefined when Chromium makes no cookie of it. */
export function cookieFromSetCookie(era: CookieEra, line: string, url: URL, nowMs: number): Cookie | undefined {
  const parsed = parseSetCookie(line);
  if (!parsed) return undefined;
  const { name, value, attributes } = parsed;
  const domainAttribute = attributes.get('domain') ?? '';
  const domain = cookieDomainFor(url, domainAttribute);
  if (domain === undefined) return undefined;
  const pathAttribute = attributes.get('path') ?? '';
  const path = pathAttribute.startsWith('/') ? pathAttribute : defaultPath(url.pathname);
  const secure = attributes.has('secure');
  const secureUrl = isSecureSource(url, era.secureSource);
  const host = hostOf(url);
  const prefix = cookiePrefix(name, era.caseInsensitivePrefixes);
  // A __Host- cookie needs a Path attribute of `/` (a default path of `/` is not enough).
  if (!prefixIsValid(prefix, secureUrl, secure, domainAttribute, isIpAddress(host) ? host : null, pathAttribute))
    return undefined;
  if (era.detailedValidation && name === '' && hasHiddenPrefix(value)) return undefined;
  if (attributes.has('partitioned') && !secure) return undefined;
  return newCookie({
    name,
    value,
    domain,
    path,
    secure,
    httpOnly: attributes.has('httponly'),
    sameSite: SAME_SITE[(attributes.get('samesite') ?? '').toLowerCase()] ?? 'unspecified',
    creationMs: nowMs,
    expiryMicros: expiryOf(attributes, nowMs),
    priority: parsePriority(attributes.get('priority')),
  });
}

/** Whether a path-matches b's path the RFC 6265 way (b's path is a prefix of a's on a segment boundary). */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/**
 * CookieMonster's checks before storing a response cookie: the URL's right to
 * Secure, SameSite=None needing Secure, the SameSite context of the response,
 * and (from an insecure URL) no overwriting or shadowing of a Secure cookie.
 */
export function admitsResponseCookie(
  era: CookieEra,
  cookie: Cookie,
  url: URL,
  context: ResponseSameSiteContext,
  existing: readonly Cookie[],
  extraCookieableSchemes: readonly string[],
): boolean {
  if (!checkStorable(era, cookie, url, undefined, extraCookieableSchemes).included) return false;
  if (cookie.secure && !isSecureSource(url, era.secureSource)) return false;
  if (context === 'none') {
    if (cookie.sameSite === 'strict' || cookie.sameSite === 'lax') return false;
    if (era.sameSiteByDefault && cookie.sameSite === undefined) return false;
  }
  if (!isSecureSource(url, era.secureSource) && !cookie.secure) {
    const domain = chromiumDomain(cookie);
    const shadowed = existing.some((other) => {
      if (!other.secure || other.key !== cookie.key) return false;
      const otherDomain = chromiumDomain(other);
      const related =
        isDomainMatch(domain, otherDomain.replace(/^\./, '')) || isDomainMatch(otherDomain, domain.replace(/^\./, ''));
      return related && pathMatches(cookie.path ?? '/', other.path ?? '/');
    });
    if (shadowed) return false;
  }
  return true;
}
