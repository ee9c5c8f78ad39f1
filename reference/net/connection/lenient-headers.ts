// Chromium's HttpResponseHeaders keeps a response whose header values hold
// control characters (a Set-Cookie with \x01 or \x7f loads; only that cookie
// is refused later). undici's llhttp parser rejects such a response unless
// its lenient-headers flag is set, and undici does not expose the flag: it is
// set here on each HTTP/1 parser as undici attaches it to a connection.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { kParser } = require('undici/lib/core/symbols.js') as { kParser: symbol };

interface LlhttpParser {
  ptr?: number | null;
  llhttp?: { llhttp_set_lenient_headers?(ptr: number, enabled: number): void };
}

/** Makes the HTTP/1 parser undici attaches to `socket` accept any byte in header values, as Chromium does. */
export function acceptLenientHeaders(socket: object): void {
  if (Object.getOwnPropertyDescriptor(socket, kParser)) return;
  let parser: unknown;
  Object.defineProperty(socket, kParser, {
    configurable: true,
    enumerable: false,
    get: () => parser,
    set(value: unknown) {
      parser = value;
      const p = value as LlhttpParser | null;
      if (p?.ptr && p.llhttp?.llhttp_set_lenient_headers) p.llhttp.llhttp_set_lenient_headers(p.ptr, 1);
    },
  });
}
