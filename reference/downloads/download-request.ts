// One request of a download through the session's own network stack (so
// webRequest, cookies, proxies, auth caches and custom protocols apply as to
// any request), and what its answer tells the download (Chromium's
// DownloadCreateInfo): the URL chain, the MIME type, Content-Disposition,
// the size, the validators kept for resuming (ETag and Last-Modified, only
// when they are strong), and whether the answer is something to download at
// all. A resumption asks for the rest with `Range: bytes=<offset>-` and
// `If-Range` (the ETag, else Last-Modified) when it has a validator, and
// starts over when the server sends the whole entity instead.

import type { NetworkService } from '../net/network-service.ts';
import type { LoadedResponse } from '../net/http/url-loader.ts';
import { discard } from '../net/http/body-streams.ts';
import type { RawHeaders } from '../net/http/response-receiver.ts';
import { NetError, netErrorName } from '../net/net-error.ts';
import { parseHttpDate } from '../net/http/http-date.ts';
import { reasonForRequestFailure, reasonForResponse, type InterruptReason } from './interrupt-reasons.ts';
import { PrefetchedBody } from './prefetched-body.ts';
import { loadWithChain } from './download-chain-stage.ts';
import { loaderMimeType, MAX_BYTES_TO_SNIFF, sniffMimeType } from '../net/http/mime-sniffer.ts';

export interface DownloadRequest {
  /** The URL as given; an unparsable one is an invalid request. */
  url: string;
  /** The caller's own headers (downloadURL's `headers`), added after the download's. */
  headers: readonly [string, string][];
  /** Bytes already on disk: a resumption asks for what follows. */
  offset: number;
  etag: string;
  lastModified: string;
  /** A page's navigation (the driver's downloads.navigate) rather than downloadURL. */
  navigation?: boolean;
}

/** What the answer says (DownloadCreateInfo). */
export interface DownloadAnswer {
  urlChain: string[];
  /** NONE when there is something to download from `offset`. */
  result: InterruptReason;
  status: number;
  mimeType: string;
  contentDisposition: string;
  /** Content-Length when known and positive, else 0. */
  totalBytes: number;
  etag: string;
  lastModified: string;
  strongValidators: boolean;
  /** Where the body starts in the file: 0 when the server sent the whole entity. */
  offset: number;
  /** The body, when result is NONE, read as it arrives. */
  body: PrefetchedBody | null;
  /** Stops the exchange (pause keeps it; cancel and interruptions end it). */
  abort(): void;
}

