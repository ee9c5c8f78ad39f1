// The network stack: real sockets, TLS with the launch CAs, host resolution
// with rules, cache and DoH, net logs. Driver commands stand in for what a
// page of the session does: fetch() (through the same stack as ses.fetch,
// with the page's `login` step), a <link rel=preconnect> hint, and the
// app's answer to the next login request.

import type { FetchedResponse } from '../../api/driver.ts';
import { servicesOf } from '../../../reference/session/binding.ts';
import { createElectronEvent } from '../../../reference/events/electron-event.ts';
import { networkOf } from '../../../reference/net/network-service.ts';
import type { ReferencePart } from './part.ts';

async function pageFetch(args: {
  session: unknown;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<FetchedResponse> {
  const network = networkOf(servicesOf(args.session as object));
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
  const body = loaded.body ? Buffer.from(await new Response(loaded.body).arrayBuffer()).toString('utf8') : '';
  return { status: loaded.status, headers, body };
}

export const netPart: ReferencePart = {
  capabilities: ['network', 'tls', 'dns', 'net-log'],
  commands: {
    'page.fetch': pageFetch,
    'hints.preconnect': ({ session, url, allowCredentials }) => {
      // Electron only reports the hint; opening sockets is up to the app's listener.
      const origin = new URL(url).origin;
      (session as NodeJS.EventEmitter).emit('preconnect', createElectronEvent(), `${origin}/`, allowCredentials ?? true);
    },
    'auth.respond': ({ session, username, password, cancel }) => {
      networkOf(servicesOf(session as object)).login.queue(
        cancel ? { cancel: true } : { username: username ?? '', password: password ?? '' },
      );
    },
  },
};
