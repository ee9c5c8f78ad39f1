// webRequest and requests of ses.fetch in particular: one that bypasses
// custom protocol handlers still passes the listeners on its way to the
// network (an http handler is skipped, not the listeners), and a streamed
// request body (duplex 'half') goes whole to an HTTP/2 server while an
// onBeforeRequest listener holds the request.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';
import type { HandleSession } from '../protocol/protocol-support.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { streamOf } from '../support/requests.ts';
import { freshSession, type Callback, type Details } from './web-request-support.ts';

export const meta = defineSpec({
  members: ['webRequest.onBeforeRequest'],
  eras: 'current',
  requires: ['network', 'tls'],
  level: 'must',
  basis: 'electron',
  summary:
    'ses.fetch requests that bypass custom handlers still reach onBeforeRequest; a streamed upload passes a listener whole.',
});

const t = useTarget(meta, { trustFixtureCa: true });

const server = useHttpServer({
  routes: {
    '/hi': (_req, res) => {
      res.writeHead(200, { 'content-length': '2' });
      res.end('hi');
    },
  },
});
let h2: FixtureServer;
beforeAll(async () => {
  h2 = await startHttpServer({ http2: true });
});
afterAll(async () => {
  await h2?.close();
});

describe('webRequest and ses.fetch', () => {
  it('runs onBeforeRequest for a request that bypasses custom protocol handlers', async () => {
    const { session, webRequest } = freshSession(t, 'fetch-requests');
    const ses = session as HandleSession;
    ses.protocol.handle('http', () => new Response('custom'));
    const seen: Details[] = [];
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      seen.push(details);
      callback({});
    });
    const body = await (await ses.fetch(`${server.url}hi`, { bypassCustomProtocolHandlers: true })).text();
    expect(body).toBe('hi');
    expect(seen.map((d) => d.url)).toEqual([`${server.url}hi`]);
  });

  it('sends a streamed request body whole to an HTTP/2 server while onBeforeRequest listens', async () => {
    const { session, webRequest } = freshSession(t, 'fetch-requests');
    const listened: string[] = [];
    webRequest.onBeforeRequest((details: Details, callback: Callback) => {
      listened.push(details.method);
      callback({});
    });
    const body = streamOf(['hello', ' ', 'world']);
    const res = await (session as HandleSession).fetch(`${h2.url}echo`, { method: 'POST', body, duplex: 'half' });
    const echoed = (await res.json()) as { body: string; httpVersion: string };
    expect(echoed).toMatchObject({ body: 'hello world', httpVersion: '2.0' });
    expect(listened).toEqual(['POST']);
  });
});
