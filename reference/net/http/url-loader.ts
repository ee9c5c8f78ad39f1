// One request through a session's stack, hop by hop, as Chromium's URL
// loader runs it: custom protocol handlers, the session's defaults
// (User-Agent, Accept-Language, encodings), cookies, cached credentials,
// webRequest stages, then the dispatcher chosen by the proxy hook. Answers
// are followed up here: redirects (up to 20, with Chromium's method
// rewriting), authentication challenges (cached identities first, then the
// page's `login` step), Set-Cookie on every hop, and content decoding.

import { readFile, stat } from 'node:fs/promises';
import { Duplex } from 'node:stream';
import type { ReadableWritablePair } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { AuthCache } from '../auth/auth-cache.ts';
import {
  basicAuthorization,
  digestAuthorization,
  parseChallenges,
  preferredChallenge,
  realmOf,
  type Credentials,
  type DigestState,
} from '../auth/challenge.ts';
import type { LoginBroker } from '../auth/login-broker.ts';
import type { NetworkHooks, WebRequestDetails, WebRequestResponseDetails } from '../hooks.ts';
import { NetError, netError, toNetError } from '../net-error.ts';
import { headerLine, type NetLogBus, type NetLogSource } from '../netlog/net-log-bus.ts';
import { ACCEPT_ENCODING, acceptLanguageHeader, isPortAllowed } from './request-defaults.ts';
import { ResponseReceiver, type RawHeaders, type ReceivedResponse } from './response-receiver.ts';

export interface LoaderContext {
  userAgent(): string;
  acceptLanguages(): string;
  hooks: NetworkHooks;
  authCache: AuthCache;
  netLog: NetLogBus;
  /** Dispatchers to try for `url`, in the proxy hook's order. */
  dispatchersFor(url: URL): Promise<Dispatcher[]>;
}

export interface LoadOptions {
  url: URL;
  method: string;
  headers: [string, string][];
  body: Uint8Array | null;
  signal: AbortSignal | null;
  redirect: 'follow' | 'error' | 'manual';
  credentials: 'include' | 'omit' | 'same-origin';
  /** The page's URL for page requests, null otherwise. */
  initiator: string | null;
  /** Present for page requests: where `login` answers come from. */
  login?: LoginBroker;
  bypassCustomProtocolHandlers?: boolean;
  /** Errors the caller's API reports for the non-following redirect modes. */
  redirectErrors: { error(): Error; manual(): Error };
}

export interface LoadedResponse {
  status: number;
  statusText: string;
  headers: RawHeaders;
  body: ReadableStream<Uint8Array> | null;
  url: string;
  redirected: boolean;
}

const MAX_REDIRECTS = 20;
const MAX_AUTH_ROUNDS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

let nextRequestId = 1;

