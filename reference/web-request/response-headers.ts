// An onHeadersReceived listener's `responseHeaders`, converted as each era's
// binding converts it. From Electron 9 (gin's HttpResponseHeaders converter)
// every own property is a header: an array gives one line per element read
// by index (a hole reads as undefined), anything else one line, each value
// through V8's ToString; a value ToString refuses (a symbol, a throwing
// toString) ends the conversion with the lines read so far. Electron 1.x
// took the answer as a base::Value: only arrays count, and only their string
// elements (holes are nulls). Lines are bounded the way Chromium bounds a
// response's header block, so a hostile array cannot make the request hang.

import { ownIndices } from '../era/gin-array.ts';
import type { WebRequestEra } from './web-request-era.ts';
import { NetError, netError } from '../net/net-error.ts';

/** Chromium's limit on a response's header block (HttpStreamParser's kMaxHeaderBufSize). */
const MAX_HEADER_BYTES = 256 * 1024;

/** V8's ToString, or undefined where it throws. */
function toV8String(value: unknown): string | undefined {
  if (typeof value === 'symbol') return undefined;
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

class HeaderBlock {
  readonly headers: Record<string, string[]> = {};
  #bytes = 0;

  add(name: string, value: string): void {
    this.#bytes += name.length + value.length + 4;
    if (this.#bytes > MAX_HEADER_BYTES) throw netError('ERR_RESPONSE_HEADERS_TOO_BIG');
    (this.headers[name] ??= []).push(value);
  }
}

function ginHeaders(given: object): Record<string, string[]> {
  const block = new HeaderBlock();
  try {
    for (const name of Object.getOwnPropertyNames(given)) {
      const value: unknown = (given as Record<string, unknown>)[name];
      const values = Array.isArray(value) ? value : [value];
      block.headers[name] ??= [];
      for (let i = 0; i < values.length; i++) {
        const text = toV8String(values[i]);
        if (text === undefined) return block.headers;
        block.add(name, text);
      }
    }
  } catch (error) {
    if (error instanceof NetError) throw error;
    // A getter that throws ends the conversion like a value ToString refuses.
  }
  return block.headers;
}

function legacyHeaders(given: object): Record<string, string[]> {
  const block = new HeaderBlock();
  for (const [name, value] of Object.entries(given)) {
    if (!Array.isArray(value)) continue;
    block.headers[name] = [];
    for (const index of ownIndices(value)) {
      const item: unknown = value[index];
      if (typeof item === 'string') block.add(name, item);
    }
  }
  return block.headers;
}

/** The header lines a listener's `responseHeaders` stand for; throws net::ERR_RESPONSE_HEADERS_TOO_BIG past Chromium's bound. */
export function convertResponseHeaders(style: WebRequestEra['headerValues'], given: object): Record<string, string[]> {
  return style === 'string-lists-only' ? legacyHeaders(given) : ginHeaders(given);
}
