// One request through a session's stack, hop by hop, as Chromium's URL
// loader runs it: custom protocol handlers, the session's defaults
// (User-Agent, Accept-Language, encodings), cookies, cached credentials,
// webRequest stages, then the dispatcher chosen by the proxy hook. Answers
// are followed up here: redirects (up to 20, with Chromium's method
// rewriting), authentication challenges (cached identities first, then the
// page's `login` step), Set-Cookie on every hop, and content decoding.
//
// Which hops webRequest sees follows Electron's loader factories: a request
// of the net module (ses.fetch) passes webRequest on network hops only (its
// custom schemes and file: URLs go straight to their loaders); a page's
// request passes it on every hop (the webRequest hook itself leaves out
// intercepted schemes where Electron does).

import { readFile, stat } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
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
import {
  NO_WEB_REQUEST,
  type LoadedBy,
  type NetworkHooks,
  type ProxyServer,
  type WebRequestDetails,
  type WebRequestHook,
  type WebRequestResponseDetails,
} from '../hooks.ts';
import { NET_ERRORS, NetError, netError, netErrorName, toNetError } from '../net-error.ts';
import { headerLine, type NetLogBus, type NetLogSource } from '../netlog/net-log-bus.ts';
import { ACCEPT_ENCODING, acceptLanguageHeader, isPortAllowed } from './request-defaults.ts';
import { ResponseReceiver, type RawHeaders, type ReceivedResponse } from './response-receiver.ts';

export interface LoaderContext {
  userAgent(): string;
  acceptLanguages(): string;
  hooks: NetworkHooks;
  authCache: AuthCache;
  netLog: NetLogBus;
  /** The routes to try for `url` (a dispatcher per proxy list entry), in the proxy hook's order. */
  routesFor(url: URL): Promise<Route[]>;
  /**
   * A request got its response on a later route: the entries it skipped, with
   * why, so they are tried last for a while (Chromium's ReportSuccess).
   */
  routesSkipped(skipped: SkippedRoute[]): void;
}

/** One entry of a request's proxy list and the dispatcher that goes through it. */
export interface Route {
  dispatcher: Dispatcher;
  server: ProxyServer;
}

export interface SkippedRoute {
  server: ProxyServer;
  /** Chromium's error name, e.g. ERR_PROXY_CONNECTION_FAILED. */
  netError: string;
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
  /**
   * Who asks: Electron's net module (ses.fetch, the default) or a page of
   * the session (driver page fetches); it decides which hops webRequest sees.
   */
  requester?: 'net-module' | 'page';
  /** The webRequest resource type of the request; 'other' unless given. */
  resourceType?: string;
  /** The referrer URL, '' (the default) for none. */
  referrer?: string;
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

async function drain(body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (!body) return;
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

/**
 * Passes a body through and reports how it ended: read to its end
 * (undefined), failed (the error), or cancelled by its reader (ERR_ABORTED).
 */
function reportingEnd(stream: ReadableStream<Uint8Array>, onEnd: (error?: unknown) => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    onEnd(error);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          end();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        controller.error(error);
        end(error);
      }
    },
    cancel: (reason) => {
      end(netError('ERR_ABORTED'));
      return reader.cancel(reason);
    },
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

/** Chromium's net error for anything a request fails with (an abort by the caller is ERR_ABORTED). */
function failureOf(error: unknown): NetError {
  if (error instanceof NetError) return error;
  if (error instanceof DOMException || (error as { name?: unknown })?.name === 'AbortError') return netError('ERR_ABORTED', error);
  if (error instanceof Error && !(error as { code?: unknown }).code) return netError('ERR_ABORTED', error);
  return toNetError(error);
}

/** `HTTP/1.1 404 Not Found` -> [404, 'Not Found']; undefined when it is no status line. */
function parseStatusLine(line: string): [number, string] | undefined {
  const match = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s+(.*))?$/i.exec(line.trim());
  return match ? [Number(match[1]), match[2] ?? ''] : undefined;
}

/** Response headers keyed by their names as sent, each with every value. */
function headerMap(lines: readonly [string, string][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [name, value] of lines) (map[name] ??= []).push(value);
  return map;
}

function linesOf(headers: RawHeaders): [string, string][] {
  return Object.entries(headers).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((value): [string, string] => [k, value]),
  );
}

/** What one hop produced, whoever answered it. */
interface Received {
  status: number;
  statusText: string;
  headers: RawHeaders;
  /** Header lines with the names' case, where known. */
  lines: [string, string][];
  body: ReadableStream<Uint8Array> | null;
  receiver?: ResponseReceiver;
}

