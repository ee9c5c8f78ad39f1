// Turns what a protocol handler passed to its callback into a response, per
// handler type, as Electron's loaders read it (ElectronURLLoaderFactory
// from Electron 9, the URLRequest*Job classes of 1.x):
//
//   no argument         net::ERR_NOT_IMPLEMENTED
//   { error: code }     that net error (1.x: a bare number too); gin reads
//                       an int32 only, and a code Chromium has no name
//                       for fails as net::ERR_FAILED
//   statusCode/headers  the response head (default 200; mimeType sets
//                       content-type unless headers have one); a redirect
//                       status with a Location header redirects
//   string   a string, or { data: string }
//   buffer   a Buffer/TypedArray, or { data }
//   file     an absolute path, or { path }: exactly that file, nothing the
//            request's URL says; a missing file is net::ERR_FILE_NOT_FOUND
//   http     { url, method?, referrer?, session?, uploadData? }: loaded
//            through a session and piped back
//   stream   a readable stream, or { statusCode?, headers?, data: stream }
//   free     (protocol.handle) whichever of the above the value looks like
//
// A value the type cannot use fails with net::ERR_FAILED (1.x: mostly
// net::ERR_NOT_IMPLEMENTED or an empty body).

import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import type { EraId } from '../../contract/eras/eras.ts';
import { isInt32, netError, netErrorFromCode } from '../net/net-error.ts';
import { openFileBody, type FileBody } from '../net/http/file-body.ts';
import { bodyFromNodeStream, isStreamLike, looksLikeStream } from './node-stream-body.ts';
import { PROTOCOL_ERAS } from './protocol-era.ts';

type ResponseBody = NonNullable<ConstructorParameters<typeof Response>[0]>;

export type ProtocolType = 'string' | 'buffer' | 'file' | 'http' | 'stream' | 'free';

/**
 * Loads `url` for an http handler: through the Session `session` names,
 * a new independent session for null, else the era's default (the
 * handler's own session in 1.x, the default session since).
 */
export type HttpLoader = (options: {
  url: URL;
  method: string;
  headers: [string, string][];
  referrer: string;
  body: Uint8Array | null;
  session: unknown;
}) => Promise<Response>;

export interface ResponseContext {
  era: EraId;
  type: ProtocolType;
  request: { url: string; method: string; headers: [string, string][]; referrer: string };
  loadHttp: HttpLoader;
}

const CORS_HEADER: [string, string] = ['Access-Control-Allow-Origin', '*'];
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_CODES = new Set([101, 204, 205, 304]);

/** gin's ToDict: an object that is not a function, else nothing. */
function dictOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

interface Head {
  status: number;
  headers: [string, string][];
}

/** ToResponseHead: status, headers and mimeType of a response object. */
function headOf(dict: Record<string, unknown> | undefined): Head {
  if (!dict) return { status: 200, headers: [] };
  const status = isInt32(dict.statusCode) ? dict.statusCode : 200;
  const headers: [string, string][] = [];
  let hasContentType = false;
  const given = dictOf(dict.headers);
  if (given && !Array.isArray(given)) {
    for (const [name, value] of Object.entries(given)) {
      if (typeof value === 'string') headers.push([name, value]);
      else if (Array.isArray(value))
        for (const v of value)
          if (typeof v === 'string') headers.push([name, v]);
          else continue;
      if (name.toLowerCase() === 'content-type') hasContentType = true;
    }
  }
  if (typeof dict.mimeType === 'string' && !hasContentType) headers.push(['content-type', dict.mimeType]);
  return { status, headers };
}

/** A Response with the status's standard reason phrase, as Chromium writes the status line. */
export function makeResponse(head: Head, body: ResponseBody | null): Response {
  if (head.status < 200 || head.status > 599) throw netError('ERR_INVALID_RESPONSE');
  const headers = new Headers();
  try {
    for (const [name, value] of head.headers) headers.append(name, value);
  } catch (error) {
    throw netError('ERR_INVALID_RESPONSE', error);
  }
  return new Response(NULL_BODY_CODES.has(head.status) ? null : body, {
    status: head.status,
    statusText: STATUS_CODES[head.status] ?? '',
    headers,
  });
}

function redirectOf(head: Head): boolean {
  return REDIRECT_CODES.has(head.status) && head.headers.some(([name]) => name.toLowerCase() === 'location');
}

