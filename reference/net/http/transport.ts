// The bottom of the loader, under every stage: the hop is answered by the
// loader its URL was given to ('hop' decides): the network, the built-in
// file loader, or the session's protocol handler. A handler that declines
// leaves the URL to the loader it would have had without one. Waiting for a
// handler, and reading a body no socket carries, end at the request's abort.

import { STATUS_CODES } from 'node:http';
import { fileURLToPath } from 'node:url';
import { netError } from '../net-error.ts';
import { abortableBody, untilAborted } from './abort.ts';
import { openFileBody, type FileBody } from './file-body.ts';
import { linesOf } from './header-lines.ts';
import { fromNetwork, type WireRequest } from './network-transport.ts';
import type { Exchange, HopResponse } from './stages/stage.ts';

async function loadFile(url: URL, signal: AbortSignal | null): Promise<HopResponse> {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    throw netError('ERR_INVALID_URL');
  }
  let file: FileBody;
  try {
    file = await openFileBody(path);
  } catch (error) {
    throw netError('ERR_FILE_NOT_FOUND', error);
  }
  const headers: Record<string, string> = file.size === null ? {} : { 'content-length': String(file.size) };
  return { status: 200, statusText: 'OK', headers, lines: linesOf(headers), body: abortableBody(file.body, signal) };
}

/** One hop answered by the session's protocol handler. */
async function fromHandler(exchange: Exchange, wire: WireRequest): Promise<HopResponse> {
  const { url, method, headers, body, signal } = wire;
  let request: Request;
  try {
    request = new Request(url, { method, headers, body: body && method !== 'GET' && method !== 'HEAD' ? body : null });
  } catch (error) {
    throw netError('ERR_INVALID_ARGUMENT', error);
  }
  // A handler that never answers holds the request only until it is aborted.
  const handled = await untilAborted(exchange.ctx.hooks.protocols.handle(request), signal);
  signal?.throwIfAborted();
  if (!handled) {
    // The handler declined: the URL loads as if it had none.
    if (url.protocol === 'file:') return loadFile(url, signal);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw netError('ERR_UNKNOWN_URL_SCHEME');
    return fromNetwork(exchange.ctx, exchange.source, wire);
  }
  const lines = [...handled.headers] as [string, string][];
  return {
    status: handled.status,
    statusText: handled.statusText || STATUS_CODES[handled.status] || '',
    headers: Object.fromEntries(handled.headers),
    lines,
    body: handled.body && abortableBody(handled.body, signal),
  };
}

/** The answer to the hop `exchange` is on. */
export function transport(exchange: Exchange): Promise<HopResponse> {
  const wire: WireRequest = {
    url: exchange.url,
    method: exchange.method,
    headers: exchange.sent,
    body: exchange.body,
    signal: exchange.signal,
    ...(exchange.options.upgrade ? { upgrade: exchange.options.upgrade } : {}),
  };
  if (exchange.loadedBy === 'network') return fromNetwork(exchange.ctx, exchange.source, wire);
  if (exchange.loadedBy === 'file') return loadFile(exchange.url, exchange.signal);
  return fromHandler(exchange, wire);
}
