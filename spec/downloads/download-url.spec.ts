// ses.downloadURL: a download of the URL through the session's own network
// (webRequest and cookies see it like any request), announced by
// 'will-download' without a webContents. The URL must be a string (an
// unparsable one is accepted and fails as a download); from Electron 30 a
// second argument may carry request headers.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { startHttpProxy } from '../../fixtures/proxies/http-proxy.ts';
import { downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { contentOf, freshSession, saveTo, thrown, urlDownload } from './download-support.ts';

export const meta = defineSpec({
  members: ['ses.downloadURL'],
  eras: '>=e9',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary:
    "downloadURL downloads through the session's network stack, announces the item with a null webContents, and checks its URL and headers arguments.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

describe('ses.downloadURL', () => {
  it("downloads the URL to the save path set in 'will-download', with no webContents", async () => {
    const file = path.join(await t.tempDir(), 'x.bin');
    const started = await urlDownload(freshSession(t), `${server.url}file?n=5000`, saveTo(file));
    expect(started.webContents).toBeNull();
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(5000))).toBe(true);
    expect(started.atDone.getURL).toBe(`${server.url}file?n=5000`);
  });

  it("sends the session's cookies and passes webRequest like any request of the session", async () => {
    const ses = freshSession(t);
    await t.invoke(ses.cookies, 'cookies.set', { url: server.url, name: 'dl', value: 'yes' });
    const seen: string[] = [];
    ses.webRequest.onBeforeSendHeaders!((details: { url: string }, callback: (r: object) => void) => {
      seen.push(details.url);
      callback({});
    });
    const url = `${server.url}file?n=10&cookie-check=1`;
    const started = await urlDownload(ses, url, saveTo(path.join(await t.tempDir(), 'c.bin')));
    await started.done;
    expect(seen).toContain(url);
    const request = server.log.requests.find((r) => r.url.includes('cookie-check=1'))!;
    expect(request.headers.cookie).toBe('dl=yes');
  });

  it("goes through the session's proxy", async () => {
    const proxy = await startHttpProxy({ hosts: { 'download.test': '127.0.0.1' } });
    try {
      const ses = freshSession(t);
      await t.invoke(ses, 'ses.setProxy', { proxyRules: `http=127.0.0.1:${proxy.port}` });
      const url = `http://download.test:${server.port}/file?n=4000&via-proxy=1`;
      const file = path.join(await t.tempDir(), 'p.bin');
      const started = await urlDownload(ses, url, saveTo(file));
      expect(await started.done).toBe('completed');
      expect((await contentOf(file)).equals(patternBytes(4000))).toBe(true);
      expect(proxy.records.map((r) => [r.kind, r.target])).toEqual([['forward', url]]);
    } finally {
      await proxy.close();
    }
  });

  t.itInEras('current', 'downloads from a custom protocol the session handles', async () => {
    const ses = freshSession(t) as ReturnType<typeof freshSession> & { protocol: { handle: (...a: unknown[]) => void } };
    ses.protocol.handle(
      'dl-scheme',
      () => new Response('from a handler', { headers: { 'content-type': 'application/octet-stream' } }),
    );
    const file = path.join(await t.tempDir(), 'h.bin');
    const started = await urlDownload(ses, 'dl-scheme://item/thing.bin', saveTo(file));
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).toString()).toBe('from a handler');
    expect(started.atDone.getURL).toBe('dl-scheme://item/thing.bin');
    expect(started.atDone.getFilename).toBe('thing.bin');
  });

  it('accepts an unparsable URL, whose download fails with an empty URL', async () => {
    const started = await urlDownload(freshSession(t), 'not a url', saveTo(path.join(await t.tempDir(), 'n.bin')));
    expect(await started.done).toBe('interrupted');
    expect(started.atDone.getURL).toBe('');
  });

  it('throws a TypeError for a URL that is no string', () => {
    const ses = freshSession(t);
    const style = t.era === 'e9' ? '5' : '';
    expect(thrown(() => ses.downloadURL(5))).toMatchObject({
      name: 'TypeError',
      message: `Error processing argument at index 0, conversion failure from ${style}`,
    });
    expect(thrown(() => ses.downloadURL())).toMatchObject({ name: 'TypeError', message: 'Insufficient number of arguments.' });
  });

  t.itInEras('current', 'sends the headers of its options with the request', async () => {
    const url = `${server.url}file?n=10&headers-check=1`;
    const started = await urlDownload(freshSession(t), url, saveTo(path.join(await t.tempDir(), 'h.bin')), {
      headers: { 'X-Download': 'yes', Authorization: 'Basic abc' },
    });
    await started.done;
    const request = server.log.requests.find((r) => r.url.includes('headers-check=1'))!;
    expect(request.headers['x-download']).toBe('yes');
    expect(request.headers.authorization).toBe('Basic abc');
  });

  t.itInEras(
    'current',
    "throws 'Invalid value for headers - must be an object' for headers that are no object of strings",
    () => {
      const ses = freshSession(t);
      for (const headers of ['i-am-a-bad-header', null, undefined, { a: 1 }, 5]) {
        expect(
          thrown(() => ses.downloadURL(`${server.url}file`, { headers })),
          JSON.stringify(headers),
        ).toMatchObject({
          name: 'TypeError',
          message: 'Invalid value for headers - must be an object',
        });
      }
    },
  );

  t.itInEras('current', 'ignores a second argument that is no object', async () => {
    const url = `${server.url}file?n=10&ignored-options=1`;
    const started = await urlDownload(freshSession(t), url, saveTo(path.join(await t.tempDir(), 'i.bin')), 'headers');
    expect(await started.done).toBe('completed');
  });

  t.itInEras('e9..e17', 'takes no options: the headers of a second argument are not sent', async () => {
    const url = `${server.url}file?n=10&no-options=1`;
    const started = await urlDownload(freshSession(t), url, saveTo(path.join(await t.tempDir(), 'o.bin')), {
      headers: { 'X-Download': 'yes' },
    });
    await started.done;
    const request = server.log.requests.find((r) => r.url.includes('no-options=1'))!;
    expect(request.headers['x-download']).toBeUndefined();
  });
});