/** What the loader knows of a request in flight, for webRequest's error event. */
interface RequestState {
  webRequest: WebRequestHook;
  details?: WebRequestDetails;
  response?: WebRequestResponseDetails;
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
    const state: RequestState = { webRequest: NO_WEB_REQUEST };
    ctx.netLog.begin('REQUEST_ALIVE', source, () => ({
      url: options.url.href,
      method: options.method,
      initiator: options.initiator ?? 'not an origin',
      load_flags: options.credentials === 'omit' ? (1 << 6) | (1 << 7) | (1 << 8) : 0,
    }));
    try {
      const { response, receiver } = await this.#run(options, id, source, state);
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
      this.#reportError(state, error);
      throw failure;
    }
  }

  #reportError(state: RequestState, error: unknown): void {
    const details = state.response ?? state.details;
    if (details) state.webRequest.onErrorOccurred?.({ ...details, error: failureOf(error).message });
  }

  #details(id: number, url: URL, method: string, headers: [string, string][], options: LoadOptions, loadedBy: LoadedBy, body: Uint8Array | null): WebRequestDetails {
    return {
      id,
      url: url.href,
      method,
      resourceType: options.resourceType ?? 'other',
      requestHeaders: Object.fromEntries(headers),
      initiator: options.initiator,
      referrer: options.referrer ?? '',
      ...(body ? { uploadData: [{ bytes: body }] } : {}),
      loadedBy,
    };
  }

  /** Which loader answers `url`; unknown schemes and unsafe ports fail here, before any stage. */
  #loadedBy(url: URL, options: LoadOptions): LoadedBy {
    const protocols = this.#ctx.hooks.protocols;
    if (!options.bypassCustomProtocolHandlers && protocols.handles(url)) {
      return protocols.route?.(url) === 'intercepted' ? 'intercepted-protocol' : 'registered-protocol';
    }
    if (url.protocol === 'file:') return 'file';
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw netError('ERR_UNKNOWN_URL_SCHEME');
    if (!isPortAllowed(url)) throw netError('ERR_UNSAFE_PORT');
    return 'network';
  }

  /** Waits for a webRequest stage, but never past the caller's abort. */
  #stage<T>(value: Promise<T> | T, signal: AbortSignal | null): Promise<T> | T {
    if (!signal || !(value instanceof Promise)) return value;
    signal.throwIfAborted();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      signal.addEventListener('abort', onAbort, { once: true });
      value.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  async #run(options: LoadOptions, id: number, source: NetLogSource, state: RequestState): Promise<{ response: LoadedResponse; receiver?: ResponseReceiver }> {
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
      const loadedBy = this.#loadedBy(url, options);
      const observed = loadedBy === 'network' || options.requester === 'page';
      const wr = observed && ctx.hooks.webRequest.active?.() !== false ? ctx.hooks.webRequest : NO_WEB_REQUEST;
      state.webRequest = wr;
      state.response = undefined;
      // Nothing is described for webRequest while nobody listens.
      const observing = wr !== NO_WEB_REQUEST;
      const details = (sentHeaders: [string, string][]) => this.#details(id, url, method, sentHeaders, options, loadedBy, body);
      state.details = observing ? details(headers) : undefined;

      const before = state.details && (await this.#stage(wr.onBeforeRequest?.(state.details), signal));
      if (before?.cancel) throw netError('ERR_BLOCKED_BY_CLIENT');
      if (before?.redirectURL) {
        // Chromium answers a listener's redirect with a 307 of its own making.
        let next: URL;
        try {
          next = new URL(before.redirectURL);
        } catch {
          throw netError('ERR_INVALID_REDIRECT');
        }
        if (++redirects > MAX_REDIRECTS) throw netError('ERR_TOO_MANY_REDIRECTS');
        ctx.netLog.event('URL_REQUEST_REDIRECTED', source, () => ({ location: next.href }));
        if (state.details) {
          wr.onBeforeRedirect?.({
            ...state.details,
            statusCode: 307,
            statusLine: 'HTTP/1.1 307 Internal Redirect',
            responseHeaders: { Location: [next.href], 'Non-Authoritative-Reason': ['WebRequest API'] },
            fromCache: false,
            redirectURL: next.href,
          });
        }
        url = next;
        continue;
      }

      let sent: [string, string][] = [...headers];
      if (loadedBy === 'network') {
        // The session's defaults, where the request brought none.
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
      }

      if (observing) {
        const beforeSend = await this.#stage(wr.onBeforeSendHeaders?.(details(sent)), signal);
        if (beforeSend?.cancel) throw netError('ERR_BLOCKED_BY_CLIENT');
        if (beforeSend?.requestHeaders) sent = Object.entries(beforeSend.requestHeaders);
        state.details = details(sent);
        wr.onSendHeaders?.(state.details);
      }

      let received: Received;
      if (loadedBy === 'network') {
        received = await this.#fromNetwork(url, method, sent, body, signal, source);
      } else if (loadedBy === 'file') {
        received = await this.#loadFile(url);
      } else {
        received = await this.#fromHandler(url, method, sent, body, signal, source);
      }

      // Only read when somebody observes (state.details is set).
      let responseDetails = (state.details && {
        ...state.details,
        statusCode: received.status,
        statusLine: `HTTP/1.1 ${received.status}${received.statusText ? ` ${received.statusText}` : ''}`,
        responseHeaders: headerMap(received.lines),
        fromCache: false,
      }) as WebRequestResponseDetails;
      state.response = responseDetails;
      let override: Awaited<ReturnType<NonNullable<WebRequestHook['onHeadersReceived']>>> | undefined;
      try {
        override = await this.#stage(wr.onHeadersReceived?.(responseDetails), signal);
      } catch (error) {
        void received.body?.cancel();
        throw error;
      }
      if (override?.cancel) {
        void received.body?.cancel();
        throw netError('ERR_BLOCKED_BY_CLIENT');
      }
      if (override?.responseHeaders) {
        const lines = Object.entries(override.responseHeaders).flatMap(([k, values]) => values.map((v): [string, string] => [k, v]));
        const headersByName: RawHeaders = {};
        for (const [name, value] of lines) {
          const key = name.toLowerCase();
          const old = headersByName[key];
          headersByName[key] = old === undefined ? value : [...(Array.isArray(old) ? old : [old]), value];
        }
        const statusLine = override.statusLine ?? responseDetails.statusLine;
        const [status, statusText] = parseStatusLine(statusLine) ?? [received.status, received.statusText];
        received = { ...received, status, statusText, headers: headersByName, lines };
        responseDetails = { ...responseDetails, statusCode: status, statusLine, responseHeaders: headerMap(lines) };
        state.response = responseDetails;
      }
      const response = received;

      if (loadedBy === 'network' && sendCredentials) {
        const setCookies = headerValues(response.headers, 'set-cookie');
        if (setCookies.length) await ctx.hooks.cookies.storeResponseCookies(url, setCookies, cookieContext);
      }

      const location = headerValues(response.headers, 'location')[0];
      if (REDIRECTS.has(response.status) && location !== undefined) {
        if (options.redirect === 'error') {
          void response.body?.cancel();
          throw options.redirectErrors.error();
        }
        if (options.redirect === 'manual') {
          void response.body?.cancel();
          throw options.redirectErrors.manual();
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          void response.body?.cancel();
          throw netError('ERR_INVALID_REDIRECT');
        }
        // A protocol handler may redirect anywhere a request can go; the network only to http(s).
        if (loadedBy === 'network' && next.protocol !== 'http:' && next.protocol !== 'https:') {
          void response.body?.cancel();
          throw netError('ERR_UNSAFE_REDIRECT');
        }
        if (++redirects > MAX_REDIRECTS) {
          void response.body?.cancel();
          throw netError('ERR_TOO_MANY_REDIRECTS');
        }
        ctx.netLog.event('URL_REQUEST_REDIRECTED', source, () => ({ location: next.href }));
        wr.onBeforeRedirect?.({ ...responseDetails, redirectURL: next.href });
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

      if (loadedBy === 'network' && response.status === 401 && sendCredentials && authRounds < MAX_AUTH_ROUNDS) {
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
      } else if (loadedBy === 'network' && identity && response.status !== 401) {
        ctx.authCache.add(
          { origin: identity.origin, scheme: identity.scheme, realm: identity.realm, credentials: identity.credentials, ...(identity.digest ? { digest: identity.digest } : {}) },
          url.pathname,
        );
      }

      wr.onResponseStarted?.(responseDetails);
      const finalDetails = responseDetails;
      const nullBody = NULL_BODY.has(response.status) || method === 'HEAD' || !response.body;
      if (nullBody) {
        void response.body?.cancel();
        wr.onCompleted?.(finalDetails);
      }
      const encodings = headerValues(response.headers, 'content-encoding')
        .flatMap((v) => v.split(','))
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e && e !== 'identity');
      let delivered: ReadableStream<Uint8Array> | null = null;
      if (!nullBody && response.body) {
        const decoded = loadedBy === 'network' && encodings.length ? decode(response.body, encodings) : response.body;
        delivered =
          wr.onCompleted || wr.onErrorOccurred
            ? reportingEnd(decoded, (error) => {
                if (error === undefined) wr.onCompleted?.(finalDetails);
                else wr.onErrorOccurred?.({ ...finalDetails, error: failureOf(error).message });
              })
            : decoded;
      }
      return {
        response: {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          body: delivered,
          url: url.href,
          redirected: redirects > 0,
        },
        ...(response.receiver ? { receiver: response.receiver } : {}),
      };
    }
  }

  async #fromNetwork(
    url: URL,
    method: string,
    sent: [string, string][],
    body: Uint8Array | null,
    signal: AbortSignal | null,
    source: NetLogSource,
  ): Promise<Received> {
    const ctx = this.#ctx;
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
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      lines: response.rawHeaders ?? linesOf(response.headers),
      body: response.body,
      receiver,
    };
  }

  /** One hop answered by the session's protocol handler. */
  async #fromHandler(
    url: URL,
    method: string,
    sent: [string, string][],
    body: Uint8Array | null,
    signal: AbortSignal | null,
    source: NetLogSource,
  ): Promise<Received> {
    let request: Request;
    try {
      request = new Request(url, { method, headers: sent, body: body && method !== 'GET' && method !== 'HEAD' ? body : null });
    } catch (error) {
      throw netError('ERR_INVALID_ARGUMENT', error);
    }
    const handled = await this.#ctx.hooks.protocols.handle(request);
    signal?.throwIfAborted();
    if (!handled) {
      // The handler declined: the URL loads as if it had none.
      if (url.protocol === 'file:') return this.#loadFile(url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw netError('ERR_UNKNOWN_URL_SCHEME');
      return this.#fromNetwork(url, method, sent, body, signal, source);
    }
    const lines = [...handled.headers] as [string, string][];
    return {
      status: handled.status,
      statusText: handled.statusText || STATUS_CODES[handled.status] || '',
      headers: Object.fromEntries(handled.headers),
      lines,
      body: handled.body,
    };
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
    const routes = await ctx.routesFor(url);
    const skipped: SkippedRoute[] = [];
    let lastError: unknown;
    for (const { dispatcher, server } of routes) {
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
        const response = await receiver.response;
        if (skipped.length) ctx.routesSkipped(skipped);
        return { response, receiver };
      } catch (error) {
        signal?.removeEventListener('abort', onAbort);
        lastError = error;
        // Only failures to connect move on to the next proxy; anything later is final.
        if (!(error instanceof NetError) || !isConnectFailure(error.code) || signal?.aborted) throw finalError(error);
        skipped.push({ server, netError: netErrorName(error.code) ?? 'ERR_FAILED' });
      }
    }
    throw finalError(lastError ?? netError('ERR_FAILED'));
  }

  async #loadFile(url: URL): Promise<Received> {
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
    const headers = { 'content-length': String(data.length) };
    return {
      status: 200,
      statusText: 'OK',
      headers,
      lines: linesOf(headers),
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(data);
          controller.close();
        },
      }),
    };
  }
}

