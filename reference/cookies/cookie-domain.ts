// Chromium's rules for cookie domains: which domain a cookie set for a URL
// gets (net/cookies/cookie_util GetCookieDomainWithString), which host a
// stored domain applies to (CanonicalCookie::IsDomainMatch), and the
// registrable domain ("domain and registry") both rest on. Domains are kept
// the Chromium way: a leading dot marks a domain cookie, none a host-only one.

import { isIP } from 'node:net';
import { canonicalDomain, getPublicSuffix } from 'tough-cookie';

/** A URL's host as Chromium's GURL gives it: lowercased, IPv6 in brackets. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase();
}

export function isIpAddress(host: string): boolean {
  return isIP(host.replace(/^\[(.*)\]$/, '$1')) !== 0;
}

/**
 * The registrable domain (eTLD+1) of a host, '' when it has none: IP
 * addresses, single labels such as `localhost`, public suffixes themselves.
 * Private registries (github.io, ...) count as suffixes, as in Chromium.
 */
export function registrableDomain(host: string): string {
  const bare = host.replace(/^\./, '');
  if (!bare || isIpAddress(bare) || !bare.includes('.')) return '';
  try {
    return getPublicSuffix(bare, { allowSpecialUseDomain: true, ignoreError: true }) ?? '';
  } catch {
    return '';
  }
}

/**
 * The domain a cookie gets when set for `url` with the domain attribute
 * `attribute` ('' for none), or undefined when the attribute is not
 * acceptable for that URL. Host-only results carry no leading dot.
 */
export function cookieDomainFor(url: URL, attribute: string): string | undefined {
  const host = hostOf(url);
  if (attribute === '') return host;
  if (attribute.includes('%')) return undefined;
  const canonical = canonicalHost(attribute);
  if (canonical === undefined) return undefined;
  if (isIpAddress(host)) return canonical.replace(/^\./, '') === host ? host : undefined;
  const hostRegistrable = registrableDomain(host);
  if (hostRegistrable === '') {
    // An exact match with a host that has no registrable domain (localhost,
    // an intranet name) makes a host-only cookie; nothing else is allowed.
    return canonical.replace(/^\./, '') === host ? host : undefined;
  }
  const dotted = canonical.startsWith('.') ? canonical : `.${canonical}`;
  if (registrableDomain(dotted) !== hostRegistrable) return undefined;
  const isSuffix = host.length < dotted.length ? dotted === `.${host}` : host.endsWith(dotted);
  return isSuffix ? dotted : undefined;
}

/** Lowercased, IDN-encoded host text keeping a leading dot; undefined if it is not a host. */
function canonicalHost(attribute: string): string | undefined {
  const dot = attribute.startsWith('.') ? '.' : '';
  const rest = attribute.slice(dot.length);
  if (!rest || /[\s/\\?#@:[\]<>^|"]/.test(rest)) return undefined;
  // Only one leading dot is dropped: `..example.com` names no host.
  if (rest.startsWith('.')) return undefined;
  let canonical: string;
  try {
    canonical = new URL(`http://${rest}/`).hostname;
  } catch {
    return undefined;
  }
  return dot + (canonicalDomain(canonical) ?? canonical);
}

/** Whether a cookie whose (Chromium) domain is `domain` applies to `host` (CanonicalCookie::IsDomainMatch). */
export function isDomainMatch(domain: string, host: string): boolean {
  if (host === domain) return true;
  if (!domain.startsWith('.')) return false;
  if (domain.slice(1) === host) return true;
  return host.length > domain.length && host.endsWith(domain);
}

export function isHostOnlyDomain(domain: string): boolean {
  return !domain.startsWith('.');
}
