// ses.fetch(input[, init]): WHATWG Request in, Response out, through the
// session's own network stack: its user agent and languages on the wire,
// redirects, bodies both ways, streaming, aborts, Electron's net:: errors,
// and connections that belong to one session only.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { closedPort, patternBytes, startHttpServer, type FixtureServer } from '../../fixtures/servers/index.ts';

export const meta = defineSpec({
  members: ['ses.fetch'],
  eras: 'current',
  requires: ['network', 'tls', 'dns'],
  level: 'must',
  basis: 'electron',
  summary:
    'Fetches through the session: UA and q-valued Accept-Language on the wire, bodies, streaming, redirects, aborts, net:: errors, per-session connections.',
});

const t = useTarget(meta, {
  trustFixtureCa: true,
  switches: { 'host-resolver-rules': 'MAP notfound.fixture.test ~NOTFOUND, MAP *.fixture.test 127.0.0.1' },
});

const session = (name: string) => t.session.fromPartition(name);

let http: FixtureServer;
let https: FixtureServer;
let h2: FixtureServer;

beforeAll(async () => {
  [http, https, h2] = await Promise.all([startHttpServer(), startHttpServer({ tls: 'valid' }), startHttpServer({ http2: true })]);
});

afterAll(async () => {
  await Promise.all([http?.close(), https?.close(), h2?.close()]);
});