function headerValues(headers: RawHeaders, name: string): string[] {
  const v = headers[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function hasHeader(headers: [string, string][], name: string): boolean {
  return headers.some(([k]) => k.toLowerCase() === name);
}

function withoutHeaders(headers: [string, string][], names: readonly string[]): [string, string][] {
  return headers.filter(([k]) => !names.includes(k.toLowerCase()));
}

function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

async function drain(body: ReadableStream<Uint8Array>): Promise<void> {
  try {
    const reader = body.getReader();
    for (;;) if ((await reader.read()).done) return;
  } catch {
    // A body we throw away may fail; the next hop does not care.
  }
}

/** Maps stream errors (e.g. zlib's) to net errors as they pass. */
function mapErrors(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error instanceof NetError ? error : netError('ERR_CONTENT_DECODING_FAILED', error));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

function decode(body: ReadableStream<Uint8Array>, encodings: string[]): ReadableStream<Uint8Array> {
  let stream = body;
  for (const encoding of [...encodings].reverse()) {
    const z =
      encoding === 'gzip' || encoding === 'x-gzip'
        ? createGunzip()
        : encoding === 'deflate'
          ? createInflate()
          : encoding === 'br'
            ? createBrotliDecompress()
            : null;
    if (!z) continue;
    stream = stream.pipeThrough(Duplex.toWeb(z) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  }
  return stream === body ? body : mapErrors(stream);
}

interface Identity {
  origin: string;
  scheme: string;
  realm: string;
  credentials: Credentials;
  source: 'preemptive' | 'cache' | 'login';
  digest?: DigestState;
}

export class UrlLoader {
  readonly #ctx: LoaderContext;

  constructor(ctx: LoaderContext) {
    this.#ctx = ctx;
  }

  async load(options: LoadOptions): Promise<LoadedResponse> {
    const ctx = this.#ctx;
    const id = nextRequestId++;
    const source = ctx.netLog.source('URL_REQUEST');
    ctx.netLog.begin('REQUEST_ALIVE', source, () => ({
      url: options.url.href,
      method: options.method,
      initiator: options.initiator ?? 'not an origin',
      load_flags: options.credentials === 'omit' ? (1 << 6) | (1 << 7) | (1 << 8) : 0,
    }));
    try {
      const { response, receiver } = await this.#run(options, id, source);
      if (!receiver) ctx.netLog.end('REQUEST_ALIVE', source);
      else
        receiver.whenDone((error) => {
          if (error === undefined) ctx.netLog.end('REQUEST_ALIVE', source);
          else ctx.netLog.end('REQUEST_ALIVE', source, () => ({ net_error: toNetError(error).code }));
        });
      return response;
    } catch (error) {
      const failure = error instanceof NetError ? error : error instanceof Error ? error : toNetError(error);
      ctx.netLog.end('REQUEST_ALIVE', source, () => ({ net_error: failure instanceof NetError ? failure.code : -3 }));
      ctx.hooks.webRequest.onErrorOccurred?.({ ...this.#details(id, options.url, options.method, options.headers, options.initiator), error: failure.message });
      throw failure;
    }
  }

  #details(id: number, url: URL, method: string, headers: [string, string][], initiator: string | null): WebRequestDetails {
    return {
      id,
      url: url.href,
      method,
      resourceType: initiator ? 'xhr' : 'other',
      requestHeaders: Object.fromEntries(headers),
      initiator,
    };
  }

  async #run(options: LoadOptions, id: number, source: NetLogSource): Promise<{ response: LoadedResponse; receiver?: ResponseReceiver }> {
    const ctx = this.#ctx;
    const { signal } = options;
    let url = options.url;
    let method = options.method;
    let body = options.body;
    let headers = options.headers;
    let redirects = 0;
    let authRounds = 0;
    let identity: Identity | undefined;
    const triedFromCache = new Set<string>();
    const sendCredentials = options.credentials !== 'omit';
    const cookieContext = { credentials: options.credentials, method, initiator: options.initiator };

    for (;;) {
      signal?.throwIfAborted();
      if (!options.bypassCustomProtocolHandlers && ctx.hooks.protocols.handles(url)) {
        const handled = await ctx.hooks.protocols.handle(
          new Request(url, { method, headers, body: body && method !== 'GET' && method !== 'HEAD' ? body : null }),
        );
        if (handled) {
          const response = { status: handled.status, statusText: handled.statusText, headers: Object.fromEntries(handled.headers), body: handled.body, url: url.href, redirected: redirects > 0 };
          return { response };
        }
      }
      if (url.protocol === 'file:') return { response: await this.#loadFile(url) };
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw netError('ERR_UNKNOWN_URL_SCHEME');
      if (!isPortAllowed(url)) throw netError('ERR_UNSAFE_PORT');

      const before = await ctx.hooks.webRequest.onBeforeRequest?.(this.#details(id, url, method, headers, options.initiator));
      if (before?.cancel) throw netError('ERR_BLOCKED_BY_CLIENT');
      if (before?.redirectURL) {
        url = new URL(before.redirectURL);
        continue;
      }

      // The session's defaults, where the request brought none.
      let sent: [string, string][] = [...headers];
      if (!hasHeader(sent, 'user-agent')) sent.push(['User-Agent', ctx.userAgent()]);
      if (!hasHeader(sent, 'accept-encoding')) sent.push(['Accept-Encoding', ACCEPT_ENCODING]);
      if (!hasHeader(sent, 'accept-language') && ctx.acceptLanguages()) {
        sent.push(['Accept-Language', acceptLanguageHeader(ctx.acceptLanguages())]);
      }
      if (sendCredentials) {
        const cookie = await ctx.hooks.cookies.cookieHeader(url, cookieContext);
        if (cookie) sent.push(['Cookie', cookie]);
        if (!identity && !hasHeader(sent, 'authorization')) {
          const entry = ctx.authCache.lookupPath(originOf(url), url.pathname);
          if (entry && (entry.scheme === 'basic' || entry.digest)) {
            identity = { ...entry, source: 'preemptive' };
          }
        }
        if (identity) sent.push(['Authorization', this.#authorization(identity, method, url)]);
      }
      if (body && !hasHeader(sent, 'content-length')) sent.push(['Content-Length', String(body.byteLength)]);

      const beforeSend = await ctx.hooks.webRequest.onBeforeSendHeaders?.(this.#details(id, url, method, sent, options.initiator));
      if (beforeSend?.cancel) throw netError('ERR_BLOCKED_BY_CLIENT');
      if (beforeSend?.requestHeaders) sent = Object.entries(beforeSend.requestHeaders);
      ctx.hooks.webRequest.onSendHeaders?.(this.#details(id, url, method, sent, options.initiator));

      ctx.netLog.begin('URL_REQUEST_START_JOB', source, () => ({ url: url.href, method }));
      ctx.netLog.event('HTTP_TRANSACTION_SEND_REQUEST_HEADERS', source, (mode) => ({
        line: `${method} ${url.pathname}${url.search} HTTP/1.1\r\n`,
        headers: [`Host: ${url.host}`, ...sent.map(([k, v]) => headerLine(k, v, mode))],
      }));
      let response: ReceivedResponse;
      let receiver: ResponseReceiver;
      try {
        ({ response, receiver } = await this.#send(url, method, sent, body, signal, source));
      } catch (error) {
        ctx.netLog.end('URL_REQUEST_START_JOB', source, () => ({ net_error: toNetError(error).code }));
        throw error;
      }
      ctx.netLog.event('HTTP_TRANSACTION_READ_RESPONSE_HEADERS', source, (mode) => ({
        headers: [
          `HTTP/1.1 ${response.status} ${response.statusText}`,
          ...Object.entries(response.headers).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((value) => headerLine(k, value, mode)),
          ),
        ],
      }));
      ctx.netLog.end('URL_REQUEST_START_JOB', source);

      let responseDetails: WebRequestResponseDetails = {
        ...this.#details(id, url, method, sent, options.initiator),
        statusCode: response.status,
        statusLine: `HTTP/1.1 ${response.status} ${response.statusText}`,
        responseHeaders: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, headerValues(response.headers, k)])),
      };
      const received = await ctx.hooks.webRequest.onHeadersReceived?.(responseDetails);
      if (received?.cancel) {
        void response.body.cancel();
        throw netError('ERR_BLOCKED_BY_CLIENT');
      }
      if (received?.responseHeaders) {
        response = { ...response, headers: received.responseHeaders };
        responseDetails = { ...responseDetails, responseHeaders: received.responseHeaders };
      }

      if (sendCredentials) {
        const setCookies = headerValues(response.headers, 'set-cookie');
        if (setCookies.length) await ctx.hooks.cookies.storeResponseCookies(url, setCookies, cookieContext);
      }

      const location = headerValues(response.headers, 'location')[0];
      if (REDIRECTS.has(response.status) && location !== undefined) {
        if (options.redirect === 'error') {
          void response.body.cancel();
          throw options.redirectErrors.error();
        }
        if (options.redirect === 'manual') {
          void response.body.cancel();
          throw options.redirectErrors.manual();
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          void response.body.cancel();
          throw netError('ERR_INVALID_REDIRECT');
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          void response.body.cancel();
          throw netError('ERR_UNSAFE_REDIRECT');
        }
        if (++redirects > MAX_REDIRECTS) {
          void response.body.cancel();
          throw netError('ERR_TOO_MANY_REDIRECTS');
        }
        ctx.netLog.event('URL_REQUEST_REDIRECTED', source, () => ({ location: next.href }));
        ctx.hooks.webRequest.onBeforeRedirect?.({ ...responseDetails, redirectURL: next.href });
        await drain(response.body);
        if ((response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = null;
          headers = withoutHeaders(headers, BODY_HEADERS);
        }
        if (originOf(next) !== originOf(url)) {
          headers = withoutHeaders(headers, ['authorization']);
          identity = undefined;
        }
        url = next;
        continue;
      }

      if (response.status === 401 && sendCredentials && authRounds < MAX_AUTH_ROUNDS) {
        const challenges = parseChallenges(headerValues(response.headers, 'www-authenticate'));
        const challenge = preferredChallenge(challenges);
        if (identity) {
          const stale = challenge?.scheme === 'digest' && challenge.params.stale?.toLowerCase() === 'true';
          if (stale && challenge && identity.scheme === 'digest') {
            identity = { ...identity, digest: { challenge, nonceCount: 0 } };
            authRounds++;
            await drain(response.body);
            continue;
          }
          // The identity was refused: Chromium forgets it before asking again.
          ctx.authCache.remove(identity.origin, identity.scheme, identity.realm);
          identity = undefined;
        }
        if (challenge) {
          const origin = originOf(url);
          const realm = realmOf(challenge);
          const realmKey = `${origin}|${challenge.scheme}|${realm}`;
          const cached = triedFromCache.has(realmKey) ? undefined : ctx.authCache.lookupRealm(origin, challenge.scheme, realm);
          let next: Identity | undefined;
          if (cached) {
            triedFromCache.add(realmKey);
            next = { origin, scheme: challenge.scheme, realm, credentials: cached.credentials, source: 'cache' };
          } else if (options.login) {
            const answer = options.login.take({
              isProxy: false,
              scheme: challenge.scheme,
              host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
              port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
              realm,
            });
            if (!answer.cancel) {
              next = { origin, scheme: challenge.scheme, realm, credentials: { username: answer.username, password: answer.password }, source: 'login' };
            }
          }
          if (next) {
            if (next.scheme === 'digest') next.digest = { challenge, nonceCount: 0 };
            ctx.netLog.event('AUTH_CHALLENGE', source, () => ({ scheme: challenge.scheme, realm }));
            identity = next;
            authRounds++;
            await drain(response.body);
            continue;
          }
        }
      } else if (identity && response.status !== 401) {
        ctx.authCache.add(
          { origin: identity.origin, scheme: identity.scheme, realm: identity.realm, credentials: identity.credentials, ...(identity.digest ? { digest: identity.digest } : {}) },
          url.pathname,
        );
      }

      ctx.hooks.webRequest.onResponseStarted?.(responseDetails);
      const nullBody = NULL_BODY.has(response.status) || method === 'HEAD';
      if (nullBody) {
        void response.body.cancel();
        ctx.hooks.webRequest.onCompleted?.(responseDetails);
      }
      const encodings = headerValues(response.headers, 'content-encoding')
        .flatMap((v) => v.split(','))
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e && e !== 'identity');
      return {
        response: {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          body: nullBody ? null : encodings.length ? decode(response.body, encodings) : response.body,
          url: url.href,
          redirected: redirects > 0,
        },
        receiver,
      };
    }
  }

  #authorization(identity: Identity, method: string, url: URL): string {
    if (identity.scheme === 'digest' && identity.digest) {
      return digestAuthorization(identity.digest, identity.credentials, method, `${url.pathname}${url.search}`);
    }
    return basicAuthorization(identity.credentials);
  }

  async #send(
    url: URL,
    method: string,
    headers: [string, string][],
    body: Uint8Array | null,
    signal: AbortSignal | null,
    source: NetLogSource,
  ): Promise<{ response: ReceivedResponse; receiver: ResponseReceiver }> {
    const ctx = this.#ctx;
    const dispatchers = await ctx.dispatchersFor(url);
    let lastError: unknown;
    for (const dispatcher of dispatchers) {
      const receiver = new ResponseReceiver({
        onBodyEnd: () => signal?.removeEventListener('abort', onAbort),
        onChunk: (chunk) =>
          ctx.netLog.event('URL_REQUEST_JOB_BYTES_READ', source, (mode) =>
            mode === 'everything' ? { byte_count: chunk.length, bytes: chunk.toString('base64') } : { byte_count: chunk.length },
          ),
      });
      const onAbort = () => receiver.abort(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      signal?.addEventListener('abort', onAbort, { once: true });
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: method as Dispatcher.HttpMethod,
          headers: headers.flat(),
          body: body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : null,
        },
        receiver,
      );
      try {
        return { response: await receiver.response, receiver };
      } catch (error) {
        signal?.removeEventListener('abort', onAbort);
        lastError = error;
        // Only failures to connect move on to the next proxy; anything later is final.
        if (!(error instanceof NetError) || !isConnectFailure(error.code) || signal?.aborted) throw error;
      }
    }
    throw lastError ?? netError('ERR_FAILED');
  }

  async #loadFile(url: URL): Promise<LoadedResponse> {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch {
      throw netError('ERR_INVALID_URL');
    }
    let data: Buffer;
    try {
      if ((await stat(path)).isDirectory()) throw netError('ERR_FILE_NOT_FOUND');
      data = await readFile(path);
    } catch (error) {
      throw error instanceof NetError ? error : netError('ERR_FILE_NOT_FOUND', error);
    }
    return {
      status: 200,
      statusText: 'OK',
      headers: { 'content-length': String(data.length) },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(data);
          controller.close();
        },
      }),
      url: url.href,
      redirected: false,
    };
  }
}

function isConnectFailure(code: number): boolean {
  return [-102, -104, -105, -106, -109, -118, -137].includes(code);
}
