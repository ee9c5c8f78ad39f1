// ses.fetch(input[, init]) as Electron's net-fetch.ts shapes it around the
// network stack: a WHATWG Request is built from the arguments (its errors
// reject the call), an already-aborted signal rejects before any traffic,
// `credentials: 'same-origin'` without an Origin becomes 'include', a
// non-default mode is sent as Sec-Fetch-Mode, and the answer is a fresh
// global Response (so, as Electron documents, its `url` and `type` do not
// describe the exchange). Redirect modes other than 'follow' fail the way
// Electron's ClientRequest fails them.

import { types } from 'node:util';
import { netError } from '../net-error.ts';
import type { NetworkService } from '../network-service.ts';
import type { LoadedResponse } from './url-loader.ts';
import { abortReason } from './abort.ts';
import { discard } from './body-streams.ts';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The global Response for an answer. One the Fetch standard cannot express
 * (a status outside 200-599, which an onHeadersReceived statusLine or a
 * server can give) fails with net::ERR_INVALID_RESPONSE: Electron's own
 * net.fetch throws in its response handler there and never settles.
 */
export function toResponse(loaded: LoadedResponse): Response {
  if (loaded.status < 200 || loaded.status > 599) {
    discard(loaded.body);
    throw netError('ERR_INVALID_RESPONSE');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(loaded.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let body = loaded.body;
  if (body && NULL_BODY_STATUSES.has(loaded.status)) {
    discard(body);
    body = null;
  }
  return new Response(body, { status: loaded.status, statusText: loaded.statusText, headers });
}

/**
 * The Request constructor turns arrays into strings with Array.prototype.join
 * (the URL, the method, the referrer, a string body). V8 joins element by
 * element, holes included: an array of 2^32 - 1 holes keeps the thread busy
 * for minutes and then fails with "Invalid string length". Arrays whose
 * joining would walk more than 2^24 elements fail with that error at once.
 */
const LONGEST_JOIN = 2 ** 24;

function refuseEndlessJoin(value: unknown): void {
  let walked = 0;
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number): void => {
    if (!Array.isArray(v) || seen.has(v) || depth > 64) return;
    seen.add(v);
    walked += v.length;
    if (walked > LONGEST_JOIN) throw new RangeError('Invalid string length');
    for (const key of Object.keys(v)) walk((v as unknown[])[Number(key)], depth + 1);
  };
  walk(value, 0);
}

function plainMember(init: unknown, key: string): unknown {
  if (typeof init !== 'object' || init === null) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(init, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

export async function sessionFetch(network: NetworkService, input: unknown, init: unknown): Promise<Response> {
  refuseEndlessJoin(input);
  if (!(typeof init === 'object' && init !== null && types.isProxy(init))) {
    for (const key of ['method', 'body', 'referrer']) refuseEndlessJoin(plainMember(init, key));
  }
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
    bypassCustomProtocolHandlers: !!(init as { bypassCustomProtocolHandlers?: unknown } | undefined)
      ?.bypassCustomProtocolHandlers,
  });
  return toResponse(loaded);
}
