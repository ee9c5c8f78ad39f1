// A session's HTTP cache, run per request the way Chromium's
// HttpCache::Transaction runs: it decides from the method, the load flags
// and the stored entry whether to answer from the entry, validate it with a
// conditional request (If-None-Match / If-Modified-Since, a 304 refreshing
// the entry), or go to the network and store what comes back.
//
//   method               uses the cache
//   GET                  reads and writes
//   HEAD                 reads entries a GET stored; never stores its own
//   PUT (with a body),   never answered from the cache; a 2xx or 3xx answer
//   DELETE, PATCH        removes the URL's entry
//   POST and others      pass through; a 2xx or 3xx POST removes the entry
//
// Entries are keyed by URL (without fragment), one per URL as in Chromium's
// single-keyed cache: a Vary mismatch (and `Vary: *` always is one)
// revalidates with the ETag only, and a 200 replaces the entry. Answers are
// stored whatever their status (a 204 included) unless they say
// `Cache-Control: no-store` (which also removes the stored one), are auth
// challenges, partial (206) or answer a HEAD. A request that bypasses the
// cache (`Cache-Control: no-cache` or `Pragma: no-cache`, fetch's 'reload')
// drops the stored entry before it is sent, whatever it then gets.
//
// undici 7's RFC 9111 cache interceptor was the first candidate; it differs
// from Chromium where an app can see it, so the transaction is our own: it
// adds Age and Warning headers to cached answers, keeps a revalidated entry
// stale (no freshness from a 304) and deletes entries on a 304 carrying
// Cache-Control, stores only answers with explicit freshness or heuristic
// statuses (Chromium stores every answer a later 'force-cache' may use),
// sends If-Modified-Since without a Last-Modified, honours a request's
// no-store, ignores a response's Pragma: no-cache, and applies the
// Last-Modified heuristic to 404/405/414/501 but not Chromium's implicit
// freshness of 300/301/308/410.

import { netError } from '../../net/net-error.ts';
import { discard } from '../../net/http/body-streams.ts';
import { captureBody } from './body-capture.ts';
import { persistedLines, updatedLines, varyDataFor, varyMatches, type CacheEntryMeta } from './cache-entry.ts';
import type { CacheStore, StoredResponse } from './cache-store.ts';
import { validationRequiredByHeaders, type Validation } from './freshness.ts';
import { firstValue, hasHeaderValue } from './header-values.ts';
import { requestFlags, type ExternalValidation, type LoadFlags } from './load-flags.ts';

/** What the cache needs of an answer: status, header lines and body. */
export interface CacheHop {
  status: number;
  statusText: string;
  lines: [string, string][];
  body: ReadableStream<Uint8Array> | null;
}

export interface CacheRequest {
  url: URL;
  method: string;
  /** The header lines going on the wire (Vary is matched against these). */
  headers: [string, string][];
  hasBody: boolean;
  flags: LoadFlags;
}

/** The network's answer (its body possibly copied into the cache) or one made from a stored entry. */
export type CacheAnswer<T extends CacheHop> = { fromCache: false; response: T } | { fromCache: true; response: CacheHop };

type Mode = 'none' | 'read' | 'write' | 'read-write' | 'update';

const INVALIDATING = new Set(['PUT', 'DELETE', 'PATCH']);

function nonError(status: number): boolean {
  return status >= 200 && status < 400;
}

