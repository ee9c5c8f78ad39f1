// Small helpers over the two shapes headers take in the loader: the
// request's header lines (name and value pairs, names as the caller wrote
// them) and undici's response headers (lower-case names, one value or many).

import type { RawHeaders } from './response-receiver.ts';

/** Every value of response header `name` (lower-case). */
export function headerValues(headers: RawHeaders, name: string): string[] {
  const v = headers[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Whether header line `name` (lower-case) is among `headers`, in any case. */
export function hasHeader(headers: [string, string][], name: string): boolean {
  return headers.some(([k]) => k.toLowerCase() === name);
}

/** `headers` without the lines named (lower-case) in `names`. */
export function withoutHeaders(headers: [string, string][], names: readonly string[]): [string, string][] {
  return headers.filter(([k]) => !names.includes(k.toLowerCase()));
}

export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** Response headers keyed by their names as sent, each with every value. */
export function headerMap(lines: readonly [string, string][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [name, value] of lines) (map[name] ??= []).push(value);
  return map;
}

/** Response headers of header lines, as undici gives them: lower-case names, one value or many. */
export function rawHeadersOf(lines: readonly [string, string][]): RawHeaders {
  const headers: RawHeaders = {};
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    const old = headers[key];
    headers[key] = old === undefined ? value : [...(Array.isArray(old) ? old : [old]), value];
  }
  return headers;
}

/** Header lines of response headers, one per value. */
export function linesOf(headers: RawHeaders): [string, string][] {
  return Object.entries(headers).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((value): [string, string] => [k, value]),
  );
}

/** HttpUtil::ValuesIterator(value, ','): pieces split at unquoted commas, trimmed, empty ones kept. */
export function commaSeparatedValues(value: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let inQuote = false;
  let escaped = false;
  for (const c of value) {
    if (inQuote) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (c === ',') {
      pieces.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  pieces.push(current);
  return pieces.map((p) => p.replace(/^[ \t]+|[ \t]+$/g, ''));
}
