// The answers registered protocol handlers give, beyond the plain ones:
// a file answer with headers of its own, an HTTP answer that redirects or
// names no URL, answers of the wrong type, a stream answer with a status
// and no data, and stream answers that end while written to or push from
// process.nextTick. A page's request (every era) observes them.

import { writeFile } from 'node:fs/promises';
import { EventEmitter, once } from 'node:events';
import path from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import {
  failureOf,
  freshSession,
  headerOf,
  mustChange,
  pageFetch,
  type ProtocolCallback,
  type ProtocolRequest,
} from './protocol-support.ts';

export const meta = defineSpec({
  members: ['protocol.registerFileProtocol', 'protocol.registerHttpProtocol', 'protocol.registerStreamProtocol'],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'electron',
  summary:
    'File answers carry their headers, HTTP answers follow redirects and fail without a URL, answers of the wrong type fail, stream answers keep their status and end whole.',
});

const t = useTarget(meta);

const server = useHttpServer({
  routes: {
    '/moved': (_req, res) => {
      res.writeHead(301, { location: '/landed', 'content-length': '0' });
      res.end();
    },
    '/landed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '6' });
      res.end('landed');
    },
  },
});
let file: string;

beforeAll(async () => {
  file = path.join(await t.tempDir(), 'served.txt');
  await writeFile(file, 'file contents');
});

let schemes = 0;
const newScheme = () => `answers-${++schemes}`;

/** A session with `handler` registered through `member` for a new scheme: its URL. */
async function registered(member: string, handler: (request: ProtocolRequest, callback: ProtocolCallback) => void) {
  const { session, protocol } = freshSession(t, 'answers');
  const scheme = newScheme();
  await mustChange(t, protocol, member, scheme, handler);
  return { session, url: `${scheme}://host/path` };
}

