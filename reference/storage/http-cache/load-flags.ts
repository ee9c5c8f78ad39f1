// The cache-related load flags of one request, as Chromium derives them: from
// the caller's fetch cache mode (Electron's net module maps `cache` onto
// them), from request headers that imply them (HttpCache::Transaction's
// SetRequest: If-Match, If-Unmodified-Since and If-Range disable the cache;
// `Cache-Control: no-cache` or `Pragma: no-cache` bypass it; `Cache-Control:
// max-age=0` forces validation; the first group that matches wins), and the
// conditional headers a caller may send itself ("external validation").

import { firstValue, hasHeader, headerValues, type HeaderLines } from './header-values.ts';

export interface LoadFlags {
  /** LOAD_DISABLE_CACHE: neither read nor write. */
  disableCache?: boolean;
  /** LOAD_BYPASS_CACHE: do not read, but store the answer. */
  bypassCache?: boolean;
  /** LOAD_VALIDATE_CACHE: a stored answer is validated before use. */
  validateCache?: boolean;
  /** LOAD_SKIP_CACHE_VALIDATION: a stored answer is used however old. */
  skipCacheValidation?: boolean;
  /** LOAD_ONLY_FROM_CACHE: never the network (net::ERR_CACHE_MISS instead). */
  onlyFromCache?: boolean;
}

export type FetchCacheMode = 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';

/** The flags Electron's net module sets for a request's `cache` mode. */
export function flagsForCacheMode(mode: string | undefined): LoadFlags {
  switch (mode) {
    case 'no-store':
      return { disableCache: true };
    case 'reload':
      return { bypassCache: true };
    case 'no-cache':
      return { validateCache: true };
    case 'force-cache':
      return { skipCacheValidation: true };
    case 'only-if-cached':
      return { onlyFromCache: true, skipCacheValidation: true };
    default:
      return {};
  }
}

const PASS_THROUGH = ['if-unmodified-since', 'if-match', 'if-range'];

function anyValue(lines: HeaderLines, name: string, value: string): boolean {
  return headerValues(lines, name).some((v) => v.toLowerCase() === value);
}

/** The validators a caller sent itself, when it sent any (If-Modified-Since, If-None-Match). */
export interface ExternalValidation {
  ifModifiedSince?: string;
  ifNoneMatch?: string;
}

export interface RequestCacheFlags {
  flags: LoadFlags;
  external: ExternalValidation | null;
}

/** The flags in effect for a request with these headers (SetRequest). */
export function requestFlags(base: LoadFlags, lines: HeaderLines): RequestCacheFlags {
  const flags = { ...base };
  if (PASS_THROUGH.some((name) => hasHeader(lines, name))) flags.disableCache = true;
  else if (anyValue(lines, 'cache-control', 'no-cache') || anyValue(lines, 'pragma', 'no-cache')) flags.bypassCache = true;
  else if (anyValue(lines, 'cache-control', 'max-age=0')) flags.validateCache = true;

  let external: ExternalValidation | null = null;
  let malformed = false;
  for (const [header, field] of [
    ['if-modified-since', 'ifModifiedSince'],
    ['if-none-match', 'ifNoneMatch'],
  ] as const) {
    const count = lines.filter(([k]) => k.toLowerCase() === header).length;
    if (!count) continue;
    const value = firstValue(lines, header) ?? '';
    if (count > 1 || value === '') malformed = true;
    external = { ...(external ?? {}), [field]: value };
  }
  // Several validators of one kind disable the cache, as in Chromium. This
  // cache keeps no byte ranges (Chromium keeps sparse entries for them), so
  // a request for a range bypasses it entirely.
  if (hasHeader(lines, 'range') || malformed) flags.disableCache = true;
  return { flags, external };
}
