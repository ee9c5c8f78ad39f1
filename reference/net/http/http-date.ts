// An HTTP date header (Date, Expires, Last-Modified) as Chromium's
// base::Time::FromUTCString reads it: leniently, and in GMT when the value
// names no zone. The HTTP cache and downloads both read dates this way.

/** An HTTP date as milliseconds, undefined when it does not parse. */
export function parseHttpDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  // Chromium assumes GMT when no zone is given.
  const withZone = /(GMT|UTC|[+-]\d{4}|Z)\s*$/i.test(trimmed) ? trimmed : `${trimmed} GMT`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : ms;
}