describe('registered handlers and their answers', () => {
  t.itInEras('>=e9', 'adds the headers of a { path, headers } file answer to the response', async () => {
    const { session, url } = await registered('registerFileProtocol', (_r, cb) =>
      cb({ path: file, headers: { 'X-Great-Header': 'sogreat' } }),
    );
    const res = await pageFetch(t, session, url);
    expect(res.body).toBe('file contents');
    expect(res.headers['x-great-header']).toBe('sogreat');
  });

  t.itInEras(
    'legacy',
    'serves the file of a { path, headers } answer without its headers (1.x reads only the path)',
    async () => {
      const { session, url } = await registered('registerFileProtocol', (_r, cb) =>
        cb({ path: file, headers: { 'X-Great-Header': 'sogreat' } }),
      );
      const res = await pageFetch(t, session, url);
      expect(res.body).toBe('file contents');
      expect(res.headers['x-great-header']).toBeUndefined();
    },
  );

  // Electron 1.x's URLRequest jobs name the failure (no path; a URL that
  // does not parse); the network-service factory fails every bad answer with net::ERR_FAILED.
  const failures: Record<string, [legacy: string, later: string]> = {
    registerFileProtocol: ['net::ERR_NOT_IMPLEMENTED', 'net::ERR_FAILED'],
    registerHttpProtocol: ['net::ERR_INVALID_URL', 'net::ERR_FAILED'],
  };
  for (const [member, [legacy, later]] of Object.entries(failures)) {
    it(`fails the request when a ${member} handler answers with an object of no known shape (a Date)`, async () => {
      const { session, url } = await registered(member, (_r, cb) => cb(new Date()));
      expect(await failureOf(pageFetch(t, session, url))).toBe(t.era === 'legacy' ? legacy : later);
    });
  }

  // The network-service factory's stream job: an answer that is no object is refused before any
  // loading (ResponseMustBeObject), one whose data is no stream (no `on` and `removeListener`) fails.
  t.itInEras('>=e9', 'fails a registerStreamProtocol answer that holds no stream', async () => {
    const answers: [unknown, string][] = [
      ['text', 'net::ERR_NOT_IMPLEMENTED'],
      [42, 'net::ERR_NOT_IMPLEMENTED'],
      [{}, 'net::ERR_FAILED'],
      [{ data: 'text' }, 'net::ERR_FAILED'],
      [{ data: {} }, 'net::ERR_FAILED'],
      [{ on() {} }, 'net::ERR_FAILED'],
    ];
    for (const [answer, expected] of answers) {
      const { session, url } = await registered('registerStreamProtocol', (_r, cb) => cb(answer));
      expect(await failureOf(pageFetch(t, session, url)), JSON.stringify(answer)).toBe(expected);
    }
  });

  it('fails the request when an HTTP answer names a URL that does not parse', async () => {
    const { session, url } = await registered('registerHttpProtocol', (_r, cb) => cb({ url: 'url' }));
    expect(await failureOf(pageFetch(t, session, url))).toBe(t.era === 'legacy' ? 'net::ERR_INVALID_URL' : 'net::ERR_FAILED');
  });

  it('follows the redirects of the URL an HTTP answer names', async () => {
    const { session, url } = await registered('registerHttpProtocol', (_r, cb) => cb({ url: `${server.url}moved` }));
    const res = await pageFetch(t, session, url);
    expect(res).toMatchObject({ status: 200, body: 'landed' });
  });

  it('gives an HTTP handler the request with its headers', async () => {
    const seen: ProtocolRequest[] = [];
    const { session, url } = await registered('registerHttpProtocol', (request, cb) => {
      seen.push(request);
      cb({ url: `${server.url}landed` });
    });
    await pageFetch(t, session, url, { headers: { 'X-Probe': 'on' } });
    expect(seen).toHaveLength(1);
    expect(typeof seen[0]!.headers).toBe('object');
    expect(headerOf(seen[0]!.headers, 'x-probe')).toBe('on');
  });

  // Which session loads the URL shows in its cookies: the handler's session holds one, the others none.
  it("loads the URL of an HTTP answer through the default session when it names none (the handler's own in 1.x), and through a new one for null", async () => {
    const { session, protocol } = freshSession(t, 'answers-session');
    await t.invoke((session as { cookies: object }).cookies, 'cookies.set', { url: server.url, name: 'owner', value: '1' });
    const scheme = newScheme();
    await mustChange(t, protocol, 'registerHttpProtocol', scheme, (request: ProtocolRequest, cb: ProtocolCallback) =>
      cb(request.url.includes('null') ? { url: `${server.url}echo?null`, session: null } : { url: `${server.url}echo?absent` }),
    );
    await pageFetch(t, session, `${scheme}://host/absent`);
    await pageFetch(t, session, `${scheme}://host/null`);
    const cookieOf = (query: string) =>
      server.log.requests.filter((r) => r.url === `/echo?${query}`).at(-1)?.headers.cookie ?? null;
    expect(cookieOf('absent')).toBe(t.era === 'legacy' ? 'owner=1' : null);
    expect(cookieOf('null')).toBeNull();
  });

  it('answers with the status of a stream answer that has no data', async () => {
    const { session, url } = await registered('registerStreamProtocol', (_r, cb) => cb({ statusCode: 204, data: null }));
    const res = await pageFetch(t, session, url);
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
  });

  it('reads a stream answer whole when it ends while data is still being written through a transform', async () => {
    const size = 2 * 1024 * 1024;
    const { session, url } = await registered('registerStreamProtocol', (_r, cb) => {
      const source = new PassThrough();
      const passthrough = new Transform({
        transform(chunk, _encoding, done) {
          done(null, chunk);
        },
      });
      cb({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, data: source.pipe(passthrough) });
      setImmediate(() => {
        source.write(Buffer.alloc(size / 2, 'a'));
        source.end(Buffer.alloc(size / 2, 'b'));
      });
    });
    const res = await pageFetch(t, session, url);
    expect(res.body.length).toBe(size);
  });

  it('reads a stream answer whose reads push from process.nextTick to its end', async () => {
    const events = new EventEmitter();
    const sizes = [65536, 65537, 39156];
    const { session, url } = await registered('registerStreamProtocol', (_r, cb) => {
      const buffers = sizes.map((n) => Buffer.alloc(n, 'x'));
      const stream = new Readable({ highWaterMark: 0 });
      stream.push(buffers.shift());
      stream._read = function () {
        process.nextTick(() => this.push(buffers.shift() ?? null));
      };
      stream.on('end', () => events.emit('end'));
      cb({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, data: stream });
    });
    const ended = once(events, 'end');
    const res = await pageFetch(t, session, url);
    await ended;
    expect(res.body.length).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  t.itInEras('current', 'destroys the stream of an answer whose request is aborted before it completes', async () => {
    const events = new EventEmitter();
    const { session, url } = await registered('registerStreamProtocol', (_r, cb) => {
      const stream = new PassThrough();
      stream.push('data\r\n');
      stream.on('close', () => events.emit('close'));
      cb({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, data: stream });
    });
    const closed = once(events, 'close');
    const controller = new AbortController();
    const res = await (session as { fetch(url: string, init: RequestInit): Promise<Response> }).fetch(url, {
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    controller.abort();
    await closed;
  });
});