/**
 * Failures that move a request on to the next entry of its proxy list: the
 * connection-level errors of Chromium's CanFalloverToNextProxy that can only
 * happen before a request is sent (refused, unreachable, unresolved, offline,
 * timed out) plus the proxy's own (cannot reach it, SOCKS handshake failed,
 * bad proxy certificate). A failed CONNECT tunnel is final, as in Chromium.
 */
const FALLOVER_CODES = new Set([
  NET_ERRORS.ERR_CONNECTION_REFUSED,
  NET_ERRORS.ERR_CONNECTION_FAILED,
  NET_ERRORS.ERR_NAME_NOT_RESOLVED,
  NET_ERRORS.ERR_INTERNET_DISCONNECTED,
  NET_ERRORS.ERR_ADDRESS_UNREACHABLE,
  NET_ERRORS.ERR_CONNECTION_TIMED_OUT,
  NET_ERRORS.ERR_NAME_RESOLUTION_FAILED,
  NET_ERRORS.ERR_PROXY_CONNECTION_FAILED,
  NET_ERRORS.ERR_SOCKS_CONNECTION_FAILED,
  NET_ERRORS.ERR_PROXY_CERTIFICATE_INVALID,
]);

function isConnectFailure(code: number): boolean {
  return FALLOVER_CODES.has(code as never);
}

/** The error a request reports when its last route failed: SOCKS's "host unreachable" becomes the generic one. */
function finalError(error: unknown): unknown {
  return error instanceof NetError && error.code === NET_ERRORS.ERR_SOCKS_CONNECTION_HOST_UNREACHABLE
    ? netError('ERR_ADDRESS_UNREACHABLE', error)
    : error;
}
