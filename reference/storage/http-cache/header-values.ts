// Reading response and request header lines the way Chromium's
// HttpResponseHeaders does for caching: a header's values are its lines split
// at commas outside quoted strings (Date-like headers are never split), names
// match case-insensitively, and a directive such as `max-age=N` only counts
// when N is all digits. The cache's freshness rules are written on these.

import { commaSeparatedValues } from '../../net/http/header-lines.ts';
import { parseHttpDate } from '../../net/http/http-date.ts';

export type HeaderLines = readonly (readonly [string, string])[];

/** Headers whose value may hold commas of its own: one line is one value. */
const NOT_SPLIT = new Set([
  'date',
  'expires',
  'last-modified',
  'set-cookie',
  'www-authenticate',
  'proxy-authenticate',
  'location',
  'content-disposition',
  'strict-transport-security',
  'etag',
]);

/** Splits `a, "b,c", d` into trimmed values, keeping quoted commas; empty ones are dropped. */
export function splitValues(value: string): string[] {
  return commaSeparatedValues(value)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Every value of header `name`, in order. */
export function headerValues(lines: HeaderLines, name: string): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const [key, value] of lines) {
    if (key.toLowerCase() !== lower) continue;
    if (NOT_SPLIT.has(lower)) {
      const trimmed = value.trim();
      if (trimmed) out.push(trimmed);
    } else {
      out.push(...splitValues(value));
    }
  }
  return out;
}

/** The first line's value of header `name`, untouched (EnumerateHeader's first result). */
export function firstValue(lines: HeaderLines, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of lines) if (key.toLowerCase() === lower) return value.trim();
  return undefined;
}

export function hasHeader(lines: HeaderLines, name: string): boolean {
  const lower = name.toLowerCase();
  return lines.some(([key]) => key.toLowerCase() === lower);
}

/** HasHeaderValue: one of the header's values equals `value`, ignoring case. */
export function hasHeaderValue(lines: HeaderLines, name: string, value: string): boolean {
  const lower = value.toLowerCase();
  return headerValues(lines, name).some((v) => v.toLowerCase() === lower);
}

/**
 * GetCacheControlDirective: the seconds of the first `name=N` value of
 * Cache-Control whose N is digits (spaces around it allowed), or undefined.
 * A value that overflows saturates, as base::Seconds does.
 */
export function cacheControlSeconds(lines: HeaderLines, name: string): number | undefined {
  const prefix = `${name.toLowerCase()}=`;
  for (const value of headerValues(lines, 'cache-control')) {
    if (!value.toLowerCase().startsWith(prefix)) continue;
    const digits = value.slice(prefix.length).replace(/^ +| +$/g, '');
    if (!/^[0-9]+$/.test(digits)) continue;
    const seconds = Number(digits);
    return Number.isFinite(seconds) ? Math.min(seconds, Number.MAX_SAFE_INTEGER / 1000) : Number.MAX_SAFE_INTEGER / 1000;
  }
  return undefined;
}

/** The header as a time, per GetTimeValuedHeader (Expires: 0 means long ago). */
export function timeHeader(lines: HeaderLines, name: string): number | undefined {
  const value = firstValue(lines, name);
  if (name.toLowerCase() === 'expires' && value === '0') return -8.64e15;
  return parseHttpDate(value);
}

/** The Age header in milliseconds: a non-negative integer, saturating; anything else is absent. */
export function ageHeader(lines: HeaderLines): number | undefined {
  const value = firstValue(lines, 'age');
  if (value === undefined || !/^[0-9]+$/.test(value)) return undefined;
  return Math.min(Number(value), 0xffffffff) * 1000;
}
