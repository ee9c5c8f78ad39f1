// ses.fetch(input[, init]) as Electron's net-fetch.ts shapes it around the
// network stack: a WHATWG Request is built from the arguments (its errors
// reject the call), an already-aborted signal rejects before any traffic,
// `credentials: 'same-origin'` without an Origin becomes 'include', a
// non-default mode is sent as Sec-Fetch-Mode, and the answer is a fresh
// global Response (so, as Electron documents, its `url` and `type` do not
// describe the exchange). Redirect modes other than 'follow' fail the way
// Electron's ClientRequest fails them.

import { netError } from '../net-error.ts';
import type { NetworkService } from '../network-service.ts';
import type { LoadedResponse } from './url-loader.ts';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The global Response for an answer. One the Fetch standard cannot express
 * (a status outside 200-599, which an onHeadersReceived statusLine or a
 * server can give) fails with net::ERR_INVALID_RESPONSE: Electron's own
 * net.fetch throws in its response handler there and never settles.
 */
export function toResponse(loaded: LoadedResponse): Response {
  if (loaded.status < 200 || loaded.status > 599) {
    void loaded.body?.cancel();
    throw netError('ERR_INVALID_RESPONSE');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(loaded.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let body = loaded.body;
  if (body && NULL_BODY_STATUSES.has(loaded.status)) {
    void body.cancel();
    body = null;
  }
  return new Response(body, { status: loaded.status, statusText: loaded.statusText, headers });
}

export async function sessionFetch(network: NetworkService, input: unknown, init: unknown): Promise<Response> {
  const request = new Request(input as string | Request, init as RequestInit);
  if (request.signal.aborted) throw abortReason(request.signal);
  const origin = request.headers.get('origin');
  const credentials = request.credentials === 'same-origin' && !origin ? 'include' : request.credentials;
  const headers: [string, string][] = [];
  if (request.mode && (request.mode !== 'cors' || origin)) headers.push(['Sec-Fetch-Mode', request.mode]);
  for (const [name, value] of request.headers) headers.push([name, value]);
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : null;
  request.signal.throwIfAborted();
  const loaded = await network.load({
    url: new URL(request.url),
    method: request.method,
    headers,
    body,
    signal: request.signal,
    redirect: request.redirect,
    credentials,
    initiator: null,
    cache: request.cache,
    bypassCustomProtocolHandlers: !!(init as { bypassCustomProtocolHandlers?: unknown } | undefined)?.bypassCustomProtocolHandlers,
  });
  return toResponse(loaded);
}
