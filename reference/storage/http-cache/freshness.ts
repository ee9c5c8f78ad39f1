// How long a stored response stays fresh and how old it is, as Chromium's
// HttpResponseHeaders computes them (GetFreshnessLifetimes, GetCurrentAge,
// RequiresValidation). These are Chromium's rules, which differ from a plain
// reading of RFC 9111 in places: `Pragma: no-cache` in a response forbids
// reuse, the Last-Modified heuristic (a tenth of Date minus Last-Modified)
// applies to 200, 203 and 206 only, and 300, 301, 308 and 410 without
// explicit expiry stay fresh forever.

import { ageHeader, cacheControlSeconds, hasHeaderValue, timeHeader, type HeaderLines } from './header-values.ts';

/** Milliseconds; Infinity for "fresh forever". */
export interface FreshnessLifetimes {
  freshness: number;
  /** stale-while-revalidate's window after freshness ends. */
  staleness: number;
}

const IMPLICITLY_FRESH = new Set([300, 301, 308, 410]);
const HEURISTIC = new Set([200, 203, 206]);

export function freshnessLifetimes(status: number, lines: HeaderLines, responseTime: number): FreshnessLifetimes {
  const none = { freshness: 0, staleness: 0 };
  if (
    hasHeaderValue(lines, 'cache-control', 'no-cache') ||
    hasHeaderValue(lines, 'cache-control', 'no-store') ||
    hasHeaderValue(lines, 'pragma', 'no-cache')
  ) {
    return none;
  }
  const mustRevalidate = hasHeaderValue(lines, 'cache-control', 'must-revalidate');
  const staleness = mustRevalidate ? 0 : (cacheControlSeconds(lines, 'stale-while-revalidate') ?? 0) * 1000;

  // max-age wins over Expires, even over an Expires in the past.
  const maxAge = cacheControlSeconds(lines, 'max-age');
  if (maxAge !== undefined) return { freshness: maxAge * 1000, staleness };

  // Without a Date header, the response was generated when it arrived.
  const date = timeHeader(lines, 'date') ?? responseTime;
  const expires = timeHeader(lines, 'expires');
  if (expires !== undefined) return { freshness: expires > date ? expires - date : 0, staleness };

  if (HEURISTIC.has(status) && !mustRevalidate) {
    const lastModified = timeHeader(lines, 'last-modified');
    if (lastModified !== undefined && lastModified <= date) return { freshness: (date - lastModified) / 10, staleness };
  }
  if (IMPLICITLY_FRESH.has(status)) return { freshness: Infinity, staleness: 0 };
  return { freshness: 0, staleness };
}

/** RFC 7234 4.2.3 as Chromium computes it, in milliseconds. */
export function currentAge(lines: HeaderLines, requestTime: number, responseTime: number, now: number): number {
  const date = timeHeader(lines, 'date') ?? responseTime;
  const ageValue = ageHeader(lines) ?? 0;
  const apparentAge = Math.max(0, responseTime - date);
  const responseDelay = responseTime - requestTime;
  const correctedInitialAge = Math.max(apparentAge, ageValue + responseDelay);
  return correctedInitialAge + (now - responseTime);
}

export type Validation = 'none' | 'asynchronous' | 'synchronous';

/** HttpResponseHeaders::RequiresValidation. */
export function validationRequiredByHeaders(
  status: number,
  lines: HeaderLines,
  requestTime: number,
  responseTime: number,
  now: number,
): Validation {
  const lifetimes = freshnessLifetimes(status, lines, responseTime);
  if (lifetimes.freshness === 0 && lifetimes.staleness === 0) return 'synchronous';
  const age = currentAge(lines, requestTime, responseTime, now);
  if (lifetimes.freshness > age) return 'none';
  if (lifetimes.freshness + lifetimes.staleness > age) return 'asynchronous';
  return 'synchronous';
}