function first(headers: RawHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * HttpResponseHeaders::GetMimeType (HttpUtil::ParseContentType): the value's
 * first token (up to white space, `;` or `(`), lower case; nothing for an
 * empty value, exactly `*\/*`, or one without a slash anywhere.
 */
export function mimeTypeOf(contentType: string): string {
  if (contentType === '' || contentType === '*/*' || !contentType.includes('/')) return '';
  const type = contentType.replace(/^[ \t]+/, '');
  const end = type.search(/[ \t;(]/);
  return (end < 0 ? type : type.slice(0, end)).toLowerCase();
}

/**
 * The type Chromium's URLLoader reports for a download (it loads with
 * kURLLoadOptionSniffMimeType): sniffed from the first bytes where
 * net::ShouldSniffMimeType says so. Only http(s) answers come from that
 * loader; file: and custom schemes have loaders of their own.
 */
async function downloadMimeType(headers: RawHeaders, url: string, body: PrefetchedBody | null): Promise<string> {
  const mime = mimeTypeOf(first(headers, 'content-type'));
  const finalUrl = URL.parse(url);
  if (!body || !finalUrl || (finalUrl.protocol !== 'http:' && finalUrl.protocol !== 'https:')) return mime;
  return loaderMimeType(mime, finalUrl, first(headers, 'x-content-type-options'), async (hint) => {
    // Each arrival is sniffed again until the sniffer has enough, 1024 bytes came, or the body ended.
    for (let seen = 0; ; ) {
      const start = await body.peek(seen, MAX_BYTES_TO_SNIFF);
      const sniffed = sniffMimeType(start, finalUrl, hint);
      if (sniffed.enough || start.length >= MAX_BYTES_TO_SNIFF || start.length <= seen) return sniffed.type;
      seen = start.length;
    }
  });
}

/** HttpUtil::HasStrongValidators for an HTTP/1.1 answer. */
export function hasStrongValidators(etag: string, lastModified: string, date: string): boolean {
  if (!etag && !lastModified) return false;
  if (etag) {
    const slash = etag.indexOf('/');
    if (slash <= 0 || etag.slice(0, slash).trim().toLowerCase() !== 'w') return true;
  }
  const modified = parseHttpDate(lastModified);
  const served = parseHttpDate(date);
  if (modified === undefined || served === undefined) return false;
  return served - modified >= 60_000;
}

/** The first byte of a 206's `Content-Range: bytes first-last/length`. */
function firstByteOf(contentRange: string): number | undefined {
  const match = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(contentRange);
  return match ? Number(match[1]) : undefined;
}

function requestHeaders(request: DownloadRequest): [string, string][] {
  const headers: [string, string][] = [];
  if (request.offset > 0 && (request.etag || request.lastModified)) {
    headers.push(['Range', `bytes=${request.offset}-`]);
    headers.push(['If-Range', request.etag || request.lastModified]);
  }
  const present = new Set(headers.map(([name]) => name.toLowerCase()));
  for (const [name, value] of request.headers) if (!present.has(name.toLowerCase())) headers.push([name, value]);
  return headers;
}

function failed(urlChain: string[], result: InterruptReason): DownloadAnswer {
  return {
    urlChain,
    result,
    status: 0,
    mimeType: '',
    contentDisposition: '',
    totalBytes: 0,
    etag: '',
    lastModified: '',
    strongValidators: false,
    offset: 0,
    body: null,
    abort: () => undefined,
  };
}

export async function requestDownload(network: NetworkService, request: DownloadRequest): Promise<DownloadAnswer> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    // GURL reports an invalid URL's spec as ''.
    return failed([''], 'NETWORK_INVALID_REQUEST');
  }
  const controller = new AbortController();
  const outcome = await loadWithChain(url, controller.signal, () =>
    network.load({
      url,
      method: 'GET',
      headers: requestHeaders(request),
      body: null,
      signal: controller.signal,
      redirect: 'follow',
      credentials: 'include',
      initiator: null,
      requester: 'page',
      resourceType: request.navigation ? 'mainFrame' : 'other',
      ...(request.navigation ? { login: network.login } : {}),
    }),
  );
  if ('error' in outcome) {
    const { error } = outcome;
    const name = error instanceof NetError ? netErrorName(error.code) : undefined;
    const reason =
      name === 'ERR_UNKNOWN_URL_SCHEME' ? 'NETWORK_INVALID_REQUEST' : reasonForRequestFailure(error, request.offset > 0);
    return failed(outcome.chain, reason);
  }
  return answerOf(outcome.response, outcome.chain, request, () => controller.abort());
}

async function answerOf(
  response: LoadedResponse,
  urlChain: string[],
  request: DownloadRequest,
  abort: () => void,
): Promise<DownloadAnswer> {
  const { headers, status } = response;
  const etag = first(headers, 'etag');
  const lastModified = first(headers, 'last-modified');
  const strongValidators = hasStrongValidators(etag, lastModified, first(headers, 'date'));
  const contentLength = Number(first(headers, 'content-length'));
  // A file: URL (or a handler's answer without headers) has no status line of its own.
  const result = reasonForResponse(status, request.offset, firstByteOf(first(headers, 'content-range')));
  const body = result === 'NONE' && response.body ? new PrefetchedBody(response.body) : null;
  const answer: DownloadAnswer = {
    urlChain,
    result,
    status,
    mimeType: await downloadMimeType(headers, urlChain.at(-1) ?? '', body),
    contentDisposition: first(headers, 'content-disposition'),
    totalBytes: Number.isSafeInteger(contentLength) && contentLength > 0 ? contentLength : 0,
    etag: strongValidators ? etag : '',
    lastModified: strongValidators ? lastModified : '',
    strongValidators,
    offset: result === 'NONE' && status === 206 ? request.offset : 0,
    body,
    abort: () => {
      abort();
      if (body) body.cancel();
      else discard(response.body);
    },
  };
  if (!body) discard(response.body);
  return answer;
}
