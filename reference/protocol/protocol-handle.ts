// `protocol.handle` as Electron's JS layer (lib/browser/api/protocol.ts)
// builds it on the older API: a handler of the `free` type that turns the
// request into a WHATWG Request, awaits the user's Response and hands its
// status, headers and body back. http, https and file are intercepted, any
// other scheme registered. A value that is no valid Response, or a handler
// that throws, fails the request with net::ERR_UNEXPECTED; Response.error()
// with net::ERR_FAILED.

import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { NET_ERRORS } from '../net/net-error.ts';
import type { ProtocolHandler } from './protocol-service.ts';

type ResponseBody = NonNullable<ConstructorParameters<typeof Response>[0]>;

export function isBuiltInScheme(scheme: unknown): boolean {
  return scheme === 'http' || scheme === 'https' || scheme === 'file';
}

type UserHandler = (request: Request) => Response | Promise<Response>;

function requestBody(uploadData: unknown): ResponseBody | null {
  if (!Array.isArray(uploadData) || uploadData.length === 0) return null;
  const chunks = uploadData.map((item: { bytes?: Uint8Array }) => item.bytes ?? new Uint8Array());
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** The checks Electron makes before reading the handler's answer. */
function validResponse(res: unknown): res is Response {
  if (!res || typeof res !== 'object') return false;
  const r = res as Record<string, unknown>;
  if (r.type === 'error') return true;
  const own = (key: string) => Object.hasOwn(r, key);
  if (own('status') && typeof r.status !== 'number') return false;
  if (own('statusText') && typeof r.statusText !== 'string') return false;
  if (own('headers') && typeof r.headers !== 'object') return false;
  if (own('body')) {
    if (typeof r.body !== 'object') return false;
    if (r.body !== null && !(r.body instanceof ReadableStream)) return false;
  }
  return true;
}

export function handlerFor(handler: UserHandler): ProtocolHandler {
  return async (request, callback) => {
    try {
      const headers = new Headers(request.headers as Record<string, string>);
      if (headers.get('origin') === 'null') headers.delete('origin');
      const body = requestBody(request.uploadData);
      const req = new Request(String(request.url), {
        headers,
        method: String(request.method),
        referrer: String(request.referrer ?? ''),
        body,
      });
      const res = await handler(req);
      if (!validResponse(res)) {
        callback({ error: NET_ERRORS.ERR_UNEXPECTED });
      } else if (res.type === 'error') {
        callback({ error: NET_ERRORS.ERR_FAILED });
      } else {
        callback({
          data: res.body ? Readable.fromWeb(res.body as unknown as NodeReadableStream<Uint8Array>) : null,
          headers: res.headers ? Object.fromEntries(res.headers) : {},
          statusCode: res.status,
          statusText: res.statusText,
        });
      }
    } catch (error) {
      console.error(error);
      callback({ error: NET_ERRORS.ERR_UNEXPECTED });
    }
  };
}
