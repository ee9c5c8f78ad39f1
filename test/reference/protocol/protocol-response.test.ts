import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EraId } from '../../../contract/eras/eras.ts';
import { responseFor, type ProtocolType } from '../../../reference/protocol/protocol-response.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'protocol-response-'));
  await writeFile(path.join(dir, 'a.txt'), 'file A');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const loads: unknown[] = [];

function answer(era: EraId, type: ProtocolType, ...args: unknown[]): Promise<Response> {
  return responseFor(
    {
      era,
      type,
      request: { url: 'app://host/', method: 'GET', headers: [['x-h', '1']], referrer: '' },
      loadHttp: async (options) => {
        loads.push(options);
        return new Response(`loaded ${options.url.href}`);
      },
    },
    args,
  );
}

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  return 'no failure';
};

describe('protocol responses', () => {
  it('fails with nothing or an { error }, for every type', async () => {
    for (const type of ['string', 'buffer', 'file', 'http', 'stream', 'free'] as const) {
      expect(await failure(answer('current', type))).toBe('net::ERR_NOT_IMPLEMENTED');
      expect(await failure(answer('e9', type, { error: -10 }))).toBe('net::ERR_ACCESS_DENIED');
    }
    // A bare number is an error in 1.x only.
    expect(await failure(answer('legacy', 'string', -6))).toBe('net::ERR_FILE_NOT_FOUND');
    expect(await failure(answer('current', 'string', -6))).toBe('net::ERR_FAILED');
  });

  it('builds the head from statusCode, headers and mimeType, and redirects', async () => {
    const res = await answer('e12', 'string', {
      data: 'x',
      statusCode: 404,
      headers: { A: 'b', C: ['d', 'e', 5] },
      mimeType: 'text/x',
    });
    expect([res.status, res.statusText, await res.text()]).toEqual([404, 'Not Found', 'x']);
    expect(res.headers.get('a')).toBe('b');
    expect(res.headers.get('c')).toBe('d, e');
    expect(res.headers.get('content-type')).toBe('text/x');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const typed = await answer('e12', 'string', { data: 'x', headers: { 'Content-Type': 'a/b' }, mimeType: 'text/x' });
    expect(typed.headers.get('content-type')).toBe('a/b');
    const redirect = await answer('current', 'buffer', { statusCode: 302, headers: { Location: 'app://host/next' } });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, 'app://host/next']);
  });

  it('reads each type the way its loader does', async () => {
    expect(await (await answer('current', 'buffer', Buffer.from('bytes'))).text()).toBe('bytes');
    expect(await failure(answer('current', 'buffer', 'text'))).toBe('net::ERR_NOT_IMPLEMENTED');
    expect(await failure(answer('current', 'string', { data: 1 }))).toBe('net::ERR_FAILED');
    expect(await (await answer('legacy', 'string', 7.5)).text()).toBe('');
    expect(await (await answer('current', 'file', path.join(dir, 'a.txt'))).text()).toBe('file A');
    expect(await failure(answer('current', 'file', 'a.txt'))).toBe('net::ERR_FILE_NOT_FOUND');
    expect(await failure(answer('current', 'file', dir))).toBe('net::ERR_FILE_NOT_FOUND');
    expect(await failure(answer('legacy', 'file', {}))).toBe('net::ERR_NOT_IMPLEMENTED');
    expect(
      await (
        await answer('current', 'http', {
          url: 'http://a.test/x',
          method: 'POST',
          uploadData: { contentType: 'text/plain', data: 'up' },
        })
      ).text(),
    ).toBe('loaded http://a.test/x');
    expect(loads.at(-1)).toMatchObject({
      method: 'POST',
      headers: [
        ['x-h', '1'],
        ['content-type', 'text/plain'],
      ],
    });
    expect(await failure(answer('legacy', 'http', { url: 'not a url' }))).toBe('net::ERR_INVALID_URL');
    expect(await failure(answer('e17', 'http', { url: 'not a url' }))).toBe('net::ERR_FAILED');
  });

  it('reads streams: Readables, emitters with data/end, and { data: null } as an empty body', async () => {
    expect(await (await answer('current', 'stream', Readable.from(['a', 'b']))).text()).toBe('ab');
    const emitter = Object.assign(new EventEmitter(), {});
    const pending = answer('e9', 'stream', { statusCode: 201, data: emitter });
    setImmediate(() => {
      emitter.emit('data', Buffer.from('x'));
      emitter.emit('end');
    });
    const res = await pending;
    expect([res.status, await res.text()]).toEqual([201, 'x']);
    expect(await (await answer('current', 'stream', { data: null })).text()).toBe('');
    expect(await failure(answer('current', 'stream', { data: 5 }))).toBe('net::ERR_FAILED');
  });

  it('infers the type of a free answer', async () => {
    expect(await (await answer('current', 'free', 'text')).text()).toBe('text');
    expect(await (await answer('current', 'free', { data: Buffer.from('buf') })).text()).toBe('buf');
    expect(await (await answer('current', 'free', { data: Readable.from(['s']) })).text()).toBe('s');
    expect(await (await answer('current', 'free', { path: path.join(dir, 'a.txt') })).text()).toBe('file A');
    expect(await (await answer('current', 'free', { url: 'http://a.test/free' })).text()).toBe('loaded http://a.test/free');
    expect(await failure(answer('current', 'free', { something: 1 }))).toBe('net::ERR_FAILED');
  });
});
