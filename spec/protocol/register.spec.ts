// protocol.register{String,Buffer,File,Http,Stream}Protocol and
// unregisterProtocol: a handler answers the session's requests for a scheme
// of its own, with the response types each register call documents, and
// each era reports success its own way (1.x and 9 through a completion,
// 12+ by returning whether it worked).

import { Readable } from 'node:stream';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import {
  change,
  failure,
  failureOf,
  freshSession,
  headerOf,
  mustChange,
  pageFetch,
  thrown,
  verdict,
  type ProtocolCallback,
  type ProtocolRequest,
} from './protocol-support.ts';

export const meta = defineSpec({
  members: [
    'protocol.registerStringProtocol',
    'protocol.registerBufferProtocol',
    'protocol.registerFileProtocol',
    'protocol.registerHttpProtocol',
    'protocol.registerStreamProtocol',
    'protocol.unregisterProtocol',
  ],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary:
    'Registered handlers answer the requests of their scheme with strings, buffers, files, HTTP loads or streams; registering twice and unregistering report as their era does.',
});

const t = useTarget(meta);

const server = useHttpServer();
let dir: string;

beforeAll(async () => {
  dir = await t.tempDir();
  await writeFile(path.join(dir, 'served.txt'), 'file contents');
});

let schemes = 0;
const newScheme = () => `conformance-${++schemes}`;

describe('protocol.registerStringProtocol', () => {
  it('answers with the string the handler gives', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb('plain text'),
    );
    const res = await pageFetch(t, session, `${scheme}://host/path`);
    expect(res).toMatchObject({ status: 200, body: 'plain text' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers with the data and MIME type of an object', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ data: '{"ok":true}', mimeType: 'application/json' }),
    );
    const res = await pageFetch(t, session, `${scheme}://host/`);
    expect(res.body).toBe('{"ok":true}');
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('gives the handler the request: url, method, headers and the body of a POST', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    const seen: ProtocolRequest[] = [];
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (request: ProtocolRequest, cb: ProtocolCallback) => {
      seen.push(request);
      cb('seen');
    });
    await pageFetch(t, session, `${scheme}://host/form`, { method: 'POST', body: 'a=1&b=2', headers: { 'X-Probe': 'yes' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: `${scheme}://host/form`, method: 'POST' });
    expect(headerOf(seen[0]!.headers, 'x-probe')).toBe('yes');
    expect(seen[0]!.uploadData).toHaveLength(1);
    expect(Buffer.from(seen[0]!.uploadData![0]!.bytes).toString()).toBe('a=1&b=2');
  });

  it('answers later when the handler calls back later, and takes the first answer only', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) => {
      setImmediate(() => {
        cb('first');
        cb('second');
      });
    });
    expect((await pageFetch(t, session, `${scheme}://host/`)).body).toBe('first');
  });

  it('fails the request with the net error of { error }', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ error: -6 }),
    );
    expect(await failureOf(pageFetch(t, session, `${scheme}://host/`))).toBe('net::ERR_FILE_NOT_FOUND');
  });

  // The binding reads `error` as an int32 (V8's IsInt32): any other number is
  // no error code, and the rest of the object answers.
  it('reads { error } only when it is an int32: other numbers are no error code', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    const answers: Record<string, unknown> = { huge: -1e300, fraction: -6.5, wide: 2 ** 31, text: '-6' };
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (request: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ error: answers[new URL(request.url).hostname], data: 'served', mimeType: 'text/plain' }),
    );
    for (const host of Object.keys(answers))
      expect((await pageFetch(t, session, `${scheme}://${host}/`)).body, host).toBe('served');
  });

  it('fails the request with net::ERR_NOT_IMPLEMENTED when the handler calls back with nothing', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) => cb());
    expect(await failureOf(pageFetch(t, session, `${scheme}://host/`))).toBe('net::ERR_NOT_IMPLEMENTED');
  });

  t.itInEras(
    '>=e9',
    'answers with the status code and headers of an object, and follows a redirect to the same scheme',
    async () => {
      const { session, protocol } = freshSession(t);
      const scheme = newScheme();
      await mustChange(t, protocol, 'registerStringProtocol', scheme, (request: ProtocolRequest, cb: ProtocolCallback) => {
        if (request.url.endsWith('/redirect')) cb({ statusCode: 302, headers: { Location: `${scheme}://host/target` } });
        else cb({ data: `at ${request.url}`, statusCode: 203, headers: { 'X-One': 'a', 'X-Many': ['b', 'c'] } });
      });
      const res = await pageFetch(t, session, `${scheme}://host/redirect`);
      expect(res.status).toBe(203);
      expect(res.body).toBe(`at ${scheme}://host/target`);
      expect(res.headers['x-one']).toBe('a');
      expect(res.headers['x-many']).toBe('b, c');
    },
  );

  t.itInEras('>=e9', 'fails the request with net::ERR_FAILED for a value that is no string', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ data: 42 }),
    );
    expect(await failureOf(pageFetch(t, session, `${scheme}://host/`))).toBe('net::ERR_FAILED');
  });
});

