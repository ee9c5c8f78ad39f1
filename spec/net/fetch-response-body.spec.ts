// ses.fetch: reading the body of the Response it resolves with. The status
// and headers arrive first; a body the server cuts short fails the read
// afterwards with the net error Chromium gives for the framing it broke
// (the chunked terminator, or bytes promised by Content-Length), and a
// complete body can be read through every WHATWG body reader, FormData too.

import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { failureOf } from '../support/requests.ts';

export const meta = defineSpec({
  members: ['ses.fetch'],
  eras: 'current',
  requires: ['network'],
  level: 'must',
  basis: 'chromium',
  summary:
    'A body cut short rejects the read (not the fetch) with ERR_INCOMPLETE_CHUNKED_ENCODING or ERR_CONTENT_LENGTH_MISMATCH; urlencoded and multipart bodies read as FormData.',
});

const t = useTarget(meta);

/** Writes `first` and then drops the connection once those bytes are on their way. */
const cutShort =
  (headers: Record<string, string>) =>
  (_req: unknown, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/plain', ...headers });
    res.write('first chunk', () => res.destroy());
  };

const server = useHttpServer({
  routes: {
    '/chunked-cut': (req, res) => cutShort({})(req, res as ServerResponse),
    '/length-cut': (req, res) => cutShort({ 'content-length': '1000' })(req, res as ServerResponse),
    // Drops the connection only once the spec has read the first chunk.
    '/chunked-gated': (_req, res, _body, ctx) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      (res as ServerResponse).write('first chunk');
      void ctx.gate('cut').then(() => res.destroy());
    },
    '/urlencoded': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
      res.end('fruit=pear&fruit=fig&empty=&sp=a+b%21');
    },
    '/multipart': (_req, res) => {
      const body = ['--fence', 'Content-Disposition: form-data; name="word"', '', 'hello', '--fence--', ''].join('\r\n');
      res.writeHead(200, { 'content-type': 'multipart/form-data; boundary=fence' });
      res.end(body);
    },
  },
});

const ses = (name: string) => t.session.fromPartition(name);

describe('ses.fetch response bodies', () => {
  it('resolves with the status of a chunked response the server drops mid-body, then rejects the body read with net::ERR_INCOMPLETE_CHUNKED_ENCODING', async () => {
    const res = await ses('body-chunked').fetch(`${server.url}chunked-cut`);
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(await failureOf(res.text())).toMatch(/net::ERR_INCOMPLETE_CHUNKED_ENCODING/);
  });

  it('rejects the body read with net::ERR_CONTENT_LENGTH_MISMATCH when fewer bytes come than Content-Length promised', async () => {
    const res = await ses('body-length').fetch(`${server.url}length-cut`);
    expect(res.status).toBe(200);
    expect(await failureOf(res.arrayBuffer())).toMatch(/net::ERR_CONTENT_LENGTH_MISMATCH/);
  });

  it('hands the bytes that did arrive to a stream reader before the failure', async () => {
    const res = await ses('body-reader').fetch(`${server.url}chunked-gated`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('first chunk');
    server.release('cut');
    expect(await failureOf(reader.read())).toMatch(/net::ERR_INCOMPLETE_CHUNKED_ENCODING/);
  });

  it('reads an application/x-www-form-urlencoded body as FormData', async () => {
    const form = await (await ses('body-form').fetch(`${server.url}urlencoded`)).formData();
    expect(form.getAll('fruit')).toEqual(['pear', 'fig']);
    expect(form.get('empty')).toBe('');
    expect(form.get('sp')).toBe('a b!');
  });

  it('reads a multipart/form-data body as FormData', async () => {
    const form = await (await ses('body-multipart').fetch(`${server.url}multipart`)).formData();
    expect(form.get('word')).toBe('hello');
  });
});
