// An onHeadersReceived listener's `responseHeaders` (and `statusLine`)
// replace the answer's headers and status as every stage above sees them:
// cookies, redirects, auth, decoding and the caller.

import type { WebRequestResponseDetails } from '../../hooks.ts';
import { headerMap } from '../header-lines.ts';
import type { RawHeaders } from '../response-receiver.ts';
import type { HopResponse } from './stage.ts';

/** `HTTP/1.1 404 Not Found` -> [404, 'Not Found']; undefined when it is no status line. */
function parseStatusLine(line: string): [number, string] | undefined {
  const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s+(.*))?$/i.exec(line.trim());
  return match ? [Number(match[1]), match[2] ?? ''] : undefined;
}

/** The answer and its webRequest description as the listener's override leaves them. */
export function overridden(
  response: HopResponse,
  details: WebRequestResponseDetails,
  responseHeaders: Record<string, string[]>,
  overrideStatusLine: string | undefined,
): { response: HopResponse; details: WebRequestResponseDetails } {
  const lines = Object.entries(responseHeaders).flatMap(([k, values]) => values.map((v): [string, string] => [k, v]));
  const headersByName: RawHeaders = {};
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    const old = headersByName[key];
    headersByName[key] = old === undefined ? value : [...(Array.isArray(old) ? old : [old]), value];
  }
  const statusLine = overrideStatusLine ?? details.statusLine;
  const [status, statusText] = parseStatusLine(statusLine) ?? [response.status, response.statusText];
  return {
    response: { ...response, status, statusText, headers: headersByName, lines },
    details: { ...details, statusCode: status, statusLine, responseHeaders: headerMap(lines) },
  };
}