describe('protocol.registerBufferProtocol', () => {
  it('answers with the bytes of a Buffer, given alone or as data with a MIME type', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerBufferProtocol', scheme, (request: ProtocolRequest, cb: ProtocolCallback) => {
      if (request.url.endsWith('/plain')) cb(Buffer.from('buffer body'));
      else cb({ mimeType: 'text/html', data: Buffer.from('<h5>Response</h5>') });
    });
    const plain = await pageFetch(t, session, `${scheme}://host/plain`);
    expect(plain).toMatchObject({ status: 200, body: 'buffer body' });
    expect(plain.headers['access-control-allow-origin']).toBe('*');
    const html = await pageFetch(t, session, `${scheme}://host/html`);
    expect(html.body).toBe('<h5>Response</h5>');
    expect(html.headers['content-type']).toBe('text/html');
  });

  it('fails the request when the handler gives no buffer (1.x: net::ERR_NOT_IMPLEMENTED, later net::ERR_FAILED)', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerBufferProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ data: 'a string' }),
    );
    const expected = t.era === 'legacy' ? 'net::ERR_NOT_IMPLEMENTED' : 'net::ERR_FAILED';
    expect(await failureOf(pageFetch(t, session, `${scheme}://host/`))).toBe(expected);
  });
});

describe('protocol.registerFileProtocol', () => {
  it('answers with the file at the path the handler gives, alone or as { path }', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    const file = path.join(dir, 'served.txt');
    await mustChange(t, protocol, 'registerFileProtocol', scheme, (request: ProtocolRequest, cb: ProtocolCallback) =>
      cb(request.url.endsWith('/object') ? { path: file } : file),
    );
    const res = await pageFetch(t, session, `${scheme}://host/plain`);
    expect(res).toMatchObject({ status: 200, body: 'file contents' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect((await pageFetch(t, session, `${scheme}://host/object`)).body).toBe('file contents');
  });

  it("serves exactly the handler's file, whatever path the request names", async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    const file = path.join(dir, 'served.txt');
    await mustChange(t, protocol, 'registerFileProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) => cb(file));
    for (const url of [
      `${scheme}://host/../../../../etc/passwd`,
      `${scheme}://host/%2e%2e/%2e%2e/etc/hostname`,
      `${scheme}:///etc/passwd`,
    ]) {
      expect((await pageFetch(t, session, url)).body, url).toBe('file contents');
    }
  });

  it('fails the request with net::ERR_FILE_NOT_FOUND for a file that does not exist', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerFileProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb(path.join(dir, 'missing.txt')),
    );
    expect(await failureOf(pageFetch(t, session, `${scheme}://host/`))).toBe('net::ERR_FILE_NOT_FOUND');
  });
});

describe('protocol.registerHttpProtocol', () => {
  it('answers with what loading the given url brings', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerHttpProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ url: `${server.url}echo?via-http-protocol` }),
    );
    const res = await pageFetch(t, session, `${scheme}://host/`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ method: 'GET', url: '/echo?via-http-protocol' });
    expect(server.log.requests.map((r) => r.url)).toContain('/echo?via-http-protocol');
  });

  it('uses the method the response gives', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerHttpProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ url: `${server.url}echo?via-put`, method: 'PUT' }),
    );
    expect(JSON.parse((await pageFetch(t, session, `${scheme}://host/`)).body)).toMatchObject({
      method: 'PUT',
      url: '/echo?via-put',
    });
  });
});

