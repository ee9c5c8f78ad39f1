// Which requests webRequest sees besides plain http: a page's requests for
// file: URLs and for custom schemes pass it, requests to an intercepted
// scheme pass it in Electron 1.x only (later, the intercepting handler
// answers first), and ses.fetch hands custom schemes and file: URLs to
// their loaders without it.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';
import { mustChange, protocolOf, type ProtocolCallback, type ProtocolRequest } from '../protocol/protocol-support.ts';
import { failureOf, freshSession, headerOf, pageFetch, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: ['webRequest.onBeforeRequest', 'webRequest.onBeforeSendHeaders', 'ses.protocol'],
  eras: '*',
  requires: ['network'],
  level: 'should',
  basis: 'electron',
  summary:
    "A page's file: and custom-scheme requests pass webRequest; intercepted schemes skip it from Electron 9; ses.fetch skips it for non-network URLs.",
});

const t = useTarget(meta);

let server: FixtureServer;
let file: string;

beforeAll(async () => {
  server = await startHttpServer();
  const dir = await t.tempDir();
  file = path.join(dir, 'page.txt');
  await writeFile(file, 'file body');
});

afterAll(async () => {
  await server?.close();
});

const cancel = (_d: Details, callback: Callback) => callback({ cancel: true });

describe('webRequest beyond http', () => {
  it("cancels a page's request for a file: URL", async () => {
    const { session, webRequest } = freshSession(t, 'scope-file');
    const url = pathToFileURL(file).href;
    expect((await pageFetch(t, session, url)).body).toBe('file body');
    webRequest.onBeforeRequest(cancel);
    expect(await failureOf(pageFetch(t, session, url))).toBe('net::ERR_BLOCKED_BY_CLIENT');
  });

  it("shows a page's request for a custom scheme, with the headers it may change", async () => {
    const { session, webRequest } = freshSession(t, 'scope-custom');
    const seenByHandler: string[] = [];
    await mustChange(
      t,
      protocolOf(session),
      'registerStringProtocol',
      'scope-scheme',
      (request: ProtocolRequest, cb: ProtocolCallback) => {
        const accept = headerOf(request.headers, 'accept');
        seenByHandler.push(accept ?? '');
        cb('custom body');
      },
    );
    const seen: string[] = [];
    webRequest.onBeforeSendHeaders((details: Details, callback: Callback) => {
      seen.push(details.url);
      callback({ requestHeaders: { ...(details.requestHeaders as Record<string, string>), Accept: '*/*;test/header' } });
    });
    expect((await pageFetch(t, session, 'scope-scheme://host/')).body).toBe('custom body');
    expect(seen).toEqual(['scope-scheme://host/']);
    expect(seenByHandler).toEqual(['*/*;test/header']);
  });

  t.itInEras('>=e9', 'lets an intercepting handler answer without webRequest', async () => {
    const { session, webRequest } = freshSession(t, 'scope-intercepted');
    await mustChange(t, protocolOf(session), 'interceptStringProtocol', 'http', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb('intercepted'),
    );
    webRequest.onBeforeRequest(cancel);
    expect((await pageFetch(t, session, `${server.url}echo?intercepted`)).body).toBe('intercepted');
  });

  t.itInEras('legacy', 'runs webRequest before an intercepting handler', async () => {
    const { session, webRequest } = freshSession(t, 'scope-intercepted');
    await mustChange(t, protocolOf(session), 'interceptStringProtocol', 'http', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb('intercepted'),
    );
    webRequest.onBeforeRequest(cancel);
    expect(await failureOf(pageFetch(t, session, `${server.url}echo?intercepted`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
  });

  t.itInEras('current', 'lets ses.fetch load custom schemes and file: URLs without webRequest', async () => {
    const { session, webRequest } = freshSession(t, 'scope-net');
    const ses = session as { fetch(url: string): Promise<Response>; protocol: { handle(s: string, h: () => Response): void } };
    ses.protocol.handle('net-scheme', () => new Response('handled'));
    webRequest.onBeforeRequest(cancel);
    expect(await (await ses.fetch('net-scheme://host/')).text()).toBe('handled');
    expect(await (await ses.fetch(pathToFileURL(file).href)).text()).toBe('file body');
    expect(await failureOf(ses.fetch(`${server.url}echo?net-cancelled`))).toBe('net::ERR_BLOCKED_BY_CLIENT');
  });
});