function keyOf(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

function withHeader(lines: [string, string][], name: string, value: string): [string, string][] {
  return [...lines.filter(([k]) => k.toLowerCase() !== name.toLowerCase()), [name, value]];
}

export class HttpCache {
  readonly #store: CacheStore;
  readonly #now: () => number;

  constructor(store: CacheStore, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  get store(): CacheStore {
    return this.#store;
  }

  async transact<T extends CacheHop>(
    request: CacheRequest,
    send: (headers: [string, string][]) => Promise<T>,
  ): Promise<CacheAnswer<T>> {
    const { flags, external } = requestFlags(request.flags, request.headers);
    const method = request.method;
    const key = keyOf(request.url);
    const mode = this.#modeFor(method, request.hasBody, flags, external);
    if (mode === 'none') return this.#passThrough(request, key, flags, send);

    if (mode === 'write') {
      // A bypassing request dooms the stored entry before it is sent (DoInitEntry),
      // whatever it then gets; a GET stores its answer in a new one.
      await this.#store.delete(key);
      if (method === 'GET') return this.#fetchAndStore(request, key, request.headers, send);
      return { fromCache: false, response: await send(request.headers) };
    }
    const entry = await this.#store.get(key);
    if (!entry) {
      if (mode === 'read') throw netError('ERR_CACHE_MISS');
      // Only a GET creates an entry; the rest open existing ones only.
      if (mode === 'read-write' && method === 'GET') return this.#fetchAndStore(request, key, request.headers, send);
      return this.#passThrough(request, key, flags, send);
    }
    if (mode === 'update') return this.#externallyConditional(request, key, entry, external!, send);

    const { validation, varyMismatch } = this.#requiredValidation(entry, request, flags);
    if (mode === 'read') {
      if (validation !== 'none') throw netError('ERR_CACHE_MISS');
      return this.#serve(entry, method);
    }
    if (validation === 'none') return this.#serve(entry, method);
    if (INVALIDATING.has(method)) return this.#invalidating(key, request.headers, send);
    const conditional = this.#conditionalHeaders(entry, request.headers, varyMismatch);
    if (!conditional) {
      if (method === 'HEAD') return this.#headReplacing(key, await send(request.headers));
      return this.#fetchAndStore(request, key, request.headers, send);
    }
    const sentAt = this.#now();
    const response = await send(conditional);
    if (response.status === 304) return this.#validated(entry, request, response, sentAt);
    if (method === 'HEAD') return this.#headReplacing(key, response);
    return { fromCache: false, response: this.#storing(request, key, response, sentAt) };
  }

  /**
   * A HEAD's full answer where an entry was found stale: a HEAD cannot
   * replace the entry, so it is dropped, unless the answer is an auth
   * challenge (401, 407), which Chromium hands back as an intermediate
   * answer that leaves the stored one intact.
   */
  async #headReplacing<T extends CacheHop>(key: string, response: T): Promise<CacheAnswer<T>> {
    if (response.status !== 401 && response.status !== 407) await this.#store.delete(key);
    return { fromCache: false, response };
  }

  /** HttpCache::Transaction's mode after SetRequest and ShouldPassThrough. */
  #modeFor(method: string, hasBody: boolean, flags: LoadFlags, external: ExternalValidation | null): Mode {
    const cacheable =
      !flags.disableCache &&
      (method === 'GET' || method === 'HEAD' || method === 'DELETE' || method === 'PATCH' || (method === 'PUT' && hasBody));
    let mode: Mode = 'none';
    if (cacheable) {
      if (flags.onlyFromCache) {
        if (flags.bypassCache) throw netError('ERR_CACHE_MISS');
        mode = 'read';
      } else {
        mode = flags.bypassCache ? 'write' : 'read-write';
      }
      if (external) mode = mode === 'write' || mode === 'read-write' ? 'update' : 'none';
    }
    if (INVALIDATING.has(method) && mode !== 'read-write' && mode !== 'write') mode = 'none';
    if (method === 'HEAD' && mode === 'write') mode = 'none';
    if (mode !== 'read' && mode !== 'read-write' && flags.onlyFromCache) throw netError('ERR_CACHE_MISS');
    return mode;
  }

  /** Straight to the network; a successful POST still removes the URL's entry. */
  async #passThrough<T extends CacheHop>(
    request: CacheRequest,
    key: string,
    flags: LoadFlags,
    send: (h: [string, string][]) => Promise<T>,
  ): Promise<CacheAnswer<T>> {
    const response = await send(request.headers);
    if (!flags.disableCache && request.method === 'POST' && nonError(response.status)) await this.#store.delete(key);
    return { fromCache: false, response };
  }

  async #invalidating<T extends CacheHop>(
    key: string,
    headers: [string, string][],
    send: (h: [string, string][]) => Promise<T>,
  ): Promise<CacheAnswer<T>> {
    const response = await send(headers);
    if (nonError(response.status)) await this.#store.delete(key);
    return { fromCache: false, response };
  }

  async #fetchAndStore<T extends CacheHop>(
    request: CacheRequest,
    key: string,
    headers: [string, string][],
    send: (h: [string, string][]) => Promise<T>,
  ): Promise<CacheAnswer<T>> {
    const sentAt = this.#now();
    const response = await send(headers);
    return { fromCache: false, response: this.#storing(request, key, response, sentAt) };
  }

  /** RequiresValidation: Vary first, then the load flags, then the entry's freshness. */
  #requiredValidation(
    entry: StoredResponse,
    request: CacheRequest,
    flags: LoadFlags,
  ): { validation: Validation; varyMismatch: boolean } {
    const { meta } = entry;
    if (meta.vary && !varyMatches(meta.vary, request.headers)) return { validation: 'synchronous', varyMismatch: true };
    if (flags.skipCacheValidation) return { validation: 'none', varyMismatch: false };
    if (flags.validateCache || INVALIDATING.has(request.method)) return { validation: 'synchronous', varyMismatch: false };
    return {
      validation: validationRequiredByHeaders(meta.status, meta.lines, meta.requestTime, meta.responseTime, this.#now()),
      varyMismatch: false,
    };
  }

  /** ConditionalizeRequest: the request with the entry's validators, or null when it has none to use. */
  #conditionalHeaders(entry: StoredResponse, headers: [string, string][], varyMismatch: boolean): [string, string][] | null {
    const { meta } = entry;
    if (meta.status !== 200 && meta.status !== 206) return null;
    const etag = firstValue(meta.lines, 'etag');
    // After a Vary mismatch, a date says nothing about this variant.
    const lastModified = varyMismatch ? undefined : firstValue(meta.lines, 'last-modified');
    if (!etag && !lastModified) return null;
    let conditional = headers;
    if (etag) conditional = withHeader(conditional, 'If-None-Match', etag);
    if (lastModified) conditional = withHeader(conditional, 'If-Modified-Since', lastModified);
    return conditional;
  }

  #serve(entry: StoredResponse, method: string, lines: [string, string][] = entry.meta.lines): CacheAnswer<never> {
    this.#store.touch(entry.meta.key, this.#now());
    let body: ReadableStream<Uint8Array> | null = null;
    if (method !== 'HEAD') {
      const read = entry.body();
      body = new ReadableStream<Uint8Array>({
        async start(controller) {
          try {
            const bytes = await read;
            if (bytes.byteLength) controller.enqueue(bytes);
            controller.close();
          } catch (error) {
            controller.error(netError('ERR_CACHE_READ_FAILURE', error));
          }
        },
      });
    }
    return { fromCache: true, response: { status: entry.meta.status, statusText: entry.meta.statusText, lines, body } };
  }

  /** A 304 answered our validation: the entry's headers are refreshed and its body served. */
  async #validated<T extends CacheHop>(
    entry: StoredResponse,
    request: CacheRequest,
    response: T,
    sentAt: number,
  ): Promise<CacheAnswer<T>> {
    discard(response.body);
    const merged = updatedLines(entry.meta.lines, response.lines);
    if (hasHeaderValue(merged, 'cache-control', 'no-store')) {
      await this.#store.delete(entry.meta.key);
    } else {
      await this.#store.update(this.#refreshedMeta(entry.meta, merged, request, sentAt));
    }
    return this.#serve(entry, request.method, merged);
  }

  #refreshedMeta(meta: CacheEntryMeta, merged: [string, string][], request: CacheRequest, sentAt: number): CacheEntryMeta {
    const lines = persistedLines(merged);
    const now = this.#now();
    return { ...meta, lines, requestTime: sentAt, responseTime: now, vary: varyDataFor(request.headers, lines), lastUsed: now };
  }

  /** The caller sent its own validators (mode UPDATE). */
  async #externallyConditional<T extends CacheHop>(
    request: CacheRequest,
    key: string,
    entry: StoredResponse,
    external: ExternalValidation,
    send: (h: [string, string][]) => Promise<T>,
  ): Promise<CacheAnswer<T>> {
    const { meta } = entry;
    const matches =
      (external.ifModifiedSince === undefined || firstValue(meta.lines, 'last-modified') === external.ifModifiedSince) &&
      (external.ifNoneMatch === undefined || firstValue(meta.lines, 'etag') === external.ifNoneMatch);
    const sentAt = this.#now();
    const response = await send(request.headers);
    if (meta.status !== 200 || !matches) return { fromCache: false, response };
    if (response.status === 304) {
      const merged = updatedLines(meta.lines, response.lines);
      if (hasHeaderValue(merged, 'cache-control', 'no-store')) await this.#store.delete(key);
      else await this.#store.update(this.#refreshedMeta(meta, merged, request, sentAt));
      // The caller asked the question; it gets the 304 itself.
      return { fromCache: false, response };
    }
    return { fromCache: false, response: this.#storing(request, key, response, sentAt) };
  }

  /** Stores a network answer as it is read, when Chromium would keep it. */
  #storing<T extends CacheHop>(request: CacheRequest, key: string, response: T, requestTime: number): T {
    const responseTime = this.#now();
    const { status } = response;
    if (request.method === 'HEAD' || status === 401 || status === 407 || status === 206 || status === 304) return response;
    if (hasHeaderValue(response.lines, 'cache-control', 'no-store')) {
      void this.#store.delete(key);
      return response;
    }
    const lines = persistedLines(response.lines);
    const meta: CacheEntryMeta = {
      key,
      status,
      statusText: response.statusText,
      lines,
      requestTime,
      responseTime,
      vary: varyDataFor(request.headers, response.lines),
      bodySize: 0,
      lastUsed: responseTime,
    };
    const commit = (body: Uint8Array | null) => {
      if (body === null) void this.#store.delete(key);
      else void this.#store.put({ ...meta, bodySize: body.byteLength }, body);
    };
    // A 204 has no body by definition (the caller drops the stream without
    // reading it): its entry is complete as soon as its headers are.
    if (!response.body || status === 204) {
      commit(new Uint8Array(0));
      return response;
    }
    return { ...response, body: captureBody(response.body, this.#store.maxEntryBytes, commit) };
  }
}
