// ses.createInterruptedDownload: an interrupted item made from saved state,
// announced by 'will-download' before the call returns, that resume()
// continues from the partial file at `path` with a range request (If-Range
// with the ETag or Last-Modified), or starts over without a validator.
// Its options are checked as Electron checks them.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSpec } from '../../harness/api/spec-meta.ts';
import { useTarget } from '../../harness/api/spec-runtime.ts';
import { downloadRoutes, patternBytes } from '../../fixtures/servers/index.ts';
import { useHttpServer } from '../support/fixture-server.ts';
import { contentOf, filesIn, freshSession, nextDownload, thrown, type Started } from './download-support.ts';

export const meta = defineSpec({
  members: ['ses.createInterruptedDownload'],
  eras: '>=e9',
  requires: ['network', 'downloads'],
  level: 'must',
  basis: 'electron',
  summary:
    'createInterruptedDownload announces an interrupted item at once; resuming it continues the partial file with a range request.',
});

const t = useTarget(meta);
const downloads = downloadRoutes();
const server = useHttpServer({ routes: downloads.routes });

async function createAndWait(options: Record<string, unknown>): Promise<Started> {
  const ses = freshSession(t);
  const next = nextDownload(ses);
  ses.createInterruptedDownload(options);
  return next;
}

describe('ses.createInterruptedDownload', () => {
  it("emits 'will-download' before it returns, with an interrupted item and no webContents", async () => {
    const ses = freshSession(t);
    const seen: unknown[][] = [];
    ses.once('will-download', (...args: unknown[]) => seen.push(args));
    const file = path.join(await t.tempDir(), 'saved.pdf');
    ses.createInterruptedDownload({
      path: file,
      urlChain: ['http://127.0.0.1/'],
      mimeType: 'application/pdf',
      offset: 0,
      length: 5242880,
    });
    expect(seen).toHaveLength(1);
    const [, item, webContents] = seen[0] as [unknown, Started['item'], unknown];
    expect(webContents).toBeNull();
    expect(item.getState()).toBe('interrupted');
    expect(item.getSavePath()).toBe(file);
    expect(item.getURLChain()).toEqual(['http://127.0.0.1/']);
    expect(item.getURL()).toBe('http://127.0.0.1/');
    expect(item.getMimeType()).toBe('application/pdf');
    expect(item.getReceivedBytes()).toBe(0);
    expect(item.getTotalBytes()).toBe(5242880);
    expect(item.canResume()).toBe(true);
    expect(item.hasUserGesture()).toBe(false);
  });

  it('keeps the validators, offset and start time it was given, and reports URLs in canonical form', async () => {
    const started = await createAndWait({
      path: path.join(await t.tempDir(), 'v.bin'),
      urlChain: ['http://127.0.0.1:1/a', 'HTTP://Example.COM'],
      offset: 10,
      length: 100,
      eTag: '"abc"',
      lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT',
      startTime: 1234.5,
    });
    const { item } = started;
    expect(item.getURLChain()).toEqual(['http://127.0.0.1:1/a', 'http://example.com/']);
    expect(item.getReceivedBytes()).toBe(10);
    expect(item.getETag()).toBe('"abc"');
    expect(item.getLastModifiedTime()).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    expect(item.getStartTime()).toBe(1234.5);
    expect(item.getMimeType()).toBe('');
  });

  it('starts now by default, and ignores options of the wrong type or name', async () => {
    const before = Date.now() / 1000;
    const started = await createAndWait({
      path: path.join(await t.tempDir(), 'd.bin'),
      urlChain: ['http://127.0.0.1/'],
      length: 5,
      offset: '3',
      eTag: 7,
      // Electron 12's document names the MIME type `type`; Electron reads `mimeType` only.
      type: 'application/pdf',
    });
    expect(started.item.getStartTime()).toBeGreaterThanOrEqual(Math.floor(before));
    expect(started.item.getStartTime()).toBeLessThanOrEqual(Date.now() / 1000 + 1);
    expect(started.item.getReceivedBytes()).toBe(0);
    expect(started.item.getETag()).toBe('');
    expect(started.item.getLastModifiedTime()).toBe('');
    expect(started.item.getMimeType()).toBe('');
  });

  it('resumes from the partial file at its path with Range and If-Range, and completes it', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'partial.bin');
    const n = 300_000;
    const have = 120_000;
    await writeFile(file, patternBytes(n).subarray(0, have));
    const url = `${server.url}file?n=${n}&resume-check=1`;
    const started = await createAndWait({ path: file, urlChain: [url], offset: have, length: n, eTag: downloads.etagFor(n) });
    started.item.resume();
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(n))).toBe(true);
    expect(await filesIn(dir)).toEqual(['partial.bin']);
    const request = server.log.requests.find((r) => r.url.includes('resume-check=1'))!;
    expect(request.headers.range).toBe(`bytes=${have}-`);
    expect(request.headers['if-range']).toBe(downloads.etagFor(n));
    expect(started.atDone.getReceivedBytes).toBe(n);
    expect(started.atDone.getTotalBytes).toBe(n);
  });

  it('without an ETag, resumes with Last-Modified as If-Range, and starts over when the server sends the whole file', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'dated.bin');
    const n = 40_000;
    await writeFile(file, Buffer.alloc(15_000, 0xee));
    const url = `${server.url}file?n=${n}&etag=none&dated-check=1`;
    // The fixture's Last-Modified is a day before now: this older date does not match, so it answers 200.
    const lastModified = 'Wed, 01 Jan 2020 00:00:00 GMT';
    const started = await createAndWait({ path: file, urlChain: [url], offset: 15_000, length: n, lastModified });
    started.item.resume();
    expect(await started.done).toBe('completed');
    const request = server.log.requests.find((r) => r.url.includes('dated-check=1'))!;
    expect([request.headers.range, request.headers['if-range']]).toEqual(['bytes=15000-', lastModified]);
    expect((await contentOf(file)).equals(patternBytes(n))).toBe(true);
    expect(await filesIn(dir)).toEqual(['dated.bin']);
    expect(started.atDone.getReceivedBytes).toBe(n);
  });

  it('starts over without a range request when it has no validator', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'restart.bin');
    await writeFile(file, Buffer.from('stale bytes'));
    const url = `${server.url}file?n=5000&restart-check=1`;
    const started = await createAndWait({ path: file, urlChain: [url], offset: 11, length: 5000 });
    started.item.resume();
    expect(await started.done).toBe('completed');
    expect((await contentOf(file)).equals(patternBytes(5000))).toBe(true);
    const request = server.log.requests.find((r) => r.url.includes('restart-check=1'))!;
    expect(request.headers.range).toBeUndefined();
  });

  it('deletes the partial file at its path when cancelled', async () => {
    const dir = await t.tempDir();
    const file = path.join(dir, 'gone.bin');
    await writeFile(file, Buffer.from('partial'));
    const started = await createAndWait({ path: file, urlChain: ['http://127.0.0.1/'], offset: 7, length: 70 });
    started.item.cancel();
    expect(await started.done).toBe('cancelled');
    expect(await filesIn(dir)).toEqual([]);
  });

  it('throws for missing or unconvertible options', () => {
    const ses = freshSession(t);
    expect(thrown(() => ses.createInterruptedDownload())).toMatchObject({
      name: 'TypeError',
      message: 'Insufficient number of arguments.',
    });
    const detail = t.era === 'e9' ? '5' : '';
    expect(thrown(() => ses.createInterruptedDownload(5))).toMatchObject({
      name: 'TypeError',
      message: `Error processing argument at index 0, conversion failure from ${detail}`,
    });
  });

  it('needs a path, a URL chain and a length, then an offset below the length', () => {
    const ses = freshSession(t);
    const good = { path: '/tmp/x', urlChain: ['http://127.0.0.1/'], length: 10 };
    const missing = 'Must pass non-empty path, urlChain and length.';
    for (const options of [
      {},
      { ...good, path: '' },
      { ...good, urlChain: [] },
      { ...good, length: 0 },
      { ...good, urlChain: 'http://127.0.0.1/' },
      { ...good, urlChain: [1] },
    ]) {
      const error = thrown(() => ses.createInterruptedDownload(options));
      expect(error, JSON.stringify(options)).toBeInstanceOf(Error);
      expect([error!.constructor.name, error!.message]).toEqual(['Error', missing]);
    }
    for (const offset of [10, 11]) {
      const error = thrown(() => ses.createInterruptedDownload({ ...good, offset }));
      expect([error!.constructor.name, error!.message]).toEqual(['Error', 'Must pass an offset value less than length.']);
    }
  });

  it('announces nothing when its options are refused', () => {
    const ses = freshSession(t);
    let announced = false;
    ses.once('will-download', () => (announced = true));
    thrown(() => ses.createInterruptedDownload({ path: '/tmp/x', urlChain: ['http://127.0.0.1/'], length: 1, offset: 1 }));
    expect(announced).toBe(false);
  });
});