describe('protocol.registerStreamProtocol', () => {
  it('answers with a readable stream, alone or with a status code and headers', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStreamProtocol', scheme, (request: ProtocolRequest, cb: ProtocolCallback) => {
      if (request.url.endsWith('/plain')) cb(Readable.from([Buffer.from('streamed '), Buffer.from('body')]));
      else
        cb({
          statusCode: 202,
          headers: { 'content-type': 'text/html' },
          data: Readable.from([Buffer.from('<h5>Response</h5>')]),
        });
    });
    expect(await pageFetch(t, session, `${scheme}://host/plain`)).toMatchObject({ status: 200, body: 'streamed body' });
    const res = await pageFetch(t, session, `${scheme}://host/object`);
    expect(res).toMatchObject({ status: 202, body: '<h5>Response</h5>' });
    expect(res.headers['content-type']).toBe('text/html');
  });

  it('carries a large stream whole', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    const chunk = Buffer.alloc(64 * 1024, 'x');
    await mustChange(t, protocol, 'registerStreamProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb(Readable.from(Array.from({ length: 40 }, () => chunk))),
    );
    expect((await pageFetch(t, session, `${scheme}://host/`)).body).toHaveLength(40 * 64 * 1024);
  });
});

describe('registering and unregistering', () => {
  it('refuses a second handler for the same scheme', async () => {
    const { protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) => cb(''));
    const again = await change(t, protocol, 'registerBufferProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb(Buffer.from('')),
    );
    expect(verdict(t, again)).toBe(failure(t, 'The scheme has been registered'));
  });

  t.itInEras('legacy', 'counts the built-in schemes as registered', async () => {
    const { protocol } = freshSession(t);
    const outcome = await change(t, protocol, 'registerStringProtocol', 'http', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb(''),
    );
    expect(verdict(t, outcome)).toBe(failure(t, 'The scheme has been registered'));
  });

  it('unregisters: the scheme is unknown again', async () => {
    const { session, protocol } = freshSession(t);
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerStringProtocol', scheme, (_r: ProtocolRequest, cb: ProtocolCallback) => cb('here'));
    expect((await pageFetch(t, session, `${scheme}://host/`)).body).toBe('here');
    await mustChange(t, protocol, 'unregisterProtocol', scheme);
    expect(await failureOf(pageFetch(t, session, `${scheme}://host/`))).toBe('net::ERR_UNKNOWN_URL_SCHEME');
  });

  it('reports unregistering a scheme that has no handler', async () => {
    const { protocol } = freshSession(t);
    expect(verdict(t, await change(t, protocol, 'unregisterProtocol', newScheme()))).toBe(
      failure(t, 'The scheme has not been registered'),
    );
  });

  it('throws a TypeError for a scheme that is not a string or a handler that is not a function', () => {
    const { protocol } = freshSession(t);
    const handler = (_r: ProtocolRequest, cb: ProtocolCallback) => cb('');
    for (const member of [
      'registerStringProtocol',
      'registerBufferProtocol',
      'registerFileProtocol',
      'registerHttpProtocol',
      'registerStreamProtocol',
    ]) {
      const badScheme = thrown(() => protocol[member]!(42, handler));
      expect(badScheme, member).toBeInstanceOf(TypeError);
      expect(badScheme!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
      const badHandler = thrown(() => protocol[member]!(newScheme(), 'not a function'));
      expect(badHandler, member).toBeInstanceOf(TypeError);
      expect(badHandler!.message).toMatch(/^Error processing argument at index 1, conversion failure from/);
    }
    const unregister = thrown(() => protocol['unregisterProtocol']!({}));
    expect(unregister).toBeInstanceOf(TypeError);
    expect(unregister!.message).toMatch(/^Error processing argument at index 0, conversion failure from/);
  });
});
