// One stored response of the HTTP cache: what Chromium keeps of it
// (HttpResponseInfo::Persist drops cookies, challenges, hop-by-hop and
// security-state headers and those a `no-cache="..."` names), how a 304
// refreshes it (HttpResponseHeaders::Update: every header of the 304 but the
// body-describing ones replaces the stored ones of that name) and the request
// headers it varies on (HttpVaryData).

import { headerValues, splitValues, type HeaderLines } from './header-values.ts';

export interface VaryData {
  /** Lower-case request header names, in the response's Vary order. */
  names: string[];
  /** The request's value of each, null when it had none. */
  values: (string | null)[];
}

export interface CacheEntryMeta {
  /** The cache key: the URL without its fragment. */
  key: string;
  status: number;
  statusText: string;
  /** The stored header lines, names as the server wrote them. */
  lines: [string, string][];
  /** When the request that stored (or last validated) it was sent, ms. */
  requestTime: number;
  /** When its headers arrived, ms. */
  responseTime: number;
  /** Null when the response has no Vary; `Vary: *` is recorded as the single name `*`, which no request matches. */
  vary: VaryData | null;
  bodySize: number;
  /** Last use, for eviction. */
  lastUsed: number;
}

const NOT_PERSISTED = new Set([
  'set-cookie',
  'set-cookie2',
  'clear-site-data',
  'www-authenticate',
  'proxy-authenticate',
  'connection',
  'proxy-connection',
  'keep-alive',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'strict-transport-security',
]);

/** Header names listed in `Cache-Control: no-cache="a, b"`, lower-case. */
function namedNoCacheHeaders(lines: HeaderLines): Set<string> {
  const names = new Set<string>();
  for (const [key, value] of lines) {
    if (key.toLowerCase() !== 'cache-control') continue;
    for (const m of value.matchAll(/no-cache\s*=\s*"([^"]*)"/gi)) {
      for (const name of splitValues(m[1]!)) names.add(name.toLowerCase());
    }
  }
  return names;
}

/** The lines Chromium writes to the cache entry. */
export function persistedLines(lines: HeaderLines): [string, string][] {
  const named = namedNoCacheHeaders(lines);
  return lines
    .filter(([key]) => !NOT_PERSISTED.has(key.toLowerCase()) && !named.has(key.toLowerCase()))
    .map(([k, v]): [string, string] => [k, v]);
}

const NON_UPDATED = new Set([
  'connection',
  'proxy-connection',
  'keep-alive',
  'www-authenticate',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-location',
  'content-md5',
  'etag',
  'content-encoding',
  'content-range',
  'content-type',
  'content-length',
  'x-frame-options',
  'x-xss-protection',
]);

function updatesStored(name: string): boolean {
  const lower = name.toLowerCase();
  return !NON_UPDATED.has(lower) && !lower.startsWith('x-content-') && !lower.startsWith('x-webkit-');
}

/** The stored lines after a 304 (or 206) with `fresh` lines arrived. */
export function updatedLines(stored: HeaderLines, fresh: HeaderLines): [string, string][] {
  const replaced = new Set(fresh.filter(([k]) => updatesStored(k)).map(([k]) => k.toLowerCase()));
  return [
    ...stored.filter(([k]) => !replaced.has(k.toLowerCase())).map(([k, v]): [string, string] => [k, v]),
    ...fresh.filter(([k]) => updatesStored(k)).map(([k, v]): [string, string] => [k, v]),
  ];
}

function requestValue(request: HeaderLines, name: string): string | null {
  const values = request.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v);
  return values.length ? values.join(', ') : null;
}

/**
 * HttpVaryData::Init: null when the response has no Vary. `Vary: *` gives
 * valid vary data of its own (Chromium keeps the entry, then finds every
 * later request a mismatch), recorded here as the one name `*`.
 */
export function varyDataFor(request: HeaderLines, response: HeaderLines): VaryData | null {
  const names = headerValues(response, 'vary').map((n) => n.toLowerCase());
  if (!names.length) return null;
  if (names.includes('*')) return { names: ['*'], values: [] };
  return { names, values: names.map((n) => requestValue(request, n)) };
}

/**
 * HttpVaryData::MatchesRequest: the request sends what the stored one sent
 * for every Vary name; `Vary: *` never matches, so such an entry is always
 * validated (with its ETag only, as after any mismatch) before use.
 */
export function varyMatches(vary: VaryData, request: HeaderLines): boolean {
  if (vary.names.includes('*')) return false;
  return vary.names.every((name, i) => requestValue(request, name) === vary.values[i]);
}
