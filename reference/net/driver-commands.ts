// The network stack: real sockets, TLS with the launch CAs, host resolution
// with rules, cache and DoH, net logs. Driver commands stand in for what a
// page of the session does: fetch() (through the same stack as ses.fetch,
// with the page's `login` step), a WebSocket, a <link rel=preconnect> hint, the app's
// answer to the next login request, and the login requests pages made. A
// page holds at most PAGE_BODY_LIMIT of a body: past it, as a renderer out of
// room, the read fails (an endless body from a handler never takes the app's memory).

import type { DriverImplementation, FetchedResponse } from '../../contract/driver-commands.ts';
import { createElectronEvent } from '../events/electron-event.ts';
import { servicesOf } from '../session/binding.ts';
import { netError } from './net-error.ts';
import { pageWebSocket } from './websocket/page-websocket.ts';

const PAGE_BODY_LIMIT = 128 * 1024 * 1024;

async function pageBody(body: ReadableStream<Uint8Array>): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.byteLength;
    if (size > PAGE_BODY_LIMIT) {
      reader.cancel().catch(() => undefined);
      throw netError('ERR_INSUFFICIENT_RESOURCES');
    }
    chunks.push(value);
  }
}

async function pageFetch(args: {
  session: unknown;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<FetchedResponse> {
  const network = servicesOf(args.session as object).network;
  const method = (args.method ?? 'GET').toUpperCase();
  const loaded = await network.load({
    url: new URL(args.url),
    method,
    headers: Object.entries(args.headers ?? {}),
    body: args.body !== undefined && method !== 'GET' && method !== 'HEAD' ? Buffer.from(args.body) : null,
    signal: null,
    redirect: 'follow',
    credentials: 'include',
    initiator: null,
    login: network.login,
    // A page's fetch(): webRequest sees it as 'xhr', whatever its scheme.
    requester: 'page',
    resourceType: 'xhr',
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(loaded.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = loaded.body ? await pageBody(loaded.body) : '';
  return { status: loaded.status, headers, body };
}

export const NET_DRIVER_COMMANDS: DriverImplementation = {
  'page.fetch': pageFetch,
  'page.webSocket': ({ session, ...request }) => pageWebSocket(servicesOf(session as object).network, request),
  'hints.preconnect': ({ session, url, allowCredentials }) => {
    // Electron only reports the hint; opening sockets is up to the app's listener.
    const origin = new URL(url).origin;
    (session as NodeJS.EventEmitter).emit('preconnect', createElectronEvent(), `${origin}/`, allowCredentials ?? true);
  },
  'auth.respond': ({ session, username, password, cancel }) => {
    servicesOf(session as object).network.login.queue(
      cancel ? { cancel: true } : { username: username ?? '', password: password ?? '' },
    );
  },
  'auth.takeRequests': ({ session }) => servicesOf(session as object).network.login.takeAsked(),
};
