// What the reference does with the answers user code gives back, where
// Electron's own behaviour is no guide (it crashes, never settles, or names
// no error): webRequest header overrides no HTTP response can carry, status
// lines outside what fetch's Response can express, codes Chromium has no name
// for from a protocol handler or a verify proc, and requests still waiting
// for user code when the app quits. Every case settles with a net:: error.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type FixtureServer } from '../../../fixtures/servers/index.ts';
import { launchReference, REFERENCE_DRIVER_COMMANDS, type ReferenceElectron } from '../../../reference/testing.ts';

type Callback = (answer?: unknown) => void;
interface AnyRecord {
  [key: string]: any;
}

let http: FixtureServer;
let https: FixtureServer;
let electron: ReferenceElectron;
let userData: string;
let partitions = 0;

beforeAll(async () => {
  [http, https] = await Promise.all([startHttpServer(), startHttpServer({ tls: 'valid' })]);
  userData = mkdtempSync(path.join(os.tmpdir(), 'user-answers-'));
  electron = launch();
  await electron.app.whenReady();
});

afterAll(async () => {
  await electron.quit();
  await Promise.all([http.close(), https.close()]);
  rmSync(userData, { recursive: true, force: true });
});

function launch(): ReferenceElectron {
  return launchReference({
    era: 'current',
    userDataDir: userData,
    switches: { 'host-resolver-rules': 'MAP *.fixture.test 127.0.0.1' },
  });
}

const fresh = (): AnyRecord => electron.session.fromPartition(`answers-${++partitions}`) as unknown as AnyRecord;
const pageFetch = async (session: unknown, url: string) => REFERENCE_DRIVER_COMMANDS['page.fetch']!({ session, url });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: Error) => error.message,
  );

describe('onHeadersReceived answers', () => {
  const withOverride = (answer: unknown) => {
    const ses = fresh();
    ses.webRequest.onHeadersReceived((_details: unknown, callback: Callback) => callback(answer));
    return ses;
  };

  it('converts header values with ToString, an array element by element', async () => {
    const ses = withOverride({ responseHeaders: { 'x-a': [1, {}, null], 'x-b': true } });
    const res = await pageFetch(ses, `${http.url}echo`);
    expect(res.headers['x-a']).toBe('1, [object Object], null');
    expect(res.headers['x-b']).toBe('true');
  });

  it('ends the conversion at a value ToString refuses, keeping the lines before it', async () => {
    const ses = withOverride({ responseHeaders: { 'x-kept': 'yes', 'x-symbol': [Symbol('no')], 'x-after': 'dropped' } });
    const res = await pageFetch(ses, `${http.url}echo`);
    expect(res.headers['x-kept']).toBe('yes');
    expect(res.headers['x-after']).toBeUndefined();
  });

  it('fails with net::ERR_RESPONSE_HEADERS_TOO_BIG for a huge sparse array, without walking it', async () => {
    const huge: string[] = [];
    huge.length = 2 ** 32 - 1;
    const ses = withOverride({ responseHeaders: { 'x-huge': huge } });
    expect(await failure(pageFetch(ses, `${http.url}echo`))).toBe('net::ERR_RESPONSE_HEADERS_TOO_BIG');
  });

  it('fails with net::ERR_INVALID_RESPONSE for a line no response can carry', async () => {
    for (const responseHeaders of [{ 'x-a': 'line\nbreak' }, { 'bad name': 'v' }, { 'x-a': 'nul\0' }]) {
      const ses = withOverride({ responseHeaders });
      expect(await failure(pageFetch(ses, `${http.url}echo`))).toBe('net::ERR_INVALID_RESPONSE');
      expect(await failure(ses.fetch(`${http.url}echo`))).toBe('net::ERR_INVALID_RESPONSE');
    }
  });

  it("reads the status line as Chromium does; ses.fetch fails for a status fetch's Response cannot take", async () => {
    const odd = withOverride({ responseHeaders: {}, statusLine: 'HTTP/1.1 999 Odd' });
    expect((await pageFetch(odd, `${http.url}echo`)).status).toBe(999);
    expect(await failure(odd.fetch(`${http.url}echo`))).toBe('net::ERR_INVALID_RESPONSE');
    const garbage = withOverride({ responseHeaders: {}, statusLine: 'garbage' });
    expect((await garbage.fetch(`${http.url}echo`)).status).toBe(200);
    const wide = withOverride({ responseHeaders: { 'x-a': 'v' }, statusLine: 'HTTP/1.1 203 Café €' });
    expect((await wide.fetch(`${http.url}echo`)).statusText).toBe(Buffer.from('Café €').toString('latin1'));
  });

  it('goes on unchanged when reading the answer throws', async () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
      },
    );
    const ses = withOverride(hostile);
    expect((await pageFetch(ses, `${http.url}echo`)).status).toBe(200);
  });
});

