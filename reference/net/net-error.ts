// Chromium's net error codes (net/base/net_error_list.h), the subset this
// stack can produce, and the error object that carries one. Electron reports
// failures as `new Error(net::ErrorToString(code))`, e.g. `net::ERR_FAILED`.

export const NET_ERRORS = {
  OK: 0,
  ERR_FAILED: -2,
  ERR_ABORTED: -3,
  ERR_INVALID_ARGUMENT: -4,
  ERR_FILE_NOT_FOUND: -6,
  ERR_TIMED_OUT: -7,
  ERR_UNEXPECTED: -9,
  ERR_ACCESS_DENIED: -10,
  ERR_NOT_IMPLEMENTED: -11,
  ERR_BLOCKED_BY_CLIENT: -20,
  ERR_CONNECTION_CLOSED: -100,
  ERR_CONNECTION_RESET: -101,
  ERR_CONNECTION_REFUSED: -102,
  ERR_CONNECTION_ABORTED: -103,
  ERR_CONNECTION_FAILED: -104,
  ERR_NAME_NOT_RESOLVED: -105,
  ERR_INTERNET_DISCONNECTED: -106,
  ERR_SSL_PROTOCOL_ERROR: -107,
  ERR_ADDRESS_INVALID: -108,
  ERR_ADDRESS_UNREACHABLE: -109,
  ERR_TUNNEL_CONNECTION_FAILED: -111,
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: -113,
  ERR_PROXY_AUTH_UNSUPPORTED: -115,
  ERR_CONNECTION_TIMED_OUT: -118,
  ERR_SOCKS_CONNECTION_FAILED: -120,
  ERR_SOCKS_CONNECTION_HOST_UNREACHABLE: -121,
  ERR_PROXY_AUTH_REQUESTED: -127,
  ERR_PROXY_CONNECTION_FAILED: -130,
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: -131,
  ERR_PROXY_CERTIFICATE_INVALID: -136,
  ERR_NAME_RESOLUTION_FAILED: -137,
  ERR_CERT_COMMON_NAME_INVALID: -200,
  ERR_CERT_DATE_INVALID: -201,
  ERR_CERT_AUTHORITY_INVALID: -202,
  ERR_CERT_CONTAINS_ERRORS: -203,
  ERR_CERT_NO_REVOCATION_MECHANISM: -204,
  ERR_CERT_UNABLE_TO_CHECK_REVOCATION: -205,
  ERR_CERT_REVOKED: -206,
  ERR_CERT_INVALID: -207,
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: -208,
  ERR_CERT_NON_UNIQUE_NAME: -210,
  ERR_CERT_WEAK_KEY: -211,
  ERR_CERT_NAME_CONSTRAINT_VIOLATION: -212,
  ERR_CERT_VALIDITY_TOO_LONG: -213,
  ERR_INVALID_URL: -300,
  ERR_DISALLOWED_URL_SCHEME: -301,
  ERR_UNKNOWN_URL_SCHEME: -302,
  ERR_TOO_MANY_REDIRECTS: -310,
  ERR_UNSAFE_REDIRECT: -311,
  ERR_UNSAFE_PORT: -312,
  ERR_INVALID_REDIRECT: -303,
  ERR_INVALID_RESPONSE: -320,
  ERR_INVALID_CHUNKED_ENCODING: -321,
  ERR_METHOD_NOT_SUPPORTED: -322,
  ERR_EMPTY_RESPONSE: -324,
  ERR_RESPONSE_HEADERS_TOO_BIG: -325,
  ERR_CONTENT_DECODING_FAILED: -330,
  ERR_HTTP2_PROTOCOL_ERROR: -337,
  ERR_NO_SUPPORTED_PROXIES: -336,
  ERR_INVALID_AUTH_CREDENTIALS: -338,
  ERR_UNSUPPORTED_AUTH_SCHEME: -339,
  ERR_MISSING_AUTH_CREDENTIALS: -341,
  ERR_CONTENT_LENGTH_MISMATCH: -354,
  ERR_INCOMPLETE_CHUNKED_ENCODING: -355,
  ERR_CACHE_MISS: -400,
  ERR_CACHE_READ_FAILURE: -401,
  ERR_DNS_MALFORMED_RESPONSE: -800,
  ERR_DNS_SERVER_FAILED: -802,
  ERR_DNS_TIMED_OUT: -803,
  ERR_DNS_CACHE_MISS: -804,
} as const;

export type NetErrorName = keyof typeof NET_ERRORS;

const NAME_BY_CODE = new Map<number, string>(Object.entries(NET_ERRORS).map(([name, code]) => [code, name]));

/** net::ErrorToString: `net::ERR_FAILED`, or `net::OK`. */
export function netErrorString(code: number): string {
  return `net::${NAME_BY_CODE.get(code) ?? `ERR_${-code}`}`;
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
