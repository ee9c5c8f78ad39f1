// DownloadItem pause, isPaused, resume and canResume: pausing stops reading
// the body (the server is held back, nothing more reaches the file), resuming
// reads on to the end; an interrupted download that can continue is resumed
// with a range request for the bytes it lacks, and starts over from the first
// byte when the server answers that request with the whole file.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { contentOf, freshSession, heldDownload, navigateDownload, saveTo, until } from './download-support.ts';

export const meta = defineSpec({
  members: ['downloadItem.pause', 'downloadItem.isPaused', 'downloadItem.resume', 'downloadItem.canResume'],
  eras: '*',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'chromium',
  summary:
    'pause() really stops the transfer and resume() finishes it; an interrupted download resumes with a range request for the missing bytes.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });
/** A download whose first 1000 bytes are in and whose rest waits for the returned gate. */
const halfway = (n: number) => heldDownload(t, server, `n=${n}`, 1000);

describe('downloadItem.pause', () => {
  it('stops the transfer: bytes the server sends meanwhile do not reach the file', async () => {
    const { started, gate, file } = await halfway(65_000);
    started.item.pause();
    server.release(gate);
    await until(() => downloads.flushed(gate), 'the server to send the rest');
    expect(started.item.getReceivedBytes()).toBe(1000);
    expect(started.item.getState()).toBe('progressing');
    expect(started.dones).toEqual([]);
    started.item.resume();
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(65_000))).toBe(true);
  });

  it("emits 'updated' with 'progressing' when it pauses and when it resumes", async () => {
    const { started, gate } = await halfway(5000);
    const before = started.updates.length;
    started.item.pause();
    expect(started.updates.slice(before)).toEqual(['progressing']);
    started.item.resume();
    expect(started.updates.slice(before)).toEqual(['progressing', 'progressing']);
    server.release(gate);
    await started.done;
  });
});

describe('downloadItem.isPaused', () => {
  it('is true from pause() until resume()', async () => {
    const { started, gate } = await halfway(5000);
    expect(started.item.isPaused()).toBe(false);
    started.item.pause();
    expect(started.item.isPaused()).toBe(true);
    started.item.resume();
    expect(started.item.isPaused()).toBe(false);
    server.release(gate);
    expect(await started.done).toBe('completed');
  });
});

describe('downloadItem.resume', () => {
  it('does nothing to a download that is not paused', async () => {
    const { started, gate } = await halfway(5000);
    const before = started.updates.length;
    started.item.resume();
    expect(started.updates.length).toBe(before);
    server.release(gate);
    expect(await started.done).toBe('completed');
  });

  t.itInEras('>=e9', 'continues an interrupted download with Range and If-Range, and completes the file', async () => {
    const n = 50_000;
    const file = path.join(await t.tempDir(), 'r.bin');
    const url = `${server.url}file?n=${n}&chunked=1&drop=20000&key=resume-${Date.now()}`;
    const started = await navigateDownload(t, freshSession(t), url, saveTo(file));
    await until(() => started.updates.includes('interrupted'), "'updated' with 'interrupted'");
    expect(started.item.getState()).toBe('interrupted');
    expect(started.item.getReceivedBytes()).toBe(20_000);
    expect(started.dones).toEqual([]);
    const requests = server.log.requests.length;
    started.item.resume();
    expect(await started.done).toBe('completed');
    const resumed = server.log.requests.slice(requests).find((r) => r.url.includes('drop=20000'))!;
    expect(resumed.headers.range).toBe('bytes=20000-');
    expect(resumed.headers['if-range']).toBe(downloads.etagFor(n));
    expect((await contentOf(file)).equals(patternBytes(n))).toBe(true);
  });

  t.itInEras(
    '>=e9',
    'starts over from the first byte when the server answers the range request with the whole file',
    async () => {
      const n = 50_000;
      const file = path.join(await t.tempDir(), 'whole.bin');
      const key = `whole-${Date.now()}`;
      const url = `${server.url}file?n=${n}&ranges=0&chunked=1&drop=20000&key=${key}`;
      const started = await navigateDownload(t, freshSession(t), url, saveTo(file));
      await until(() => started.item.getState() === 'interrupted', 'the interruption');
      expect(started.item.getReceivedBytes()).toBe(20_000);
      started.item.resume();
      expect(await started.done).toBe('completed');
      const requests = server.log.requests.filter((r) => r.url.includes(key));
      expect(requests.map((r) => r.headers.range)).toEqual([undefined, 'bytes=20000-']);
      // The 200 carried every byte: they replace what the file held instead of being appended to it.
      expect((await contentOf(file)).equals(patternBytes(n))).toBe(true);
      expect([started.atDone.getReceivedBytes, started.atDone.getTotalBytes]).toEqual([n, n]);
    },
  );

  t.itInEras('legacy', 'finds nothing to resume after a body cut short: Chromium 59 completes it', async () => {
    const file = path.join(await t.tempDir(), 'short.bin');
    const url = `${server.url}file?n=50000&chunked=1&drop=20000&key=short-${Date.now()}`;
    const started = await navigateDownload(t, freshSession(t), url, saveTo(file));
    expect(await started.done).toBe('completed');
    expect(started.atDone.getReceivedBytes).toBe(20_000);
    expect((await contentOf(file)).equals(patternBytes(20_000))).toBe(true);
  });
});

describe('downloadItem.canResume', () => {
  it('is true only while the download is paused, false once it is complete', async () => {
    const { started, gate } = await halfway(5000);
    expect(started.item.canResume()).toBe(false);
    started.item.pause();
    expect(started.item.canResume()).toBe(true);
    started.item.resume();
    expect(started.item.canResume()).toBe(false);
    server.release(gate);
    await started.done;
    expect(started.atDone.canResume).toBe(false);
  });

  t.itInEras('>=e9', 'is true for a download interrupted by a network failure that it can continue', async () => {
    const url = `${server.url}file?n=50000&chunked=1&drop=10000&key=can-${Date.now()}`;
    const started = await navigateDownload(t, freshSession(t), url, saveTo(path.join(await t.tempDir(), 'c.bin')));
    await until(() => started.item.getState() === 'interrupted', 'the interruption');
    expect(started.item.canResume()).toBe(true);
    started.item.cancel();
    expect(await started.done).toBe('cancelled');
  });
});
