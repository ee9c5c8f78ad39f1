// An onHeadersReceived listener's `responseHeaders` (and `statusLine`)
// replace the answer's headers and status as every stage above sees them:
// cookies, redirects, auth, decoding and the caller. Lines no HTTP response
// could carry fail the request with net::ERR_INVALID_RESPONSE.

import type { WebRequestResponseDetails } from '../../hooks.ts';
import { netError } from '../../net-error.ts';
import { headerMap, rawHeadersOf } from '../header-lines.ts';
import type { HopResponse } from './stage.ts';

/**
 * HttpResponseHeaders::ParseStatusLine: the digits after the first space are
 * the code (200 OK when there are none), the rest the reason phrase.
 */
function parseStatusLine(line: string): [number, string] {
  let p = line.indexOf(' ');
  if (p < 0) return [200, 'OK'];
  while (line[p] === ' ') p++;
  const start = p;
  while (p < line.length && line.charCodeAt(p) >= 0x30 && line.charCodeAt(p) <= 0x39) p++;
  if (p === start) return [200, 'OK'];
  const code = Math.min(Number(line.slice(start, p)), 2 ** 31 - 1);
  return [
    code,
    line
      .slice(p)
      .replace(/^ +/, '')
      .replace(/[ \t]+$/, ''),
  ];
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[^\0\r\n]*$/;

/** A line no HTTP response can carry (Chromium could not hand it on; fetch's Headers refuse it). */
function invalidLine([name, value]: [string, string]): boolean {
  return !TOKEN.test(name) || !FIELD_VALUE.test(value);
}

/** The value as the bytes Chromium keeps of it (UTF-8), one character per byte as header strings carry them. */
function byteString(value: string): string {
  return /[^\x00-\xff]/.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
}

/** The answer and its webRequest description as the listener's override leaves them. */
export function overridden(
  response: HopResponse,
  details: WebRequestResponseDetails,
  responseHeaders: Record<string, string[]>,
  overrideStatusLine: string | undefined,
): { response: HopResponse; details: WebRequestResponseDetails } {
  const lines = Object.entries(responseHeaders).flatMap(([k, values]) => values.map((v): [string, string] => [k, byteString(v)]));
  if (lines.some(invalidLine)) throw netError('ERR_INVALID_RESPONSE');
  const statusLine = overrideStatusLine ?? details.statusLine;
  const [status, text] = overrideStatusLine === undefined ? [response.status, response.statusText] : parseStatusLine(statusLine);
  const statusText = byteString(text);
  if (/[\r\n\0]/.test(statusText)) throw netError('ERR_INVALID_RESPONSE');
  return {
    response: { ...response, status, statusText, headers: rawHeadersOf(lines), lines },
    details: { ...details, statusCode: status, statusLine, responseHeaders: headerMap(lines) },
  };
}
