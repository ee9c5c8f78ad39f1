// webRequest and a page's WebSocket: the opening handshake is a request the
// listeners see (resourceType 'webSocket', the ws:// URL): onBeforeRequest,
// onBeforeSendHeaders (whose headers go on the wire next to Upgrade and
// Connection), onSendHeaders, onHeadersReceived and onResponseStarted with
// the 101's headers, then onCompleted with net::ERR_WS_UPGRADE, as
// Electron's WebSocket proxy reports the end of a handshake (Electron 9+).
// A listener that cancels keeps the socket from opening.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startWebSocketServer, type WebSocketFixture } from '../../fixtures/servers/index.ts';
import {
  freshSession,
  headerOf,
  pageFetch,
  recordAll,
  type Callback,
  type Details,
  type WebRequestLike,
} from './web-request-support.ts';

export const meta = defineSpec({
  members: [
    'webRequest.onBeforeRequest',
    'webRequest.onBeforeSendHeaders',
    'webRequest.onSendHeaders',
    'webRequest.onHeadersReceived',
    'webRequest.onResponseStarted',
    'webRequest.onCompleted',
  ],
  eras: '>=e9',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    "A page's WebSocket handshake passes every webRequest stage (its headers changeable) and completes with net::ERR_WS_UPGRADE; cancelling keeps it closed.",
});

const t = useTarget(meta);

let server: WebSocketFixture;
beforeAll(async () => {
  server = await startWebSocketServer({ protocols: ['chat'] });
});
afterAll(async () => {
  await server?.close();
});

/** Records every stage; onBeforeSendHeaders adds `foo: bar`. */
const listen = (webRequest: WebRequestLike) =>
  recordAll(webRequest, {
    onBeforeSendHeaders: (details) => ({ requestHeaders: { ...(details.requestHeaders as Record<string, string>), foo: 'bar' } }),
    onHeadersReceived: () => ({ cancel: false }),
  });

const header = (headers: unknown, name: string) => headerOf(headers as Record<string, unknown>, name);

describe("webRequest and a page's WebSocket", () => {
  it('shows the handshake to every stage, sends the headers a listener set, and completes with net::ERR_WS_UPGRADE', async () => {
    const { session, webRequest } = freshSession(t, 'websocket');
    const seen = listen(webRequest);
    const url = `${server.wsOrigin}/websocket`;
    const outcome = await t.driver.page.webSocket({ session, url, send: ['foo'] });
    expect(outcome).toEqual({ opened: true, protocol: '', messages: ['bar'] });
    expect(seen.map(([event]) => event)).toEqual([
      'onBeforeRequest',
      'onBeforeSendHeaders',
      'onSendHeaders',
      'onHeadersReceived',
      'onResponseStarted',
      'onCompleted',
    ]);
    for (const [, details] of seen) expect(details).toMatchObject({ url, method: 'GET', resourceType: 'webSocket' });
    const sent = seen.find(([event]) => event === 'onSendHeaders')![1].requestHeaders;
    expect(header(sent, 'foo')).toBe('bar');
    expect(header(sent, 'upgrade')).toBe('websocket');
    const started = seen.find(([event]) => event === 'onResponseStarted')![1];
    expect(started.statusCode).toBe(101);
    expect(header(started.responseHeaders, 'connection')).toEqual(['Upgrade']);
    expect(header(seen.find(([event]) => event === 'onHeadersReceived')![1].responseHeaders, 'upgrade')).toEqual(['websocket']);
    expect(seen.find(([event]) => event === 'onCompleted')![1].error).toBe('net::ERR_WS_UPGRADE');
    expect(server.upgrades.at(-1)).toMatchObject({ url: '/websocket', headers: { foo: 'bar', upgrade: 'websocket' } });
  });

  it('changes the headers of a plain page request of the same server too', async () => {
    const { session, webRequest } = freshSession(t, 'websocket');
    const seen = listen(webRequest);
    const res = await pageFetch(t, session, `${server.httpOrigin}/`);
    expect(res.headers.foo1).toBe('bar1');
    expect(server.requests.at(-1)?.headers.foo).toBe('bar');
    expect(seen.find(([event]) => event === 'onCompleted')![1].error).toBe('net::OK');
  });

  it('keeps the WebSocket closed when onBeforeRequest cancels the handshake', async () => {
    const { session, webRequest } = freshSession(t, 'websocket');
    const errors: Details[] = [];
    webRequest.onBeforeRequest((_details: Details, callback: Callback) => callback({ cancel: true }));
    webRequest.onErrorOccurred((details: Details) => errors.push(details));
    const before = server.upgrades.length;
    const outcome = await t.driver.page.webSocket({ session, url: `${server.wsOrigin}/cancelled`, send: ['foo'] });
    expect(outcome).toEqual({ opened: false, protocol: '', messages: [] });
    expect(server.upgrades.length).toBe(before);
    expect(errors.map((d) => [d.url, d.error])).toEqual([[`${server.wsOrigin}/cancelled`, 'net::ERR_BLOCKED_BY_CLIENT']]);
  });

  it('opens with the subprotocol the server chose and exchanges several messages', async () => {
    const { session } = freshSession(t, 'websocket');
    const outcome = await t.driver.page.webSocket({
      session,
      url: `${server.wsOrigin}/chat`,
      protocols: ['chat', 'other'],
      send: ['one', 'two'],
    });
    expect(outcome).toEqual({ opened: true, protocol: 'chat', messages: ['echo:one', 'echo:two'] });
  });
});
