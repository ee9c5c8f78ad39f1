// protocol.handle / protocol.unhandle (Electron 25+): a handler takes a
// WHATWG Request and returns a Response or a promise of one. Custom schemes
// are registered, http, https and file intercepted; ses.fetch reaches them
// unless it asks to bypass custom handlers. Bad answers fail the request
// with Electron's net errors.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf, freshHandleSession, pageFetch, thrown } from './protocol-support.ts';

export const meta = defineSpec({
  members: ['protocol.handle', 'protocol.unhandle'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary:
    'Handlers answer with a Response for custom schemes and in place of http, https and file, reachable by ses.fetch and pages of that session; unhandle removes them.',
});

const t = useTarget(meta);

const fresh = (label = 'handle') => freshHandleSession(t, label);

const server = useHttpServer();
let dir: string;

beforeAll(async () => {
  dir = await t.tempDir();
  await writeFile(path.join(dir, 'hello.txt'), 'hello world');
});

describe('protocol.handle', () => {
  it("answers requests to a custom scheme with the handler's Response", async () => {
    const { session, protocol } = fresh();
    protocol.handle(
      'test-scheme',
      (req: Request) => new Response(`hello ${req.url}`, { status: 201, headers: { 'x-from': 'handler' } }),
    );
    const res = await session.fetch('test-scheme://foo/bar?q=1');
    expect(res.status).toBe(201);
    expect(res.headers.get('x-from')).toBe('handler');
    expect(await res.text()).toBe('hello test-scheme://foo/bar?q=1');
  });

  it('takes a promise of a Response', async () => {
    const { session, protocol } = fresh();
    protocol.handle('async-scheme', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Response(null, { headers: { 'content-type': 'text/html; charset=testcharset' } });
    });
    const res = await session.fetch('async-scheme://foo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=testcharset');
  });

  it('gives the handler a Request with the method, headers and body of the request', async () => {
    const { session, protocol } = fresh();
    const seen: { method: string; probe: string | null }[] = [];
    protocol.handle('echo-scheme', (req: Request) => {
      seen.push({ method: req.method, probe: req.headers.get('x-probe') });
      return new Response(req.body);
    });
    const res = await session.fetch('echo-scheme://foo', { method: 'POST', body: 'foobar', headers: { 'x-probe': 'yes' } });
    expect(await res.text()).toBe('foobar');
    expect(seen).toEqual([{ method: 'POST', probe: 'yes' }]);
  });

  it('is reachable from the pages of that session and no other', async () => {
    const { session, protocol } = fresh();
    protocol.handle('page-scheme', () => new Response('for pages'));
    expect((await pageFetch(t, session, 'page-scheme://foo/')).body).toBe('for pages');
    const other = fresh('handle-other');
    expect(await failureOf(pageFetch(t, other.session, 'page-scheme://foo/'))).toBe('net::ERR_UNKNOWN_URL_SCHEME');
    expect(await failureOf(other.session.fetch('page-scheme://foo/'))).toBe('net::ERR_UNKNOWN_URL_SCHEME');
  });

  it('intercepts http and https: the network sees nothing', async () => {
    const { session, protocol } = fresh();
    protocol.handle('http', (req: Request) => new Response(`hello ${req.url}`));
    protocol.handle('https', (req: Request) => new Response(`secure ${req.url}`));
    expect(await (await session.fetch(`${server.url}echo?intercepted`)).text()).toBe(`hello ${server.url}echo?intercepted`);
    expect(await (await session.fetch('https://foo')).text()).toBe('secure https://foo/');
    expect(server.log.requests.some((r) => r.url === '/echo?intercepted')).toBe(false);
  });

  it('intercepts file', async () => {
    const { session, protocol } = fresh();
    protocol.handle('file', (req: Request) => new Response(`file handler for ${new URL(req.url).pathname}`));
    const url = pathToFileURL(path.join(dir, 'hello.txt')).href;
    expect(await (await session.fetch(url)).text()).toBe(`file handler for ${new URL(url).pathname}`);
  });

  it('lets ses.fetch bypass the handlers, e.g. to forward to the network', async () => {
    const { session, protocol } = fresh();
    protocol.handle('http', (req: Request) => session.fetch(req, { bypassCustomProtocolHandlers: true }));
    const res = await session.fetch(`${server.url}echo?forwarded`);
    expect(JSON.parse(await res.text())).toMatchObject({ url: '/echo?forwarded' });
    const direct = await session.fetch(`${server.url}echo?bypassed`, { bypassCustomProtocolHandlers: true });
    expect(JSON.parse(await direct.text())).toMatchObject({ url: '/echo?bypassed' });
  });

  it('can forward a custom scheme to http and to a file', async () => {
    const { session, protocol } = fresh();
    const file = pathToFileURL(path.join(dir, 'hello.txt')).href;
    protocol.handle('fwd-scheme', (req: Request) =>
      session.fetch(new URL(req.url).host === 'file' ? file : `${server.url}headers?X-Forwarded=yes`),
    );
    const viaHttp = await session.fetch('fwd-scheme://http/');
    expect(viaHttp.headers.get('x-forwarded')).toBe('yes');
    expect(await viaHttp.text()).toBe('headers');
    expect(await (await session.fetch('fwd-scheme://file/')).text()).toBe('hello world');
  });

  it('fails the request with net::ERR_FAILED for Response.error()', async () => {
    const { session, protocol } = fresh();
    protocol.handle('error-scheme', () => Response.error());
    expect(await failureOf(session.fetch('error-scheme://foo'))).toBe('net::ERR_FAILED');
  });

  it('fails the request with net::ERR_UNEXPECTED when the handler throws, rejects or answers no Response', async () => {
    const { session, protocol } = fresh();
    protocol.handle('throws-scheme', () => {
      throw new Error('test');
    });
    protocol.handle('rejects-scheme', () => Promise.reject(new Error('rejected promise')));
    protocol.handle('status-scheme', () => ({ status: [] }));
    protocol.handle('headers-scheme', () => ({ headers: false }));
    protocol.handle('body-scheme', () => ({ body: false }));
    for (const scheme of ['throws-scheme', 'rejects-scheme', 'status-scheme', 'headers-scheme', 'body-scheme']) {
      expect(await failureOf(session.fetch(`${scheme}://foo`)), scheme).toBe('net::ERR_UNEXPECTED');
    }
  });

  it('throws when the scheme already has a handler', () => {
    const { protocol } = fresh();
    protocol.handle('twice-scheme', () => new Response(''));
    const error = thrown(() => protocol.handle('twice-scheme', () => new Response('')));
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe('Failed to register protocol: twice-scheme');
    protocol.handle('https', () => new Response(''));
    expect(thrown(() => protocol.handle('https', () => new Response('')))!.message).toBe('Failed to register protocol: https');
  });

  it('throws a TypeError for a scheme that is not a string', () => {
    const { protocol } = fresh();
    const error = thrown(() => protocol.handle(42, () => new Response('')));
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
  });
});

describe('protocol.unhandle', () => {
  it('removes the handler: the custom scheme is unknown again', async () => {
    const { session, protocol } = fresh();
    protocol.handle('gone-scheme', (req: Request) => new Response(`hello ${req.url}`));
    expect((await session.fetch('gone-scheme://foo')).status).toBe(200);
    protocol.unhandle('gone-scheme');
    expect(await failureOf(session.fetch('gone-scheme://foo'))).toBe('net::ERR_UNKNOWN_URL_SCHEME');
  });

  it('gives http back to the network', async () => {
    const { session, protocol } = fresh();
    protocol.handle('http', () => new Response('intercepted'));
    protocol.unhandle('http');
    expect(JSON.parse(await (await session.fetch(`${server.url}echo?unhandled`)).text())).toMatchObject({
      url: '/echo?unhandled',
    });
  });

  it('throws for a scheme without a handler', () => {
    const { protocol } = fresh();
    for (const scheme of ['never-handled', 'http', 'file']) {
      const error = thrown(() => protocol.unhandle(scheme));
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toBe(`Failed to unhandle protocol: ${scheme}`);
    }
  });
});
