// An HTTP date header (Date, Expires, Last-Modified) as Chromium's
// base::Time::FromUTCString reads it: leniently, and in GMT when the value
// names no zone. The HTTP cache and downloads both read dates this way.
//
// Chromium's parser (NSPR's PR_ParseTimeString) takes tokens in almost any
// order and form, but gives up unless it found a month, a day of the month
// and a year; JavaScript's Date.parse makes a date of far less (`-1`, `1`,
// `x 5` are all dates in 2001 to it). So a value must name a month (a word
// starting with a month's first three letters, or a numeric m/d/y form) and
// hold two numbers besides the time of day and a zone offset before
// Date.parse reads it.

const MONTH_WORD = /(?:^|[^a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const NUMERIC_DATE = /\d{1,2}\/\d{1,2}\/\d+/;
const TIME_OF_DAY = /\d{1,2}:\d{1,2}(?::\d{1,2})?/g;
const ZONE_OFFSET = /[+-]\d{4}\b/g;

/** Whether the value names a month, a day of the month and a year, as PR_ParseTimeString requires. */
function namesDayMonthYear(value: string): boolean {
  if (NUMERIC_DATE.test(value)) return true;
  if (!MONTH_WORD.test(value)) return false;
  const numbers = value.replace(TIME_OF_DAY, ' ').replace(ZONE_OFFSET, ' ').match(/\d+/g) ?? [];
  return numbers.length >= 2;
}

/** An HTTP date as milliseconds, undefined when it does not parse. */
export function parseHttpDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed || !namesDayMonthYear(trimmed)) return undefined;
  // Chromium assumes GMT when no zone is given.
  const withZone = /(GMT|UTC|[+-]\d{4}|Z)\s*$/i.test(trimmed) ? trimmed : `${trimmed} GMT`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : ms;
}