describe('error codes from user code', () => {
  it('fails a protocol handler answer with a code Chromium does not name as net::ERR_FAILED', async () => {
    const ses = fresh();
    const answers: Record<string, unknown> = { positive: { error: 5 }, unknown: { error: -1e9 }, named: { error: -15 } };
    ses.protocol.registerStringProtocol('codes', (request: { url: string }, callback: Callback) =>
      callback(answers[new URL(request.url).hostname]),
    );
    expect(await failure(ses.fetch('codes://positive/'))).toBe('net::ERR_FAILED');
    expect(await failure(ses.fetch('codes://unknown/'))).toBe('net::ERR_FAILED');
    expect(await failure(ses.fetch('codes://named/'))).toBe('net::ERR_SOCKET_NOT_CONNECTED');
  });

  it('fails a connection whose verify proc answers a code Chromium does not name as net::ERR_FAILED', async () => {
    for (const [code, expected] of [
      [-1e9, 'net::ERR_FAILED'],
      [7, 'net::ERR_FAILED'],
      [-206, 'net::ERR_CERT_REVOKED'],
    ] as const) {
      const ses = fresh();
      ses.setCertificateVerifyProc((_request: unknown, callback: Callback) => callback(code));
      expect(await failure(ses.fetch(https.urlFor('/echo', 'codes.fixture.test'))), String(code)).toBe(expected);
    }
  });
});

describe('quitting', () => {
  it('settles requests still waiting for a handler, a listener or a verify proc with net::ERR_ABORTED', async () => {
    const app = launch();
    await app.app.whenReady();
    const ses = app.session.fromPartition('quitting') as unknown as AnyRecord;
    const asked: Promise<void>[] = [];
    const waitFor = () => {
      let resolve!: () => void;
      asked.push(new Promise<void>((r) => (resolve = r)));
      return () => resolve();
    };
    const handlerAsked = waitFor();
    ses.protocol.handle('pending', () => {
      handlerAsked();
      return new Promise(() => undefined);
    });
    const procAsked = waitFor();
    ses.setCertificateVerifyProc(() => procAsked());
    const listenerAsked = waitFor();
    ses.webRequest.onBeforeRequest({ urls: ['http://*/*'] }, () => listenerAsked());
    const pending = [
      ses.fetch('pending://host/'),
      ses.fetch(https.urlFor('/echo', 'quit.fixture.test')),
      ses.fetch(`${http.url}echo`),
      pageFetch(ses, 'pending://page/'),
    ].map(failure);
    await Promise.all(asked);
    await app.quit();
    expect(await Promise.all(pending)).toEqual(['net::ERR_ABORTED', 'net::ERR_ABORTED', 'net::ERR_ABORTED', 'net::ERR_ABORTED']);
  });

  it('leaves no unhandled rejection behind when a body an onHeadersReceived listener held is thrown away', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const app = launch();
      await app.app.whenReady();
      const ses = app.session.fromPartition('quitting-headers') as unknown as AnyRecord;
      let asked = 0;
      let bothAsked!: () => void;
      const waiting = new Promise<void>((r) => (bothAsked = r));
      ses.webRequest.onHeadersReceived(() => {
        if (++asked === 2) bothAsked();
      });
      const controller = new AbortController();
      const aborted = failure(ses.fetch(`${http.url}stream`, { signal: controller.signal }));
      const quitting = failure(pageFetch(ses, `${http.url}stream`));
      await waiting;
      controller.abort();
      expect(await aborted).toBe('This operation was aborted');
      await app.quit();
      expect(await quitting).toBe('net::ERR_ABORTED');
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
