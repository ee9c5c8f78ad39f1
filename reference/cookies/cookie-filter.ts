// cookies.get(filter): which stored cookies a filter object selects, per era.
// Fields of the wrong type are ignored, as Electron's dictionary reads do.
// Two era differences are Electron's own: until Electron 37 `domain` selected
// cookies whose domain is the filter's domain or under it (its MatchesDomain),
// later the cookies that apply to the filter as a host
// (CanonicalCookie::IsDomainMatch); and Electron 7-24 compared `secure` the
// wrong way round.

import type { Cookie } from 'tough-cookie';
import { isDomainMatch } from './cookie-domain.ts';
import type { CookieEra } from './cookie-era.ts';
import { chromiumDomain, expiryMicros } from './cookie-record.ts';

/** Electron's MatchesDomain: `domain` (a cookie's) is `filter` or one of its subdomains. */
export function isWithinFilterDomain(filter: string, domain: string): boolean {
  const wanted = filter.startsWith('.') ? filter : `.${filter}`;
  let candidate = `.${domain.startsWith('.') ? domain.slice(1) : domain}`;
  while (candidate.length >= wanted.length) {
    if (candidate === wanted) return true;
    const next = candidate.indexOf('.', 1);
    if (next < 0) return false;
    candidate = candidate.slice(next);
  }
  return false;
}

export interface CookieFilter {
  url: string;
  name?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  session?: boolean;
  httpOnly?: boolean;
}

export function readFilter(era: CookieEra, source: Record<string, unknown>): CookieFilter {
  const filter: CookieFilter = { url: typeof source['url'] === 'string' ? source['url'] : '' };
  for (const key of ['name', 'domain', 'path'] as const) {
    if (typeof source[key] === 'string') filter[key] = source[key] as string;
  }
  const flags = era.readsHttpOnlyFilter ? (['secure', 'session', 'httpOnly'] as const) : (['secure', 'session'] as const);
  for (const key of flags) {
    if (typeof source[key] === 'boolean') filter[key] = source[key] as boolean;
  }
  return filter;
}

export function matchesFilter(era: CookieEra, filter: CookieFilter, cookie: Cookie): boolean {
  if (filter.name !== undefined && filter.name !== cookie.key) return false;
  if (filter.path !== undefined && filter.path !== cookie.path) return false;
  if (filter.domain !== undefined) {
    const domain = chromiumDomain(cookie);
    const selected =
      era.domainFilter === 'cookie-applies-to-filter'
        ? isDomainMatch(domain, filter.domain)
        : isWithinFilterDomain(filter.domain, domain);
    if (!selected) return false;
  }
  if (filter.secure !== undefined && (filter.secure === cookie.secure) === era.invertedSecureFilter) return false;
  if (filter.session !== undefined && filter.session !== (expiryMicros(cookie) === null)) return false;
  if (filter.httpOnly !== undefined && filter.httpOnly !== cookie.httpOnly) return false;
  return true;
}
