// Fetching a PAC script the way Chromium's PacFileFetcherImpl does: http(s)
// over a direct connection without cache (status 200 required, 1 MB and 30 s
// limits, redirects followed but never to file:), data: URLs decoded inline,
// and file: URLs only where the era's Chromium still read them. Failures are
// Chromium's net error names.
//
// A session fetches through its own network stack (`PacFetchOptions.http`,
// wired in proxy-service.ts); without one, through undici directly, as
// `proxy-check` does outside any session.

import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { Agent, request, type Dispatcher } from 'undici';
import { charsetOf, decodePacBytes, parseDataUrl } from './pac-text.ts';

export type PacFetchResult = { ok: true; text: string } | { ok: false; error: string };

/** A minimal HTTP GET as the PAC fetcher needs it. */
export interface PacHttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Reads the body, failing with ERR_FILE_TOO_BIG past `limit` bytes. */
  body(limit: number): Promise<Uint8Array>;
}

export type PacHttpGet = (url: string, signal: AbortSignal) => Promise<PacHttpResponse>;

export interface PacFetchOptions {
  /** Whether file: URLs may be read (Chromium before the network service). */
  allowFile: boolean;
  /** Replaces the default HTTP client (undici, direct, verified TLS). */
  http?: PacHttpGet;
  /** Extra trusted CA certificates (PEM) for the default client. */
  ca?: string[];
  timeoutMs?: number;
  maxBytes?: number;
}

const MAX_BYTES = 1024 * 1024;
const TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 20;

/** A Chromium net error raised while fetching. */
export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(readonly code: string) {
    super(`net::${code}`);
  }
}

const NODE_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
  EHOSTUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'ERR_INTERNET_DISCONNECTED',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'ERR_CERT_AUTHORITY_INVALID',
  SELF_SIGNED_CERT_IN_CHAIN: 'ERR_CERT_AUTHORITY_INVALID',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'ERR_CERT_AUTHORITY_INVALID',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'ERR_CERT_AUTHORITY_INVALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'ERR_CERT_COMMON_NAME_INVALID',
  CERT_HAS_EXPIRED: 'ERR_CERT_DATE_INVALID',
  CERT_NOT_YET_VALID: 'ERR_CERT_DATE_INVALID',
  ENOENT: 'ERR_FILE_NOT_FOUND',
  EACCES: 'ERR_ACCESS_DENIED',
  EISDIR: 'ERR_FILE_NOT_FOUND',
};

export function netErrorOf(error: unknown): string {
  if (error instanceof NetError) return error.code;
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NODE_ERRORS[code]) return NODE_ERRORS[code];
    current = (current as { cause?: unknown }).cause;
  }
  return 'ERR_FAILED';
}

const agents = new Map<string, Dispatcher>();

function agentFor(ca: string[] | undefined): Dispatcher {
  const key = (ca ?? []).join('\n');
  let agent = agents.get(key);
  if (!agent) {
    const connect = ca?.length ? { ca: [...ca, ...defaultCas()] } : {};
    agents.set(key, (agent = new Agent({ connect, keepAliveTimeout: 1000 })));
  }
  return agent;
}

function defaultCas(): string[] {
  // Custom CAs add to, never replace, the system's roots.
  return [...rootCertificates];
}

/** The default PAC HTTP client: undici, direct, TLS verified. */
export function undiciPacGet(ca?: string[]): PacHttpGet {
  return dispatcherPacGet(agentFor(ca));
}

/** A PAC HTTP client over `dispatcher` (a session's direct stack: its resolver, TLS and verifier). */
export function dispatcherPacGet(dispatcher: Dispatcher): PacHttpGet {
  return async (url, signal) => {
    const response = await request(url, {
      method: 'GET',
      dispatcher,
      signal,
      headers: { accept: '*/*' },
    });
    return {
      status: response.statusCode,
      headers: response.headers as PacHttpResponse['headers'],
      async body(limit) {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of response.body) {
          size += (chunk as Buffer).length;
          if (size > limit) {
            response.body.destroy();
            throw new NetError('ERR_FILE_TOO_BIG');
          }
          chunks.push(chunk as Buffer);
        }
        return new Uint8Array(Buffer.concat(chunks));
      },
    };
  };
}

function header(headers: PacHttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function fetchHttp(start: string, options: PacFetchOptions, signal: AbortSignal): Promise<string> {
  const get = options.http ?? undiciPacGet(options.ca);
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await get(url, signal);
    const location = header(response.headers, 'location');
    if (response.status >= 300 && response.status < 400 && location !== undefined) {
      await response.body(0).catch(() => undefined);
      if (redirects >= MAX_REDIRECTS) throw new NetError('ERR_TOO_MANY_REDIRECTS');
      const next = new URL(location, url);
      if (next.protocol === 'file:' || next.protocol === 'data:') throw new NetError('ERR_UNSAFE_REDIRECT');
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new NetError('ERR_DISALLOWED_URL_SCHEME');
      url = next.href;
      continue;
    }
    if (response.status !== 200) {
      await response.body(0).catch(() => undefined);
      throw new NetError('ERR_HTTP_RESPONSE_CODE_FAILURE');
    }
    const bytes = await response.body(options.maxBytes ?? MAX_BYTES);
    return decodePacBytes(bytes, charsetOf(header(response.headers, 'content-type')));
  }
}

export async function fetchPacScript(url: string, options: PacFetchOptions): Promise<PacFetchResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'ERR_INVALID_URL' };
  }
  try {
    switch (parsed.protocol) {
      case 'data:': {
        const data = parseDataUrl(parsed.href);
        return data ? { ok: true, text: decodePacBytes(data.bytes, data.charset) } : { ok: false, error: 'ERR_FAILED' };
      }
      case 'file:': {
        if (!options.allowFile) return { ok: false, error: 'ERR_DISALLOWED_URL_SCHEME' };
        const bytes = await readFile(fileURLToPath(parsed));
        if (bytes.length > (options.maxBytes ?? MAX_BYTES)) return { ok: false, error: 'ERR_FILE_TOO_BIG' };
        return { ok: true, text: decodePacBytes(new Uint8Array(bytes), undefined) };
      }
      case 'http:':
      case 'https:': {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new NetError('ERR_TIMED_OUT')), options.timeoutMs ?? TIMEOUT_MS);
        try {
          return { ok: true, text: await fetchHttp(parsed.href, options, controller.signal) };
        } catch (error) {
          if (controller.signal.aborted) return { ok: false, error: 'ERR_TIMED_OUT' };
          throw error;
        } finally {
          clearTimeout(timer);
        }
      }
      default:
        return { ok: false, error: 'ERR_DISALLOWED_URL_SCHEME' };
    }
  } catch (error) {
    return { ok: false, error: netErrorOf(error) };
  }
}
