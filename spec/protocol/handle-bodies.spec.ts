// protocol.handle with bodies both ways, through ses.fetch: a handler's
// Response body may be bytes or a stream, a streamed request body (duplex
// 'half') reaches the handler whole and in real chunks, and the URL of a
// non-standard scheme reaches it as written. Odd answers and bypassing
// custom handlers for a scheme only a handler knows fail with Electron's
// net errors; a handler forwarding to http can pass the request's headers on.

import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf, freshHandleSession } from './protocol-support.ts';
import { streamOf } from '../support/requests.ts';

export const meta = defineSpec({
  members: ['protocol.handle'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'Handler bodies (bytes, streams) and streamed request bodies pass whole; non-standard URLs stay as written; a bad statusText and bypassing a custom-only scheme fail.',
});

const t = useTarget(meta);

const fresh = () => freshHandleSession(t, 'handle-bodies');

const server = useHttpServer();

describe('protocol.handle bodies', () => {
  it('answers with a Buffer body', async () => {
    const { session, protocol } = fresh();
    protocol.handle('test-scheme', (req: Request) => new Response(Buffer.from(`hello ${req.url}`)));
    expect(await (await session.fetch('test-scheme://foo')).text()).toBe('hello test-scheme://foo');
  });

  it('answers with a stream body, read whole by the caller', async () => {
    const { session, protocol } = fresh();
    protocol.handle('test-scheme', () => new Response(streamOf(['valar ', 'morghulis'])));
    expect(await (await session.fetch('test-scheme://foo')).text()).toBe('valar morghulis');
  });

  it('hands a streamed request body to the handler whole', async () => {
    const { session, protocol } = fresh();
    protocol.handle('test-scheme', (req: Request) => new Response(req.body));
    const res = await session.fetch('test-scheme://foo', {
      method: 'POST',
      body: streamOf(['streamed ', 'upload']),
      duplex: 'half',
    });
    expect(await res.text()).toBe('streamed upload');
  });

  it('gives the handler a request body stream of byte chunks only, never an undefined one', async () => {
    const { session, protocol } = fresh();
    const chunks: unknown[] = [];
    protocol.handle('cors', async (req: Request) => {
      expect(req.body).toBeInstanceOf(ReadableStream);
      for await (const chunk of req.body as unknown as AsyncIterable<unknown>) chunks.push(chunk);
      return new Response(null, { status: 200 });
    });
    const res = await session.fetch('cors://url.invalid', {
      method: 'POST',
      body: streamOf(['This ', 'is ', 'a ', 'slow ', 'request.']),
      duplex: 'half',
    });
    expect(res.ok).toBe(true);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    expect(Buffer.concat(chunks as Uint8Array[]).toString()).toBe('This is a slow request.');
  });

  it('keeps the URL of a non-standard scheme as written: no host, an empty authority, a port-like part', async () => {
    const { session, protocol } = fresh();
    protocol.handle('test-scheme', (req: Request) => new Response(req.url));
    for (const url of ['test-scheme://foo', 'test-scheme:///foo', 'test-scheme://', 'test-scheme://foo:30']) {
      expect(await (await session.fetch(url)).text()).toBe(url);
    }
  });

  it('fails the request with net::ERR_UNEXPECTED when the answer has a statusText that is not a string', async () => {
    const { session, protocol } = fresh();
    protocol.handle('test-scheme', () => ({ statusText: false }));
    expect(await failureOf(session.fetch('test-scheme://foo'))).toBe('net::ERR_UNEXPECTED');
  });

  it('fails with net::ERR_UNKNOWN_URL_SCHEME when bypassing custom handlers for a scheme only a handler knows', async () => {
    const { session, protocol } = fresh();
    protocol.handle('app', () => new Response('custom'));
    expect(await failureOf(session.fetch('app://foo', { bypassCustomProtocolHandlers: true }))).toBe(
      'net::ERR_UNKNOWN_URL_SCHEME',
    );
    expect(await (await session.fetch('app://foo')).text()).toBe('custom');
  });

  it("lets a handler forward the request's headers to http, and hands back the server's headers", async () => {
    const { session, protocol } = fresh();
    protocol.handle('test-scheme', (req: Request) =>
      session.fetch(`${server.url}headers?foo=bar&probe=forwarded`, { headers: req.headers }),
    );
    const res = await session.fetch('test-scheme://foo', { headers: { 'x-forwarded-probe': 'yes' } });
    expect(res.headers.get('foo')).toBe('bar');
    const seen = server.log.requests.filter((r) => r.url === '/headers?foo=bar&probe=forwarded');
    expect(seen.at(-1)?.headers['x-forwarded-probe']).toBe('yes');
  });
});