function bytesOf(value: ArrayBufferView): Uint8Array {
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** Exactly the file the handler named; the request's URL plays no part. */
async function fileResponse(head: Head, filePath: string): Promise<Response> {
  if (!path.isAbsolute(filePath) || filePath.includes('\0')) throw netError('ERR_FILE_NOT_FOUND');
  let file: FileBody;
  try {
    file = await openFileBody(filePath);
  } catch (error) {
    throw netError('ERR_FILE_NOT_FOUND', error);
  }
  return makeResponse({ status: head.status, headers: [...head.headers, CORS_HEADER] }, file.body);
}

function contentsResponse(head: Head, data: string | Uint8Array): Response {
  // Bytes, so that no content-type appears that the handler did not give.
  return makeResponse({ status: head.status, headers: [...head.headers, CORS_HEADER] }, Buffer.from(data));
}

function streamResponse(head: Head, dict: Record<string, unknown> | undefined, whole: unknown): Response {
  let source: unknown;
  if (dict && 'data' in dict) {
    source = dict.data;
    if (source === null || source === undefined) return makeResponse(head, null);
  } else {
    // Without `data` the value itself is taken for the stream.
    source = whole;
  }
  if (!isStreamLike(source)) throw netError('ERR_FAILED');
  return makeResponse(head, bodyFromNodeStream(source));
}

async function httpResponse(ctx: ResponseContext, dict: Record<string, unknown>): Promise<Response> {
  const url = new URL(String(dict.url));
  const method = typeof dict.method === 'string' && dict.method ? dict.method : ctx.request.method;
  let body: Uint8Array | null = null;
  const upload = dictOf(dict.uploadData);
  if (method !== 'GET' && method !== 'HEAD' && upload && typeof upload.data === 'string') body = Buffer.from(upload.data);
  const headers = [...ctx.request.headers];
  if (body && typeof upload?.contentType === 'string') headers.push(['content-type', upload.contentType]);
  return ctx.loadHttp({
    url,
    method,
    headers,
    referrer: typeof dict.referrer === 'string' ? dict.referrer : ctx.request.referrer,
    body,
    session: dict.session,
  });
}

function validUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Electron 1.x's request jobs. */
async function legacyResponse(ctx: ResponseContext, args: unknown[]): Promise<Response> {
  if (args.length === 0) throw netError('ERR_NOT_IMPLEMENTED');
  const [value] = args;
  if (isInt32(value)) throw netErrorFromCode(value);
  const dict = dictOf(value);
  if (dict && isInt32(dict.error)) throw netErrorFromCode(dict.error);
  const mime: Head = {
    status: 200,
    headers: dict && typeof dict.mimeType === 'string' && dict.mimeType ? [['content-type', dict.mimeType]] : [],
  };
  switch (ctx.type) {
    case 'string': {
      const data = typeof value === 'string' ? value : dict && typeof dict.data === 'string' ? dict.data : '';
      return contentsResponse(mime, data);
    }
    case 'buffer': {
      const data = ArrayBuffer.isView(value) ? value : dict && ArrayBuffer.isView(dict.data) ? dict.data : undefined;
      if (!data) throw netError('ERR_NOT_IMPLEMENTED');
      return contentsResponse(mime, bytesOf(data));
    }
    case 'file': {
      const filePath = typeof value === 'string' ? value : dict && typeof dict.path === 'string' ? dict.path : '';
      if (!filePath) throw netError('ERR_NOT_IMPLEMENTED');
      return fileResponse({ status: 200, headers: [] }, filePath);
    }
    case 'http':
      if (!dict || Array.isArray(dict)) throw netError('ERR_NOT_IMPLEMENTED');
      if (!validUrl(dict.url)) throw netError('ERR_INVALID_URL');
      return httpResponse(ctx, dict);
    default:
      return streamResponse(
        headOf(dict && !isStreamLike(dict) ? dict : undefined),
        dict && !isStreamLike(dict) ? dict : undefined,
        value,
      );
  }
}

/** ElectronURLLoaderFactory::StartLoading. */
async function networkServiceResponse(ctx: ResponseContext, args: unknown[]): Promise<Response> {
  if (args.length === 0) throw netError('ERR_NOT_IMPLEMENTED');
  const [value] = args;
  const dict = dictOf(value);
  if (dict && isInt32(dict.error)) throw netErrorFromCode(dict.error);
  const head = headOf(dict);
  if (redirectOf(head)) return makeResponse(head, null);
  const mustBeObject = ctx.type === 'buffer' || ctx.type === 'http' || ctx.type === 'stream';
  if (!dict && mustBeObject) throw netError('ERR_NOT_IMPLEMENTED');
  switch (ctx.type) {
    case 'buffer': {
      const data = ArrayBuffer.isView(value) ? value : dict && ArrayBuffer.isView(dict.data) ? dict.data : undefined;
      if (!data) throw netError('ERR_FAILED');
      return contentsResponse(head, bytesOf(data));
    }
    case 'string': {
      const data = typeof value === 'string' ? value : dict && typeof dict.data === 'string' ? dict.data : undefined;
      if (data === undefined) throw netError('ERR_FAILED');
      return contentsResponse(head, data);
    }
    case 'file': {
      const filePath = typeof value === 'string' ? value : dict && typeof dict.path === 'string' ? dict.path : undefined;
      if (filePath === undefined) throw netError('ERR_FAILED');
      return fileResponse(head, filePath);
    }
    case 'http':
      if (!dict || !validUrl(dict.url)) throw netError('ERR_FAILED');
      return httpResponse(ctx, dict);
    case 'stream':
      return streamResponse(head, dict, value);
    case 'free': {
      const data = dict && 'data' in dict ? dict.data : value;
      if (ArrayBuffer.isView(data)) return contentsResponse(head, bytesOf(data));
      if (typeof data === 'string') return contentsResponse(head, data);
      if (looksLikeStream(data)) return streamResponse(head, dict, value);
      if (dict && typeof dict.url === 'string') return httpResponse(ctx, dict);
      if (dict && typeof dict.path === 'string') return fileResponse(head, dict.path);
      throw netError('ERR_FAILED');
    }
  }
}

/** The response for the arguments a handler passed to its callback. */
export function responseFor(ctx: ResponseContext, args: unknown[]): Promise<Response> {
  return PROTOCOL_ERAS[ctx.era].legacyHandlerAnswers ? legacyResponse(ctx, args) : networkServiceResponse(ctx, args);
}