describe('ses.fetch', () => {
  it('resolves with a global Response carrying the status, headers and body the server sent', async () => {
    const res = await session('fetch-basic').fetch(`${http.url}echo`);
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/json');
    const echoed = (await res.json()) as { method: string; url: string };
    expect(echoed).toMatchObject({ method: 'GET', url: '/echo' });
  });

  it("sends the session's user agent and its languages with Chromium's q-values", async () => {
    const ses = session('fetch-ua');
    ses.setUserAgent('conformance-agent/1.0', 'en-US,fr,de');
    await (await ses.fetch(`${http.url}echo?ua`)).text();
    const seen = http.log.requests.find((r) => r.url === '/echo?ua')!;
    expect(seen.headers['user-agent']).toBe('conformance-agent/1.0');
    expect(seen.headers['accept-language']).toBe('en-US,fr;q=0.9,de;q=0.8');
  });

  it('keeps a User-Agent the request sets itself', async () => {
    const ses = session('fetch-ua');
    await (await ses.fetch(`${http.url}echo?own-ua`, { headers: { 'user-agent': 'my-own/2' } })).text();
    expect(http.log.requests.find((r) => r.url === '/echo?own-ua')!.headers['user-agent']).toBe('my-own/2');
  });

  it('sends request bodies (string, bytes and a stream) with their headers', async () => {
    const ses = session('fetch-bodies');
    const text = await ses.fetch(`${http.url}echo?body=string`, {
      method: 'POST',
      body: 'hello body',
      headers: { 'content-type': 'text/plain' },
    });
    expect(((await text.json()) as { body: string }).body).toBe('hello body');
    await (await ses.fetch(`${http.url}echo?body=bytes`, { method: 'PUT', body: new Uint8Array([104, 105]) })).text();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed '));
        controller.enqueue(new TextEncoder().encode('upload'));
        controller.close();
      },
    });
    await (
      await ses.fetch(`${http.url}echo?body=stream`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    ).text();
    const seen = (q: string) => http.log.requests.find((r) => r.url === `/echo?body=${q}`)!;
    expect(seen('string')).toMatchObject({ method: 'POST', complete: true });
    expect(seen('string').headers['content-type']).toBe('text/plain');
    expect(seen('bytes').body.toString()).toBe('hi');
    expect(seen('bytes').method).toBe('PUT');
    expect(seen('stream').body.toString()).toBe('streamed upload');
  });

  it('streams a response body: the first bytes arrive before the server has finished', async () => {
    const res = await session('fetch-stream').fetch(`${http.url}stream`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first;');
    http.release('stream');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('second');
  });

  it('reads a body the server trickles out, chunk by chunk, whole', async () => {
    const res = await session('fetch-slow').fetch(`${http.url}slow?n=6000&chunk=1000&ms=5`);
    expect(Buffer.from(await res.arrayBuffer()).equals(patternBytes(6000))).toBe(true);
  });

  it('reads large bodies whole', async () => {
    const res = await session('fetch-large').fetch(`${http.url}bytes?n=1048576`);
    expect(Buffer.from(await res.arrayBuffer()).equals(patternBytes(1048576))).toBe(true);
  });

  it('follows redirects, turning POST into GET for 302 and keeping method and body for 307', async () => {
    const ses = session('fetch-redirect');
    const to = encodeURIComponent('/echo?after=302');
    const res = await ses.fetch(`${http.url}redirect?code=302&to=${to}`, { method: 'POST', body: 'dropped' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { method: string }).method).toBe('GET');
    const keep = encodeURIComponent('/echo?after=307');
    const kept = await ses.fetch(`${http.url}redirect?code=307&to=${keep}`, { method: 'POST', body: 'kept' });
    expect((await kept.json()) as { method: string; body: string }).toMatchObject({ method: 'POST', body: 'kept' });
    expect(http.log.requests.find((r) => r.url === '/echo?after=302')!.body.length).toBe(0);
  });

  it("rejects redirects when redirect is 'error' or 'manual', as Electron's ClientRequest does", async () => {
    const ses = session('fetch-redirect-modes');
    const url = `${http.url}redirect?code=302&to=%2Fecho`;
    await expect(ses.fetch(url, { redirect: 'error' })).rejects.toThrow("Attempted to redirect, but redirect policy was 'error'");
    await expect(ses.fetch(url, { redirect: 'manual' })).rejects.toThrow('Redirect was cancelled');
  });

  it('gives up after 20 redirects with net::ERR_TOO_MANY_REDIRECTS', async () => {
    http.log.clear();
    await expect(session('fetch-loop').fetch(`${http.url}loop`)).rejects.toThrow('net::ERR_TOO_MANY_REDIRECTS');
    expect(http.log.requestsTo('/loop')).toHaveLength(21);
  });

  it('rejects with net::ERR_CONNECTION_REFUSED when nothing listens', async () => {
    const port = await closedPort();
    const error = await session('fetch-refused')
      .fetch(`http://127.0.0.1:${port}/`)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('net::ERR_CONNECTION_REFUSED');
  });

  it('resolves names with the host resolver rules, and rejects ~NOTFOUND names with net::ERR_NAME_NOT_RESOLVED', async () => {
    const ses = session('fetch-rules');
    const res = await ses.fetch(http.urlFor('/echo?mapped', 'app.fixture.test'));
    expect(((await res.json()) as { headers: { host: string } }).headers.host).toBe(`app.fixture.test:${http.port}`);
    await expect(ses.fetch(http.urlFor('/', 'notfound.fixture.test'))).rejects.toThrow('net::ERR_NAME_NOT_RESOLVED');
  });

  it('refuses ports browsers never use with net::ERR_UNSAFE_PORT', async () => {
    await expect(session('fetch-port').fetch('http://127.0.0.1:6000/')).rejects.toThrow('net::ERR_UNSAFE_PORT');
  });

  it('verifies HTTPS servers against the trusted CAs', async () => {
    const ses = session('fetch-tls');
    expect((await ses.fetch(`${https.url}echo`)).status).toBe(200);
    const untrusted = await startHttpServer({ tls: 'self-signed' });
    try {
      await expect(ses.fetch(untrusted.url)).rejects.toThrow('net::ERR_CERT_AUTHORITY_INVALID');
      expect(untrusted.log.requests).toHaveLength(0);
    } finally {
      await untrusted.close();
    }
  });

  it('talks HTTP/2 to servers that offer it', async () => {
    const res = await session('fetch-h2').fetch(`${h2.url}echo`);
    expect(((await res.json()) as { httpVersion: string }).httpVersion).toBe('2.0');
    expect(h2.log.connections.at(-1)!.alpnProtocol).toBe('h2');
  });

  it('decodes gzip bodies and keeps the Content-Encoding header', async () => {
    const res = await session('fetch-gzip').fetch(`${http.url}gzip?text=squeezed`);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe('squeezed');
    expect(http.log.requests.find((r) => r.url.startsWith('/gzip'))!.headers['accept-encoding']).toMatch(/gzip/);
  });

  it('rejects with the reason of an already-aborted signal and sends nothing', async () => {
    const controller = new AbortController();
    const reason = new Error('stopped before starting');
    controller.abort(reason);
    await expect(session('fetch-abort').fetch(`${http.url}echo?never`, { signal: controller.signal })).rejects.toBe(reason);
    expect(http.log.requests.some((r) => r.url === '/echo?never')).toBe(false);
  });

  it('rejects with an AbortError when aborted in flight, and the connection is dropped', async () => {
    const controller = new AbortController();
    const pending = session('fetch-abort').fetch(`${http.url}hang?abort`, { signal: controller.signal });
    await http.log.waitFor(() => http.log.requests.some((r) => r.url === '/hang?abort'), 'the hanging request');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const connectionId = http.log.requests.find((r) => r.url === '/hang?abort')!.connectionId;
    await http.log.waitFor(
      () => !!http.log.connections.find((c) => c.id === connectionId)?.closed,
      'the aborted connection to close',
    );
  });

  it('rejects with an AbortError when aborted while a protocol handler has not answered', async () => {
    const ses = session('fetch-abort-handler');
    let asked!: () => void;
    const handlerCalled = new Promise<void>((resolve) => (asked = resolve));
    ses.protocol.handle('never-answers', () => {
      asked();
      return new Promise<Response>(() => undefined);
    });
    const controller = new AbortController();
    const pending = ses.fetch('never-answers://host/', { signal: controller.signal });
    await handlerCalled;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects with an AbortError when aborted while a register* or intercept* handler has not called back', async () => {
    for (const member of ['registerStringProtocol', 'registerStreamProtocol', 'interceptBufferProtocol'] as const) {
      const ses = session(`fetch-abort-${member}`) as unknown as {
        protocol: Record<string, (scheme: string, handler: () => void) => unknown>;
        fetch(url: string, init: { signal: AbortSignal }): Promise<Response>;
      };
      let asked!: () => void;
      const handlerCalled = new Promise<void>((resolve) => (asked = resolve));
      const scheme = member.startsWith('intercept') ? 'http' : `never-calls-back-${member.toLowerCase()}`;
      ses.protocol[member]!(scheme, () => asked());
      const controller = new AbortController();
      const pending = ses.fetch(`${scheme}://host.test/`, { signal: controller.signal });
      await handlerCalled;
      controller.abort();
      await expect(pending, member).rejects.toMatchObject({ name: 'AbortError' });
    }
  });

  it('rejects with an AbortError when aborted while the certificate verify proc has not answered', async () => {
    const ses = session('fetch-abort-verify');
    let asked!: () => void;
    const procCalled = new Promise<void>((resolve) => (asked = resolve));
    ses.setCertificateVerifyProc(() => asked());
    const controller = new AbortController();
    const pending = ses.fetch(https.urlFor('/echo?unverified', 'verify.fixture.test'), { signal: controller.signal });
    await procCalled;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(https.log.requests.some((r) => r.url === '/echo?unverified')).toBe(false);
  });

  it('reuses a connection within a session and never shares one with another session', async () => {
    const a = session('fetch-pool-a');
    const b = session('fetch-pool-b');
    for (const [ses, tag] of [
      [a, 'a1'],
      [a, 'a2'],
      [b, 'b1'],
    ] as const) {
      await (await ses.fetch(`${http.url}echo?pool=${tag}`)).text();
    }
    const conn = (tag: string) => http.log.requests.find((r) => r.url === `/echo?pool=${tag}`)!.connectionId;
    expect(conn('a2')).toBe(conn('a1'));
    expect(conn('b1')).not.toBe(conn('a1'));
  });

  it('rejects invalid input with the TypeError a Request constructor gives', async () => {
    const ses = session('fetch-bad-input');
    await expect(ses.fetch('not a url')).rejects.toThrow(TypeError);
    await expect(ses.fetch(`${http.url}echo`, { method: 'GET', body: 'x' })).rejects.toThrow(TypeError);
  });

  it('accepts bypassCustomProtocolHandlers and still loads from the network', async () => {
    const res = await session('fetch-bypass').fetch(`${http.url}echo?bypass`, { bypassCustomProtocolHandlers: true });
    expect(res.status).toBe(200);
    expect(http.log.requests.some((r) => r.url === '/echo?bypass')).toBe(true);
  });

  it('reads file: URLs and rejects missing files with net::ERR_FILE_NOT_FOUND', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'note.txt');
    await writeFile(file, 'from disk');
    const ses = session('fetch-file');
    expect(await (await ses.fetch(pathToFileURL(file).href)).text()).toBe('from disk');
    await expect(ses.fetch(pathToFileURL(path.join(dir, 'missing.txt')).href)).rejects.toThrow('net::ERR_FILE_NOT_FOUND');
  });
});
