// The response-splitting guard of Chromium's HTTP/1 parser
// (HttpStreamParser::ParseResponseHeaders): a response whose Content-Length
// (unless chunked), Content-Disposition or Location fields hold more than
// one distinct value fails the request. Values are counted as
// HttpResponseHeaders stores them: every line of the field, and, for fields
// other than the non-coalescing ones (Location among them), each
// comma-separated piece of a line, commas inside double quotes (with
// backslash escapes) not counting. So `attachment; filename=a,b.txt`, or a
// value whose quotes do not pair up around a comma, is two values.

import type { NetErrorName } from '../net-error.ts';
import { commaSeparatedValues } from './header-lines.ts';

/** The values HttpResponseHeaders keeps for `name` (lower case) from the response's lines. */
function valuesOf(lines: readonly [string, string][], name: string, coalescing: boolean): string[] {
  return lines
    .filter(([n]) => n.toLowerCase() === name)
    .flatMap(([, v]) => (coalescing ? commaSeparatedValues(v) : [v.replace(/^[ \t]+|[ \t]+$/g, '')]));
}

function distinct(values: string[]): boolean {
  return values.some((v) => v !== values[0]);
}

/** The error Chromium fails an HTTP/1 response with for conflicting copies of a field, if any. */
export function conflictingHeadersError(lines: readonly [string, string][]): NetErrorName | undefined {
  const chunked = valuesOf(lines, 'transfer-encoding', true).some((v) => v.toLowerCase() === 'chunked');
  if (!chunked && distinct(valuesOf(lines, 'content-length', true))) return 'ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH';
  if (distinct(valuesOf(lines, 'content-disposition', true))) return 'ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION';
  if (distinct(valuesOf(lines, 'location', false))) return 'ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION';
  return undefined;
}
