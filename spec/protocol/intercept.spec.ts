// protocol.intercept{String,Buffer,File,Http,Stream}Protocol and
// uninterceptProtocol: a handler answers the session's requests for an
// existing scheme (http here) in place of the network, until it is
// removed; each era reports success its own way.

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
  freshSession,
  mustChange,
  pageFetch,
  thrown,
  verdict,
  type ProtocolCallback,
  type ProtocolRequest,
} from './protocol-support.ts';

export const meta = defineSpec({
  members: [
    'protocol.interceptStringProtocol',
    'protocol.interceptBufferProtocol',
    'protocol.interceptFileProtocol',
    'protocol.interceptHttpProtocol',
    'protocol.interceptStreamProtocol',
    'protocol.uninterceptProtocol',
  ],
  eras: '*',
  requires: ['network'],
  level: 'must',
  basis: 'documented',
  summary:
    'Intercepting handlers answer requests for an existing scheme instead of the network until uninterceptProtocol restores it.',
});

const t = useTarget(meta);

const server = useHttpServer();
let dir: string;

beforeAll(async () => {
  dir = await t.tempDir();
  await writeFile(path.join(dir, 'intercepted.txt'), 'from a file');
});

const reached = (pathAndQuery: string) => server.log.requests.some((r) => r.url === pathAndQuery);

describe('intercepting http', () => {
  it('answers with a string instead of the network', async () => {
    const { session, protocol } = freshSession(t);
    await mustChange(t, protocol, 'interceptStringProtocol', 'http', (request: ProtocolRequest, cb: ProtocolCallback) =>
      cb(`intercepted ${request.method} ${request.url}`),
    );
    const res = await pageFetch(t, session, `${server.url}echo?string-intercepted`);
    expect(res).toMatchObject({ status: 200, body: `intercepted GET ${server.url}echo?string-intercepted` });
    expect(reached('/echo?string-intercepted')).toBe(false);
  });

  it('answers with a buffer, a file or a stream', async () => {
    const file = path.join(dir, 'intercepted.txt');
    const cases: [string, (cb: ProtocolCallback) => void, string][] = [
      ['interceptBufferProtocol', (cb) => cb(Buffer.from('from a buffer')), 'from a buffer'],
      ['interceptFileProtocol', (cb) => cb(file), 'from a file'],
      ['interceptStreamProtocol', (cb) => cb(Readable.from([Buffer.from('from a stream')])), 'from a stream'],
    ];
    for (const [member, answer, body] of cases) {
      const { session, protocol } = freshSession(t);
      await mustChange(t, protocol, member, 'http', (_r: ProtocolRequest, cb: ProtocolCallback) => answer(cb));
      expect((await pageFetch(t, session, `${server.url}echo?${member}`)).body, member).toBe(body);
      expect(reached(`/echo?${member}`)).toBe(false);
    }
  });

  it('loads another url through the session the response names', async () => {
    const { session, protocol } = freshSession(t);
    const other = t.session.fromPartition(`intercept-http-other-${process.pid}`);
    await mustChange(t, protocol, 'interceptHttpProtocol', 'http', (request: ProtocolRequest, cb: ProtocolCallback) =>
      cb({ url: request.url.replace('/echo?asked', '/echo?forwarded'), session: other }),
    );
    const res = await pageFetch(t, session, `${server.url}echo?asked`);
    expect(JSON.parse(res.body)).toMatchObject({ url: '/echo?forwarded' });
    expect(reached('/echo?asked')).toBe(false);
  });

  it('stops when unintercepted: requests reach the network again', async () => {
    const { session, protocol } = freshSession(t);
    await mustChange(t, protocol, 'interceptStringProtocol', 'http', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb('intercepted'),
    );
    expect((await pageFetch(t, session, `${server.url}echo?before-unintercept`)).body).toBe('intercepted');
    await mustChange(t, protocol, 'uninterceptProtocol', 'http');
    const res = await pageFetch(t, session, `${server.url}echo?after-unintercept`);
    expect(JSON.parse(res.body)).toMatchObject({ url: '/echo?after-unintercept' });
  });

  it("leaves other sessions' requests alone", async () => {
    const { protocol } = freshSession(t);
    await mustChange(t, protocol, 'interceptStringProtocol', 'http', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb('intercepted'),
    );
    const other = freshSession(t, 'intercept-other');
    const res = await pageFetch(t, other.session, `${server.url}echo?other-session`);
    expect(JSON.parse(res.body)).toMatchObject({ url: '/echo?other-session' });
  });
});

describe('intercepting and unintercepting', () => {
  it('refuses a second interception of the same scheme', async () => {
    const { protocol } = freshSession(t);
    await mustChange(t, protocol, 'interceptStringProtocol', 'http', (_r: ProtocolRequest, cb: ProtocolCallback) => cb(''));
    const again = await change(t, protocol, 'interceptBufferProtocol', 'http', (_r: ProtocolRequest, cb: ProtocolCallback) =>
      cb(Buffer.from('')),
    );
    expect(verdict(t, again)).toBe(failure(t, 'The scheme has been intercepted'));
  });

  it('reports unintercepting a scheme that is not intercepted', async () => {
    const { protocol } = freshSession(t);
    expect(verdict(t, await change(t, protocol, 'uninterceptProtocol', 'https'))).toBe(
      failure(t, 'The scheme has not been intercepted'),
    );
  });

  t.itInEras('legacy', 'intercepts only a scheme that has a handler', async () => {
    const { protocol } = freshSession(t);
    const outcome = await change(
      t,
      protocol,
      'interceptStringProtocol',
      'no-such-scheme',
      (_r: ProtocolRequest, cb: ProtocolCallback) => cb(''),
    );
    expect(verdict(t, outcome)).toBe(failure(t, 'The scheme has not been registered'));
  });

  it('throws a TypeError for a scheme that is not a string or a handler that is not a function', () => {
    const { protocol } = freshSession(t);
    for (const member of [
      'interceptStringProtocol',
      'interceptBufferProtocol',
      'interceptFileProtocol',
      'interceptHttpProtocol',
      'interceptStreamProtocol',
    ]) {
      const badScheme = thrown(() => protocol[member]!(null, () => undefined));
      expect(badScheme, member).toBeInstanceOf(TypeError);
      expect(badScheme!.message).toMatch(/^Error processing argument at index 0, conversion failure from null$/);
      const badHandler = thrown(() => protocol[member]!('http', {}));
      expect(badHandler, member).toBeInstanceOf(TypeError);
      expect(badHandler!.message).toMatch(/^Error processing argument at index 1, conversion failure from/);
    }
  });
});
