// Downloads that fail, as Chromium's download system reports them: answers
// with nothing to download (404, 401, 403, a challenge nobody answers or
// refused credentials) and requests a webRequest listener cancels or that
// name a missing file end with 'done' and 'interrupted'; a refused
// connection and a server error interrupt the
// download but leave it resumable ('updated', no 'done'); a body cut short
// is resumed at once with a range request. No partial file is left behind
// by a download that is over.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { closedPort, downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { contentOf, filesIn, freshSession, navigateDownload, saveTo, until, urlDownload } from './download-support.ts';

export const meta = defineSpec({
  members: [
    "downloadItem.on('done')",
    "downloadItem.on('updated')",
    'downloadItem.getReceivedBytes',
    'downloadItem.getTotalBytes',
  ],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary:
    "Failed downloads end 'interrupted' with Chromium's byte counts; resumable failures stay open; no partial file outlives a finished download.",
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });
const ATTACHMENT = 'cd=attachment';

describe('a download that fails for good', () => {
  it("ends 'interrupted' on a 404, with the error page's length as total and nothing received", async () => {
    const dir = await t.tempDir();
    const started = await navigateDownload(
      t,
      freshSession(t),
      `${server.url}file?status=404&${ATTACHMENT}`,
      saveTo(path.join(dir, 'a.bin')),
    );
    expect(await started.done).toBe('interrupted');
    expect(started.atDone.getReceivedBytes).toBe(0);
    expect(started.atDone.getTotalBytes).toBe('status 404'.length);
    expect(started.updates).toEqual([]);
    expect(await filesIn(dir)).toEqual([]);
  });

  it("ends 'interrupted' when the server refuses it (401, 403)", async () => {
    for (const status of [401, 403]) {
      const dir = await t.tempDir();
      const url = `${server.url}file?status=${status}&empty=1&${ATTACHMENT}`;
      const started = await navigateDownload(t, freshSession(t), url, saveTo(path.join(dir, 'r.bin')));
      expect(await started.done, String(status)).toBe('interrupted');
      expect([started.atDone.getReceivedBytes, started.atDone.getTotalBytes]).toEqual([0, 0]);
      expect(await filesIn(dir)).toEqual([]);
    }
  });

  t.itInEras('>=e9', "ends 'interrupted' when the server asks for credentials and no page is there to give them", async () => {
    const dir = await t.tempDir();
    const started = await urlDownload(freshSession(t), `${server.url}basic?realm=dl`, saveTo(path.join(dir, 'b.bin')));
    expect(await started.done).toBe('interrupted');
    expect([started.atDone.getReceivedBytes, started.atDone.getTotalBytes]).toEqual([0, 'unauthorized'.length]);
    expect(started.atDone.canResume).toBe(false);
    expect(started.updates).toEqual([]);
    expect(await filesIn(dir)).toEqual([]);
  });

  t.itInEras('current', "ends 'interrupted' when the server refuses the credentials its headers carry", async () => {
    const dir = await t.tempDir();
    const basic = (password: string) => ({
      headers: { Authorization: `Basic ${Buffer.from(`ada:${password}`).toString('base64')}` },
    });
    const url = `${server.url}basic?realm=dl&user=ada&pass=right`;
    const refused = await urlDownload(freshSession(t), url, saveTo(path.join(dir, 'wrong.txt')), basic('wrong'));
    expect(await refused.done).toBe('interrupted');
    expect([refused.atDone.getReceivedBytes, refused.atDone.getTotalBytes]).toEqual([0, 'unauthorized'.length]);
    expect(await filesIn(dir)).toEqual([]);
    const accepted = await urlDownload(freshSession(t), url, saveTo(path.join(dir, 'right.txt')), basic('right'));
    expect(await accepted.done).toBe('completed');
    expect((await contentOf(path.join(dir, 'right.txt'))).toString()).toBe('authenticated as ada');
  });

  t.itInEras('>=e9', "ends 'interrupted' for a file: URL that names no file", async () => {
    const dir = await t.tempDir();
    const missing = `file://${path.join(dir, 'does-not-exist.txt')}`;
    const started = await urlDownload(freshSession(t), missing, saveTo(path.join(dir, 'm.txt')));
    expect(await started.done).toBe('interrupted');
    expect(started.atDone.getReceivedBytes).toBe(0);
  });

  t.itInEras('>=e9', "ends 'interrupted' when a webRequest listener cancels the request", async () => {
    const ses = freshSession(t);
    ses.webRequest.onBeforeRequest!((_details: unknown, callback: (r: object) => void) => callback({ cancel: true }));
    const started = await urlDownload(ses, `${server.url}file?n=10`, saveTo(path.join(await t.tempDir(), 'w.bin')));
    expect(await started.done).toBe('interrupted');
  });
});

describe('a download that can be resumed', () => {
  t.itInEras(
    '>=e9',
    "is interrupted by a refused connection: 'updated' with 'interrupted', resumable, nothing received",
    async () => {
      const port = await closedPort();
      const started = await urlDownload(
        freshSession(t),
        `http://127.0.0.1:${port}/file`,
        saveTo(path.join(await t.tempDir(), 'x.bin')),
      );
      await until(() => started.updates.includes('interrupted'), "'updated' with 'interrupted'");
      expect(started.item.getState()).toBe('interrupted');
      expect(started.item.canResume()).toBe(true);
      expect(started.item.getReceivedBytes()).toBe(0);
      expect(started.dones).toEqual([]);
      started.item.cancel();
      expect(await started.done).toBe('cancelled');
    },
  );

  t.itInEras('>=e9', 'is interrupted by a server error and completes when resumed', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 's.bin');
    const url = `${server.url}file?n=3000&status=503&key=server-error-${Date.now()}`;
    const started = await urlDownload(freshSession(t), url, saveTo(file));
    await until(() => started.item.getState() === 'interrupted', 'the interruption');
    expect(started.dones).toEqual([]);
    expect(started.item.canResume()).toBe(true);
    started.item.resume();
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(3000))).toBe(true);
  });

  t.itInEras(
    '>=e9',
    'resumes a body cut short of its Content-Length at once, asking for the rest with Range and If-Range',
    async () => {
      const dir = await t.tempDir();
      const file = path.join(dir, 'cut.bin');
      const n = 80_000;
      const key = `cut-${Date.now()}`;
      const started = await navigateDownload(t, freshSession(t), `${server.url}file?n=${n}&drop=30000&key=${key}`, saveTo(file));
      expect(await started.done).toBe('completed');
      expect((await contentOf(file)).equals(patternBytes(n))).toBe(true);
      const requests = server.log.requests.filter((r) => r.url.includes(key));
      expect(requests.map((r) => [r.headers.range, r.headers['if-range']])).toEqual([
        [undefined, undefined],
        ['bytes=30000-', downloads.etagFor(n)],
      ]);
      expect(await filesIn(dir)).toEqual(['cut.bin']);
    },
  );

  t.itInEras('current', 'starts a body cut short over when it has no validator to resume with', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'again.bin');
    const key = `again-${Date.now()}`;
    const started = await navigateDownload(
      t,
      freshSession(t),
      `${server.url}file?n=40000&etag=none&modified=none&drop=10000&key=${key}`,
      saveTo(file),
    );
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(40000))).toBe(true);
    const requests = server.log.requests.filter((r) => r.url.includes(key));
    expect(requests.map((r) => r.headers.range)).toEqual([undefined, undefined]);
  });
});
