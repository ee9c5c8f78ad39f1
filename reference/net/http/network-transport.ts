// One network hop: the request goes out on the routes the proxy hook gives
// (a dispatcher per proxy list entry), logged to the net log as Chromium's
// HTTP transaction logs it. A route that cannot connect hands the request to
// the next one; the entries skipped on the way to an answer are reported
// (Chromium's ReportSuccess). A caller's abort ends the exchange at any time.

import type { Dispatcher } from 'undici';
import { NET_ERRORS, NetError, netError, netErrorName, toNetError } from '../net-error.ts';
import { headerLine, type NetLogSource } from '../netlog/net-log-bus.ts';
import { abortReason, untilAborted } from './abort.ts';
import { conflictingHeadersError } from './conflicting-headers.ts';
import { linesOf } from './header-lines.ts';
import type { LoaderContext, Route, SkippedRoute } from './loader-types.ts';
import { ResponseReceiver, type ReceivedResponse } from './response-receiver.ts';
import type { HopResponse } from './stages/stage.ts';

/** What goes on the wire for one hop. */
export interface WireRequest {
  url: URL;
  method: string;
  headers: [string, string][];
  body: Uint8Array | null;
  signal: AbortSignal | null;
  /** A WebSocket handshake: undici sends its own Upgrade and Connection lines and hands over the connection on 101. */
  upgrade?: 'websocket';
}

/** The request's own header lines as undici takes them for an upgrade (it writes Upgrade and Connection itself). */
function dispatchHeaders(headers: [string, string][], upgrade: string | undefined): string[] {
  const lines = upgrade ? headers.filter(([name]) => !/^(?:upgrade|connection)$/i.test(name)) : headers;
  return lines.flat();
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

async function send(
  ctx: LoaderContext,
  source: NetLogSource,
  { url, method, headers, body, signal, upgrade }: WireRequest,
): Promise<{ response: ReceivedResponse; receiver: ResponseReceiver; server: Route['server'] }> {
  // The proxy resolver (a PAC script) may take its time; an abort does not wait for it.
  const routes = await untilAborted(ctx.routesFor(url), signal);
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
    const onAbort = () => receiver.abort(abortReason(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    dispatcher.dispatch(
      {
        // A WebSocket's ws:/wss: origin is reached as http:/https:.
        origin: upgrade ? url.origin.replace(/^ws/, 'http') : url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as Dispatcher.HttpMethod,
        headers: dispatchHeaders(headers, upgrade),
        body: body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : null,
        ...(upgrade ? { upgrade } : {}),
      },
      receiver,
    );
    try {
      const response = await receiver.response;
      if (skipped.length) ctx.routesSkipped(skipped);
      return { response, receiver, server };
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

/** The answer of the network to `request`. */
export async function fromNetwork(ctx: LoaderContext, source: NetLogSource, request: WireRequest): Promise<HopResponse> {
  const { url, method, headers } = request;
  ctx.netLog.begin('URL_REQUEST_START_JOB', source, () => ({ url: url.href, method }));
  ctx.netLog.event('HTTP_TRANSACTION_SEND_REQUEST_HEADERS', source, (mode) => ({
    line: `${method} ${url.pathname}${url.search} HTTP/1.1\r\n`,
    headers: [`Host: ${url.host}`, ...headers.map(([k, v]) => headerLine(k, v, mode))],
  }));
  let response: ReceivedResponse;
  let receiver: ResponseReceiver;
  let server: Route['server'];
  try {
    ({ response, receiver, server } = await send(ctx, source, request));
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
  // HTTP/1 answers (the ones with their raw lines) with conflicting copies of a field fail.
  const conflict = response.rawHeaders && conflictingHeadersError(response.rawHeaders);
  if (conflict) {
    const error = netError(conflict);
    void response.body.cancel(error).catch(() => undefined);
    ctx.netLog.end('URL_REQUEST_START_JOB', source, () => ({ net_error: error.code }));
    throw error;
  }
  ctx.netLog.end('URL_REQUEST_START_JOB', source);
  return {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    lines: response.rawHeaders ?? linesOf(response.headers),
    body: response.socket ? null : response.body,
    ...(response.socket ? { socket: response.socket } : {}),
    whenDone: (listener) => receiver.whenDone(listener),
    // An HTTP(S) proxy carried the request itself (absolute-form), not a tunnel to the server.
    ...((server.scheme === 'http' || server.scheme === 'https') && url.protocol === 'http:'
      ? { viaProxy: { scheme: server.scheme, host: server.host, port: server.port } }
      : {}),
  };
}
