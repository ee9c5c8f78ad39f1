// Chromium's net error codes (net/base/net_error_list.h) and the error
// object that carries one. Electron reports failures as
// `new Error(net::ErrorToString(code))`, e.g. `net::ERR_FAILED`. A code that
// user code hands back (a verify proc's answer, a protocol handler's
// `{ error }`) and that Chromium has no name for fails as net::ERR_FAILED:
// Chromium's ErrorToString stops at such a code (NOTREACHED), so no Electron
// ever names one.

import { CHROMIUM_NET_ERRORS } from './net-error-list.ts';

/** Every code Chromium names; the stack itself produces a small part of them. */
export const NET_ERRORS = CHROMIUM_NET_ERRORS;

export type NetErrorName = keyof typeof NET_ERRORS;

const NAME_BY_CODE = new Map<number, string>(Object.entries(NET_ERRORS).map(([name, code]) => [code, name]));

/** net::ErrorToString: `net::ERR_FAILED`, or `net::OK`. */
export function netErrorString(code: number): string {
  return `net::${NAME_BY_CODE.get(code) ?? `ERR_${-code}`}`;
}

/** A failure code from user code: a named Chromium error other than OK, else ERR_FAILED. */
export function netErrorFromCode(code: number): NetError {
  return code !== 0 && NAME_BY_CODE.has(code) ? new NetError(code) : netError('ERR_FAILED');
}

/** V8's IsInt32, which gin's int conversion requires (-0 is not one). */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && (value | 0) === value && !Object.is(value, -0);
}

export function netErrorName(code: number): string | undefined {
  return NAME_BY_CODE.get(code);
}

/** A failure of the network stack, carrying Chromium's code; its message is Electron's. */
export class NetError extends Error {
  readonly code: number;
  constructor(code: number, options?: { cause?: unknown }) {
    super(netErrorString(code), options);
    this.code = code;
  }

  static is(value: unknown): value is NetError {
    return value instanceof NetError;
  }
}

export function netError(name: NetErrorName, cause?: unknown): NetError {
  return new NetError(NET_ERRORS[name], cause === undefined ? undefined : { cause });
}

const SYSTEM_ERRORS: Record<string, NetErrorName> = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  ECONNABORTED: 'ERR_CONNECTION_ABORTED',
  EPIPE: 'ERR_CONNECTION_RESET',
  ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
  ENETUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  EHOSTUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  EADDRNOTAVAIL: 'ERR_ADDRESS_INVALID',
  EACCES: 'ERR_ACCESS_DENIED',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'ERR_NAME_NOT_RESOLVED',
  ENOENT: 'ERR_FILE_NOT_FOUND',
  // undici's own codes
  UND_ERR_SOCKET: 'ERR_CONNECTION_CLOSED',
  UND_ERR_CLOSED: 'ERR_CONNECTION_CLOSED',
  UND_ERR_DESTROYED: 'ERR_CONNECTION_CLOSED',
  UND_ERR_CONNECT_TIMEOUT: 'ERR_CONNECTION_TIMED_OUT',
  UND_ERR_HEADERS_TIMEOUT: 'ERR_TIMED_OUT',
  UND_ERR_BODY_TIMEOUT: 'ERR_TIMED_OUT',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'ERR_CONTENT_LENGTH_MISMATCH',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'ERR_CONTENT_LENGTH_MISMATCH',
  UND_ERR_INFO: 'ERR_INVALID_RESPONSE',
  // A response head over the pool's limit (Chromium's 256 KiB, HttpStreamParser).
  UND_ERR_HEADERS_OVERFLOW: 'ERR_RESPONSE_HEADERS_TOO_BIG',
  HPE_HEADER_OVERFLOW: 'ERR_RESPONSE_HEADERS_TOO_BIG',
  HPE_INVALID_CONSTANT: 'ERR_INVALID_RESPONSE',
  HPE_INVALID_CHUNK_SIZE: 'ERR_INVALID_CHUNKED_ENCODING',
  ERR_HTTP2_STREAM_ERROR: 'ERR_HTTP2_PROTOCOL_ERROR',
  ERR_HTTP2_SESSION_ERROR: 'ERR_HTTP2_PROTOCOL_ERROR',
  Z_DATA_ERROR: 'ERR_CONTENT_DECODING_FAILED',
  Z_BUF_ERROR: 'ERR_CONTENT_DECODING_FAILED',
  ERR__ERROR_FORMAT_PADDING: 'ERR_CONTENT_DECODING_FAILED',
};

/** Chromium's view of an error from Node, undici or our own layers. */
export function toNetError(error: unknown): NetError {
  if (error instanceof NetError) return error;
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    if (e instanceof NetError) return e;
    // Other areas (the proxy's tunnels) name Chromium's error without depending on this module.
    const named = (e as { netError?: unknown }).netError;
    if (typeof named === 'string' && Object.hasOwn(NET_ERRORS, named)) return netError(named as NetErrorName, error);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && SYSTEM_ERRORS[code]) return netError(SYSTEM_ERRORS[code], error);
    if (typeof code === 'string' && code.startsWith('HPE_')) return netError('ERR_INVALID_RESPONSE', error);
  }
  return netError('ERR_FAILED', error);
}
